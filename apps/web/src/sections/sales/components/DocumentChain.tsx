import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import RequestQuoteOutlined from '@mui/icons-material/RequestQuoteOutlined';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Money } from './Money';

/** The kinds of objects in a sale's chain, in the order the sale runs. */
export const CHAIN_TYPES = ['CLIENT_INTEREST', 'COMMERCIAL_OFFER', 'INVOICE', 'PAYMENT', 'SHIPMENT', 'EVENT'] as const;
export type ChainType = (typeof CHAIN_TYPES)[number];

export interface ChainEntry {
  type: ChainType;
  id: string;
  /** Number (or an event's subject). */
  title: string;
  /** A calendar date (YYYY-MM-DD) or an instant. */
  date?: string | null;
  amount?: string | null;
  /** A short state: a chip or text. */
  state?: ReactNode;
  /** The document whose card shows the chain. */
  current?: boolean;
  /** Where its card is; null when it has none (the item is then plain text). */
  href: string | null;
}

const ICONS: Record<ChainType, ReactNode> = {
  CLIENT_INTEREST: <HandshakeOutlined fontSize="small" />,
  COMMERCIAL_OFFER: <RequestQuoteOutlined fontSize="small" />,
  INVOICE: <ReceiptLongOutlined fontSize="small" />,
  PAYMENT: <PaymentsOutlined fontSize="small" />,
  SHIPMENT: <LocalShippingOutlined fontSize="small" />,
  EVENT: <EventNoteOutlined fontSize="small" />,
};

const formatWhen = (v: string | null | undefined) => (!v ? '' : v.length <= 10 ? formatDate(v) : formatDateTime(v));

/**
 * «Структура подчиненности»: the interest → offers → invoices → payments and shipments → events, grouped by
 * kind in the order a sale runs, each item a link to its card; the current document is highlighted. The panel
 * reads the same from whichever document of the chain it is shown on.
 */
export function DocumentChain({
  entries,
  newEventHref,
  loading,
  title,
  actions,
}: {
  entries: readonly ChainEntry[];
  newEventHref?: string;
  loading?: boolean;
  /** Defaults to «Связанные документы». */
  title?: string;
  /** More buttons next to «new event» (e.g. create an offer from an interest). */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const groups = CHAIN_TYPES.map((type) => ({ type, items: entries.filter((e) => e.type === type) })).filter((g) => g.items.length > 0);
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 }, mb: 2 }} data-testid="document-chain" aria-busy={loading ? 'true' : undefined}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title ?? t('sales.chain.title')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {actions}
          {newEventHref && (
            <Button size="small" component={RouterLink} to={newEventHref} startIcon={<AddTaskOutlined />} data-testid="chain-new-event">
              {t('sales.chain.newEvent')}
            </Button>
          )}
        </Stack>
      </Stack>
      {groups.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {loading ? t('common.loading') : t('sales.chain.empty')}
        </Typography>
      )}
      {groups.map((g) => (
        <Box key={g.type} sx={{ mb: 1 }}>
          <Typography variant="overline" color="text.secondary" component="h3" sx={{ lineHeight: 2 }}>
            {t(`sales.chain.group.${g.type}`)}
          </Typography>
          <List dense disablePadding>
            {g.items.map((item) => {
              const content = (
                <>
                  <ListItemIcon sx={{ minWidth: 32 }}>{ICONS[item.type]}</ListItemIcon>
                  <ListItemText
                    primary={item.title}
                    secondary={formatWhen(item.date)}
                    slotProps={{ primary: { sx: { fontWeight: item.current ? 600 : undefined, overflowWrap: 'anywhere' } } }}
                    sx={{ minWidth: 0, my: 0.25 }}
                  />
                  <Stack spacing={0.25} sx={{ alignItems: 'flex-end', ml: 1, flexShrink: 0 }}>
                    {item.amount && <Money value={item.amount} />}
                    {item.state}
                  </Stack>
                </>
              );
              return item.href && !item.current ? (
                <ListItemButton
                  key={`${item.type}:${item.id}`}
                  component={RouterLink}
                  to={item.href}
                  data-testid="chain-item"
                  data-type={item.type}
                  sx={{ borderRadius: 1, px: 1 }}
                >
                  {content}
                </ListItemButton>
              ) : (
                <ListItemButton
                  key={`${item.type}:${item.id}`}
                  selected={item.current}
                  disableRipple
                  aria-current={item.current ? 'page' : undefined}
                  data-testid="chain-item"
                  data-type={item.type}
                  data-current={item.current ? 'true' : undefined}
                  sx={{ borderRadius: 1, px: 1, cursor: 'default' }}
                >
                  {content}
                </ListItemButton>
              );
            })}
          </List>
        </Box>
      ))}
    </Paper>
  );
}
