import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { SalesShipmentPrefillQuery } from '../../../graphql/graphql';
import { useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { formatDate } from '../../../lib/format';
import { CreateShipmentMutation, ShipmentPrefillQuery } from '../graphql/shipment.graphql';
import { isIsoDate, todayIn } from '../lib/dates';
import { formatQuantity, fromScaled, normalizeQuantity, toScaled } from '../lib/money';
import { salesPaths } from '../lib/paths';
import { salesErrors } from '../lib/sales-errors';

/** «Реализация» based on a posted invoice: by default everything not shipped yet; quantities can be lowered. */
export default function ShipmentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invoiceId = params.get('invoiceId') ?? '';
  const { data, loading, error } = useQuery(ShipmentPrefillQuery, { variables: { invoiceId }, skip: !invoiceId, fetchPolicy: 'network-only' });
  const inv = data?.invoice;

  if (!invoiceId) return <EmptyState title={t('sales.shipment.needInvoice')} description={t('sales.shipment.needInvoiceText')} action={<Button component={RouterLink} to={salesPaths.invoices}>{t('sales.nav.invoices')}</Button>} />;
  if (loading && !inv) return <LoadingBlock />;
  if (!inv) return <ErrorAlert error={error} />;
  // What earlier shipments of this invoice (posted or not) already took of each line.
  const shipped = new Map<string, bigint>();
  for (const e of data?.shipments.edges ?? []) for (const l of e.node.lines) shipped.set(l.invoiceLineId, (shipped.get(l.invoiceLineId) ?? 0n) + (toScaled(l.quantity, 3) ?? 0n));
  return <ShipmentForm key={inv.id} invoice={inv} shipped={shipped} onDone={(id) => void navigate(salesPaths.shipment(id), { replace: true })} onCancel={() => void navigate(-1)} />;
}

type PrefillInvoice = SalesShipmentPrefillQuery['invoice'];

function ShipmentForm({ invoice, shipped, onDone, onCancel }: { invoice: NonNullable<PrefillInvoice>; shipped: ReadonlyMap<string, bigint>; onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const shippedOf = (l: (typeof invoice.lines)[number]) => fromScaled(shipped.get(l.id) ?? 0n, 3);
  const left = (l: (typeof invoice.lines)[number]) => fromScaled((toScaled(l.quantity, 3) ?? 0n) - (shipped.get(l.id) ?? 0n), 3);
  const [date, setDate] = useState(todayIn(zone));
  const [comment, setComment] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(invoice.lines.map((l) => [l.id, normalizeQuantity(left(l)) ?? '0'])),
  );
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [create] = useMutation(CreateShipmentMutation, { update: evictList('shipments'), refetchQueries: ['SalesChain', 'SalesDesk'] });

  const errors: FieldErrors = { ...serverFields };
  if (!isIsoDate(date)) errors.date = t('reason.DATE_INVALID');
  invoice.lines.forEach((l, i) => {
    const q = quantities[l.id] ?? '';
    if (!q.trim()) return;
    const n = toScaled(q, 3);
    if (n === null || n < 0n) errors[`lines.${i}.quantity`] = t('sales.lines.quantityPositive');
    else if (n > (toScaled(left(l), 3) ?? 0n)) errors[`lines.${i}.quantity`] = t('sales.shipment.overLeft', { left: formatQuantity(left(l)) });
  });
  const toShip = invoice.lines
    .map((l) => ({ invoiceLineId: l.id, quantity: normalizeQuantity(quantities[l.id] ?? '') ?? '0' }))
    .filter((l) => (toScaled(l.quantity, 3) ?? 0n) > 0n);
  const nothingLeft = invoice.lines.every((l) => (toScaled(left(l), 3) ?? 0n) <= 0n);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (Object.keys(errors).length > 0 || toShip.length === 0) {
      if (toShip.length === 0) setGeneral([t('sales.shipment.nothingToShip')]);
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      const result = await create({ variables: { input: { basedOnInvoiceId: invoice.id, date, comment: comment.trim() || null, lines: toShip } } });
      const id = result.data?.createShipment.id;
      if (id) onDone(id);
    } catch (err) {
      const split = salesErrors(t, err, (f) => f === 'date' || f === 'comment');
      setServerFields(split.fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="shipment-form">
      <PageHeader
        title={t('sales.shipment.newTitle')}
        subtitle={
          <span>
            {t('sales.doc.basedOn')}:{' '}
            <Link component={RouterLink} to={salesPaths.invoice(invoice.id)}>
              {t('sales.invoice.title', { number: invoice.number, date: formatDate(invoice.date) })}
            </Link>
            {invoice.counterparty ? ` · ${invoice.counterparty.name}` : ''}
          </span>
        }
      />
      <ErrorAlert messages={general} />
      {!invoice.posted && <Alert severity="warning" sx={{ mb: 2 }}>{t('sales.shipment.invoiceNotPosted')}</Alert>}
      {nothingLeft && <Alert severity="info" sx={{ mb: 2 }}>{t('sales.shipment.allShipped')}</Alert>}
      <FormSection title={t('sales.form.sectionMain')}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <DateTimeField type="date" label={t('sales.shipment.date')} value={date} onChange={(v) => { setDate(v); setServerFields((f) => omitKey(f, 'date')); }} required error={errors.date} testId="shipment-date" fullWidth={false} />
          <TextField fullWidth label={t('sales.doc.comment')} value={comment} onChange={(e) => setComment(e.target.value)} error={Boolean(errors.comment)} helperText={errors.comment} slotProps={{ htmlInput: { maxLength: 5000, 'data-testid': 'shipment-comment' } }} />
        </Stack>
      </FormSection>
      <FormSection title={t('sales.lines.title')}>
        <TableContainer sx={{ overflowX: 'auto' }}>
          <Table size="small" sx={{ minWidth: 600 }}>
            <TableHead>
              <TableRow>
                <TableCell>№</TableCell>
                <TableCell>{t('sales.lines.product')}</TableCell>
                <TableCell align="right">{t('sales.shipment.invoiced')}</TableCell>
                <TableCell align="right">{t('sales.shipment.shipped')}</TableCell>
                <TableCell align="right" sx={{ width: 160 }}>{t('sales.shipment.toShip')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {invoice.lines.map((l, i) => (
                <TableRow key={l.id} data-testid="shipment-line" sx={{ verticalAlign: 'top' }}>
                  <TableCell sx={{ pt: 2 }}>{l.lineNo}</TableCell>
                  <TableCell sx={{ pt: 2 }}>{l.product?.name}</TableCell>
                  <TableCell align="right" sx={{ pt: 2 }}>{formatQuantity(l.quantity)} {l.product?.unit ?? ''}</TableCell>
                  <TableCell align="right" sx={{ pt: 2 }}>{formatQuantity(shippedOf(l))}</TableCell>
                  <TableCell align="right">
                    <TextField
                      size="small"
                      value={quantities[l.id] ?? ''}
                      onChange={(e) => setQuantities((q) => ({ ...q, [l.id]: e.target.value }))}
                      error={Boolean(errors[`lines.${i}.quantity`])}
                      helperText={errors[`lines.${i}.quantity`]}
                      slotProps={{ htmlInput: { 'data-testid': 'shipment-line-quantity', inputMode: 'decimal', style: { textAlign: 'right' } } }}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </FormSection>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving || nothingLeft} data-testid="shipment-save">
          {saving ? t('common.saving') : t('common.create')}
        </Button>
      </Stack>
    </form>
  );
}
