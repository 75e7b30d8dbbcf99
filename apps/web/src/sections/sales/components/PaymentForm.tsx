import { useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AutoFixHighOutlined from '@mui/icons-material/AutoFixHighOutlined';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { formatDate } from '../../../lib/format';
import { CounterpartyPicker, type PickedCounterparty } from '../../contact-persons/components/CounterpartyPicker';
import { OpenInvoicesQuery } from '../graphql/payment.graphql';
import { isIsoDate, todayIn } from '../lib/dates';
import { allocateGreedy, fromScaled, money, normalizeMoney, toScaled } from '../lib/money';
import { salesPaths } from '../lib/paths';
import { salesErrors } from '../lib/sales-errors';
import { Money } from './Money';
import { PaymentStateChip } from './state-chips';

export interface PaymentFormOutput {
  counterpartyId: string;
  date: string;
  amount: string;
  comment: string | null;
  allocations: Array<{ invoiceId: string; amount: string }>;
}

interface Props {
  initial: { counterparty: PickedCounterparty | null; amount?: string | null; firstInvoiceId?: string | null };
  onSubmit: (output: PaymentFormOutput) => Promise<void>;
  onCancel: () => void;
}

const FIELDS = new Set(['counterpartyId', 'date', 'amount', 'comment', 'allocations']);

/**
 * «Поступление оплаты»: who paid, when, how much, and to which of their posted unpaid invoices the money goes.
 * The allocations are pre-filled oldest invoice first (the invoice it was opened from first) and stay editable;
 * what is not allocated remains an advance. The rules the server applies are checked before sending.
 */
export function PaymentForm({ initial, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const [counterparty, setCounterparty] = useState<PickedCounterparty | null>(initial.counterparty);
  const [date, setDate] = useState(todayIn(zone));
  const [amount, setAmount] = useState(initial.amount ?? '');
  const [comment, setComment] = useState('');
  /** Amounts typed per invoice id; while untouched they follow the greedy pre-fill. */
  const [manual, setManual] = useState<Record<string, string> | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (field: string) => setServerFields((f) => omitKey(f, field));

  const { data, loading, error } = useQuery(OpenInvoicesQuery, {
    variables: { counterpartyId: counterparty?.id ?? '' },
    skip: !counterparty,
    fetchPolicy: 'network-only',
  });
  // Oldest due first (an invoice without a due date by its own date); the invoice the form was opened from leads.
  const invoices = useMemo(() => {
    const open = (data?.invoices.edges ?? []).map((e) => e.node).filter((i) => i.paymentState !== 'PAID' && money.isPositive(i.amountDue));
    const key = (i: (typeof open)[number]) => `${i.id === initial.firstInvoiceId ? '0' : '1'}${i.paymentDueDate ?? i.date}${i.number}`;
    return [...open].sort((a, b) => key(a).localeCompare(key(b)));
  }, [data, initial.firstInvoiceId]);

  const normalizedAmount = normalizeMoney(amount);
  const greedy = useMemo(
    () => allocateGreedy(normalizedAmount ?? '0', invoices.map((i) => ({ id: i.id, remaining: i.amountDue }))),
    [normalizedAmount, invoices],
  );
  const allocation = (id: string) => (manual ? (manual[id] ?? '') : greedy[id] && !money.isZero(greedy[id]) ? greedy[id] : '');

  // Checks as you type, with the server's rules.
  const clientErrors: FieldErrors = {};
  if (submitted && !counterparty) clientErrors.counterpartyId = t('sales.form.counterpartyRequired');
  if (!date ? submitted : !isIsoDate(date)) clientErrors.date = t('reason.DATE_INVALID');
  const amountScaled = toScaled(amount, 2);
  if (amount.trim() === '' ? submitted : amountScaled === null || amountScaled <= 0n) clientErrors.amount = t('sales.payment.amountPositive');
  let allocated = 0n;
  invoices.forEach((inv, i) => {
    const v = allocation(inv.id);
    if (!v.trim()) return;
    const n = toScaled(v, 2);
    if (n === null || n < 0n) clientErrors[`allocations.${i}.amount`] = t('sales.payment.allocationInvalid');
    else if (n > (toScaled(inv.amountDue, 2) ?? 0n)) clientErrors[`allocations.${i}.amount`] = t('sales.payment.allocationOverRemaining');
    else allocated += n;
  });
  const unallocated = (amountScaled ?? 0n) - allocated;
  if (amountScaled !== null && amountScaled > 0n && unallocated < 0n) clientErrors.allocations = t('sales.payment.overAllocated', { amount: fromScaled(-unallocated, 2) });
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    if (!counterparty || !normalizedAmount || !date || Object.keys(clientErrors).length > 0 || (amountScaled ?? 0n) <= 0n) {
      focusFirstError(form);
      return;
    }
    const allocations = invoices
      .map((inv) => ({ invoiceId: inv.id, amount: normalizeMoney(allocation(inv.id)) ?? '0' }))
      .filter((a) => money.isPositive(a.amount));
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({ counterpartyId: counterparty.id, date, amount: normalizedAmount, comment: comment.trim() || null, allocations });
    } catch (err) {
      const split = salesErrors(t, err, (f) => FIELDS.has(f) || /^allocations\.\d+\.(amount|invoiceId)$/.test(f));
      // The server names an allocation by its index in what was sent; the form shows it at its invoice's row.
      const fields: FieldErrors = {};
      for (const [field, text] of Object.entries(split.fields)) {
        const m = /^allocations\.(\d+)\./.exec(field);
        if (m) {
          const invoiceId = allocations[Number(m[1])]?.invoiceId;
          const row = invoices.findIndex((i) => i.id === invoiceId);
          fields[row >= 0 ? `allocations.${row}.amount` : 'allocations'] = text;
        } else fields[field] = text;
      }
      setServerFields(fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="payment-form">
      <ErrorAlert messages={general} />
      <FormSection title={t('sales.form.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <CounterpartyPicker
              label={t('sales.payment.payer')}
              helperText=""
              value={counterparty}
              onChange={(v) => {
                setCounterparty(v);
                setManual(null);
                edited('counterpartyId');
              }}
              error={errors.counterpartyId}
              testId="payment-counterparty"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <DateTimeField
              type="date"
              label={t('sales.payment.date')}
              value={date}
              onChange={(v) => {
                setDate(v);
                edited('date');
              }}
              required
              error={errors.date}
              testId="payment-date"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              fullWidth
              required
              label={t('sales.payment.amount')}
              value={amount}
              onChange={(e) => {
                setAmount(e.target.value);
                edited('amount');
                edited('allocations');
              }}
              error={Boolean(errors.amount)}
              helperText={errors.amount}
              slotProps={{
                input: { endAdornment: <InputAdornment position="end">₽</InputAdornment> },
                htmlInput: { 'data-testid': 'payment-amount', inputMode: 'decimal', style: { textAlign: 'right' } },
              }}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              multiline
              minRows={2}
              label={t('sales.payment.comment')}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                edited('comment');
              }}
              error={Boolean(errors.comment)}
              helperText={errors.comment ?? t('sales.payment.commentHint')}
              slotProps={{ htmlInput: { maxLength: 5000, 'data-testid': 'payment-comment' } }}
            />
          </Grid>
        </Grid>
      </FormSection>

      <FormSection title={t('sales.payment.allocations')} testId="payment-allocations">
        {!counterparty && (
          <Typography variant="body2" color="text.secondary">
            {t('sales.payment.chooseCounterparty')}
          </Typography>
        )}
        <ErrorAlert error={data ? undefined : error} />
        {counterparty && !loading && data && invoices.length === 0 && (
          <Alert severity="info">{t('sales.payment.noOpenInvoices')}</Alert>
        )}
        {invoices.length > 0 && (
          <>
            <TableContainer sx={{ overflowX: 'auto' }}>
              <Table size="small" sx={{ minWidth: 640 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('sales.doc.number')}</TableCell>
                    <TableCell>{t('sales.invoice.dueDate')}</TableCell>
                    <TableCell>{t('sales.invoice.paymentState')}</TableCell>
                    <TableCell align="right">{t('sales.invoice.total')}</TableCell>
                    <TableCell align="right">{t('sales.invoice.remaining')}</TableCell>
                    <TableCell align="right" sx={{ width: 170 }}>
                      {t('sales.payment.allocate')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {invoices.map((inv, i) => {
                    const err = errors[`allocations.${i}.amount`];
                    return (
                      <TableRow key={inv.id} data-testid="payment-allocation-row" data-invoice={inv.number} sx={{ verticalAlign: 'top' }}>
                        <TableCell sx={{ pt: 2 }}>
                          <Link component={RouterLink} to={salesPaths.invoice(inv.id)} target="_blank">
                            {inv.number}
                          </Link>
                          <Typography variant="caption" color="text.secondary" component="div">
                            {formatDate(inv.date)}
                          </Typography>
                        </TableCell>
                        <TableCell sx={{ pt: 2, color: inv.overdue ? 'error.main' : undefined }}>{formatDate(inv.paymentDueDate)}</TableCell>
                        <TableCell sx={{ pt: 1.75 }}>
                          <PaymentStateChip state={inv.paymentState} overdue={inv.overdue} />
                        </TableCell>
                        <TableCell align="right" sx={{ pt: 2 }}>
                          <Money value={inv.total} />
                        </TableCell>
                        <TableCell align="right" sx={{ pt: 2 }}>
                          <Money value={inv.amountDue} />
                        </TableCell>
                        <TableCell align="right">
                          <TextField
                            size="small"
                            value={allocation(inv.id)}
                            placeholder="0,00"
                            onChange={(e) => {
                              const base = manual ?? Object.fromEntries(invoices.map((x) => [x.id, allocation(x.id)]));
                              setManual({ ...base, [inv.id]: e.target.value });
                              edited(`allocations.${i}.amount`);
                              edited('allocations');
                            }}
                            error={Boolean(err)}
                            helperText={err}
                            slotProps={{ htmlInput: { 'data-testid': 'payment-allocation-amount', inputMode: 'decimal', style: { textAlign: 'right' }, 'aria-label': `${t('sales.payment.allocate')} ${inv.number}` } }}
                          />
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </TableContainer>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1.5, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
              <Button startIcon={<AutoFixHighOutlined />} onClick={() => setManual(null)} disabled={!manual} data-testid="payment-auto-allocate">
                {t('sales.payment.autoAllocate')}
              </Button>
              <Stack spacing={0.25} sx={{ alignItems: { sm: 'flex-end' } }}>
                <Typography variant="body2">
                  {t('sales.payment.allocated')}: <Money value={fromScaled(allocated, 2)} testId="payment-allocated" />
                </Typography>
                <Typography variant="body2" color={unallocated < 0n ? 'error' : 'text.secondary'}>
                  {t('sales.payment.unallocated')}: <Money value={fromScaled(unallocated, 2)} testId="payment-unallocated" />
                </Typography>
              </Stack>
            </Stack>
          </>
        )}
        {errors.allocations && (
          <Typography variant="body2" color="error" role="alert" sx={{ mt: 1 }}>
            {errors.allocations}
          </Typography>
        )}
      </FormSection>

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="payment-save">
          {saving ? t('common.saving') : t('sales.payment.save')}
        </Button>
      </Stack>
    </form>
  );
}
