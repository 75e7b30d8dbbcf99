import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import RequestQuoteOutlined from '@mui/icons-material/RequestQuoteOutlined';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { AgeingBuckets, type AgeingBucketKey } from './components/AgeingBuckets';
import { Money } from './components/Money';
import { SalesNav } from './components/SalesNav';
import { OfferStateChip, PostedChip } from './components/state-chips';
import { SalesDeskQuery } from './graphql/desk.graphql';
import { money } from './lib/money';
import { salesPaths } from './lib/paths';

function Block({ title, action, children, testId }: { title: string; action?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} data-testid={testId} sx={{ p: { xs: 1.5, sm: 2 }, mb: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}

function Empty({ children }: { children: string }) {
  return (
    <Typography variant="body2" color="text.secondary">
      {children}
    </Typography>
  );
}

/**
 * «Продажи»: the manager's pipeline by stage (count, amount, weighted by probability), offers waiting for the
 * client's answer, the receivables by how overdue they are, and the latest money in and goods out. The scope is
 * the server's: mine, my team's for a supervisor, everyone's for an administrator.
 */
export default function SalesPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(SalesDeskQuery, { fetchPolicy: 'cache-and-network' });
  const desk = data?.salesDesk;

  const actions = (
    <>
      <Button component={RouterLink} to={salesPaths.newOffer()} startIcon={<RequestQuoteOutlined />} data-testid="desk-new-offer">
        {t('sales.quick.newOffer')}
      </Button>
      <Button component={RouterLink} to={salesPaths.newInvoice()} startIcon={<ReceiptLongOutlined />} data-testid="desk-new-invoice">
        {t('sales.quick.newInvoice')}
      </Button>
      <Button component={RouterLink} to={salesPaths.newPayment()} variant="contained" startIcon={<PaymentsOutlined />} data-testid="desk-new-payment">
        {t('sales.quick.newPayment')}
      </Button>
    </>
  );

  return (
    <Box data-testid="sales-desk">
      <PageHeader title={t('sections.sales')} actions={actions} />
      <SalesNav current="desk" />
      <ErrorAlert error={desk ? undefined : error} />
      {loading && !desk && <LoadingBlock />}
      {desk && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 7 }}>
            <Block
              title={t('sales.desk.receivables')}
              testId="desk-receivables"
              action={
                <Button size="small" component={RouterLink} to={`${salesPaths.invoices}?overdue=1`}>
                  {t('sales.desk.allOverdue')}
                </Button>
              }
            >
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 3 }} sx={{ mb: 1.5 }}>
                <Typography variant="body2">
                  {t('sales.desk.unpaidTotal')}: <Money value={desk.invoiceAgeing.total.amount} strong testId="desk-unpaid-amount" /> ({t('sales.desk.invoiceCount', { count: desk.invoiceAgeing.total.count })})
                </Typography>
                <Typography variant="body2" color={desk.invoiceAgeing.overdue.count > 0 ? 'error' : 'text.secondary'}>
                  {t('sales.desk.overdueTotal')}: <Money value={desk.invoiceAgeing.overdue.amount} strong testId="desk-overdue-amount" /> ({t('sales.desk.invoiceCount', { count: desk.invoiceAgeing.overdue.count })})
                </Typography>
              </Stack>
              <AgeingBuckets
                buckets={[
                  { key: 'D0_7', ...desk.invoiceAgeing.d0_7 },
                  { key: 'D8_30', ...desk.invoiceAgeing.d8_30 },
                  { key: 'D31_60', ...desk.invoiceAgeing.d31_60 },
                  { key: 'D61_PLUS', ...desk.invoiceAgeing.over60 },
                ]}
                hrefOf={(key: AgeingBucketKey) => `${salesPaths.invoices}?overdue=1&ageing=${key}`}
              />
              {desk.invoiceAgeing.notDue.count > 0 && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
                  {t('sales.desk.notDue')}: <Money value={desk.invoiceAgeing.notDue.amount} /> ({t('sales.desk.invoiceCount', { count: desk.invoiceAgeing.notDue.count })})
                </Typography>
              )}
            </Block>

            <Block
              title={t('sales.desk.interestsByStage')}
              testId="desk-interests"
              action={
                <Button size="small" component={RouterLink} to="/client-interests">
                  {t('sales.desk.toBoard')}
                </Button>
              }
            >
              {desk.interestsByStage.length === 0 ? (
                <Empty>{t('sales.desk.noInterests')}</Empty>
              ) : (
                <Box sx={{ overflowX: 'auto' }}>
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('sales.desk.stage')}</TableCell>
                        <TableCell align="right">{t('sales.desk.count')}</TableCell>
                        <TableCell align="right">{t('sales.desk.amount')}</TableCell>
                        <TableCell align="right">{t('sales.desk.weighted')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {desk.interestsByStage.map((row, i) => (
                        <TableRow key={row.stage?.id ?? i} data-testid="desk-stage-row">
                          <TableCell>
                            {row.stage?.name ?? '—'}
                            {row.stage && (
                              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                                {row.stage.probability} %
                              </Typography>
                            )}
                          </TableCell>
                          <TableCell align="right">{row.count}</TableCell>
                          <TableCell align="right">
                            <Money value={row.amount} />
                          </TableCell>
                          <TableCell align="right">
                            <Money value={row.weightedAmount} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                    <TableFooter sx={{ '& td': { color: 'text.primary', fontSize: 'body2.fontSize' } }}>
                      <TableRow>
                        <TableCell sx={{ fontWeight: 600 }}>{t('sales.desk.total')}</TableCell>
                        <TableCell align="right" sx={{ fontWeight: 600 }}>
                          {desk.interestsByStage.reduce((n, r) => n + r.count, 0)}
                        </TableCell>
                        <TableCell align="right">
                          <Money value={money.sum(desk.interestsByStage.map((r) => r.amount))} strong />
                        </TableCell>
                        <TableCell align="right">
                          <Money value={money.sum(desk.interestsByStage.map((r) => r.weightedAmount))} strong testId="desk-weighted-total" />
                        </TableCell>
                      </TableRow>
                    </TableFooter>
                  </Table>
                </Box>
              )}
            </Block>
          </Grid>

          <Grid size={{ xs: 12, lg: 5 }}>
            <Block
              title={t('sales.desk.offersAwaiting')}
              testId="desk-offers"
              action={
                <Button size="small" component={RouterLink} to={`${salesPaths.offers}?state=SENT`}>
                  {t('sales.desk.all')}
                </Button>
              }
            >
              {desk.offersAwaitingAnswer.length === 0 ? (
                <Empty>{t('sales.desk.noOffers')}</Empty>
              ) : (
                <List dense disablePadding>
                  {desk.offersAwaitingAnswer.map((o) => (
                    <ListItemButton key={o.id} component={RouterLink} to={salesPaths.offer(o.id)} data-testid="desk-offer" sx={{ px: 1, borderRadius: 1 }}>
                      <ListItemText
                        primary={`${o.number} · ${o.counterparty?.name ?? ''}`}
                        secondary={o.validUntil ? t('sales.desk.validUntil', { date: formatDate(o.validUntil) }) : formatDate(o.date)}
                        slotProps={{ primary: { noWrap: true } }}
                        sx={{ minWidth: 0 }}
                      />
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', ml: 1, flexShrink: 0 }}>
                        <Money value={o.total} />
                        {o.effectiveState === 'EXPIRED' && <OfferStateChip state={o.effectiveState} />}
                      </Stack>
                    </ListItemButton>
                  ))}
                </List>
              )}
            </Block>

            <Block
              title={t('sales.desk.recentPayments')}
              testId="desk-payments"
              action={
                <Button size="small" component={RouterLink} to={salesPaths.payments}>
                  {t('sales.desk.all')}
                </Button>
              }
            >
              {desk.recentPayments.length === 0 ? (
                <Empty>{t('sales.desk.noPayments')}</Empty>
              ) : (
                <List dense disablePadding>
                  {desk.recentPayments.map((p) => (
                    <ListItemButton key={p.id} component={RouterLink} to={salesPaths.payment(p.id)} data-testid="desk-payment" sx={{ px: 1, borderRadius: 1 }}>
                      <ListItemText primary={p.counterparty?.name ?? p.number} secondary={`${p.number} · ${formatDate(p.date)}`} slotProps={{ primary: { noWrap: true } }} sx={{ minWidth: 0 }} />
                      <Money value={p.amount} sx={p.cancelled ? { textDecoration: 'line-through', color: 'text.disabled' } : { color: 'success.main' }} />
                    </ListItemButton>
                  ))}
                </List>
              )}
            </Block>

            <Block
              title={t('sales.desk.recentShipments')}
              testId="desk-shipments"
              action={
                <Button size="small" component={RouterLink} to={salesPaths.shipments} startIcon={<LocalShippingOutlined />}>
                  {t('sales.desk.all')}
                </Button>
              }
            >
              {desk.recentShipments.length === 0 ? (
                <Empty>{t('sales.desk.noShipments')}</Empty>
              ) : (
                <List dense disablePadding>
                  {desk.recentShipments.map((s) => (
                    <ListItemButton key={s.id} component={RouterLink} to={salesPaths.shipment(s.id)} data-testid="desk-shipment" sx={{ px: 1, borderRadius: 1 }}>
                      <ListItemText primary={s.counterparty?.name ?? s.number} secondary={`${s.number} · ${formatDate(s.date)}`} slotProps={{ primary: { noWrap: true } }} sx={{ minWidth: 0 }} />
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0 }}>
                        <Money value={s.total} />
                        {!s.posted && <PostedChip posted={false} />}
                      </Stack>
                    </ListItemButton>
                  ))}
                </List>
              )}
            </Block>
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
