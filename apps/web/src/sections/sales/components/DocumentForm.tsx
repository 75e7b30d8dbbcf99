import { useState, type FormEvent, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { VatRate } from '../../../graphql/graphql';
import { useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { CounterpartyPicker, type PickedCounterparty } from '../../contact-persons/components/CounterpartyPicker';
import { ContactPersonPicker, type PickedContactPerson } from '../../events/components/ContactPersonPicker';
import { addDays, isIsoDate, todayIn } from '../lib/dates';
import { toLineInputs, type LineInputValue } from '../lib/lines';
import { documentFigures, type VatMode } from '../lib/money';
import { salesErrors } from '../lib/sales-errors';
import { LinesEditor, lineErrors, vatPercentOf, type EditableLine, type VatRateOption } from './LinesEditor';
import { ProductPicker } from './ProductPicker';
import { TotalsBlock } from './TotalsBlock';

export interface OrganizationOption {
  id: string;
  name: string;
  isDefault: boolean;
  bankAccounts: ReadonlyArray<{ id: string; bankName: string; accountNumber: string; isDefault: boolean; deletionMark: boolean }>;
}

export interface DocumentFormInitial {
  counterparty: PickedCounterparty | null;
  contactPerson: PickedContactPerson | null;
  date?: string | null;
  /** Offer: valid until; invoice: payment due date. */
  untilDate?: string | null;
  vatMode: VatMode;
  lines: EditableLine[];
  organizationId?: string | null;
  bankAccountId?: string | null;
  paymentTerms?: string | null;
  deliveryTerms?: string | null;
  comment?: string | null;
}

export interface DocumentFormOutput {
  counterpartyId: string;
  contactPersonId: string | null;
  date: string;
  untilDate: string | null;
  vatMode: VatMode;
  lines: Array<Omit<LineInputValue, 'vatRate'> & { vatRate: VatRate }>;
  organizationId: string | null;
  bankAccountId: string | null;
  paymentTerms: string | null;
  deliveryTerms: string | null;
  comment: string | null;
}

interface Props {
  kind: 'offer' | 'invoice';
  initial: DocumentFormInitial;
  /** Counterparty fixed by the basis (an interest, an offer). */
  counterpartyLocked?: boolean;
  vatRates: readonly VatRateOption[];
  organizations: readonly OrganizationOption[];
  submitLabel: string;
  onSubmit: (output: DocumentFormOutput) => Promise<void>;
  onCancel: () => void;
  /** Above the form: what it is based on. */
  header?: ReactNode;
}

const HEADER_FIELDS = new Set(['counterpartyId', 'contactPersonId', 'date', 'validUntil', 'paymentDueDate', 'vatMode', 'organizationId', 'bankAccountId', 'paymentTerms', 'deliveryTerms', 'comment', 'lines']);
const isFormField = (f: string) => HEADER_FIELDS.has(f) || /^lines\.\d+\.(productId|quantity|price|discountPercent|vatRate)$/.test(f);

/**
 * The form of a commercial offer or an invoice: the client, the dates, VAT mode, the lines with live totals
 * (a preview; the server's figures are what is saved) and, for an invoice, our organization and bank account.
 */
export function DocumentForm({ kind, initial, counterpartyLocked, vatRates, organizations, submitLabel, onSubmit, onCancel, header }: Props) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const prefix = kind;
  const untilField = kind === 'offer' ? 'validUntil' : 'paymentDueDate';
  const [counterparty, setCounterparty] = useState<PickedCounterparty | null>(initial.counterparty);
  const [contactPerson, setContactPerson] = useState<PickedContactPerson | null>(initial.contactPerson);
  const [date, setDate] = useState(initial.date ?? todayIn(zone));
  const [untilDate, setUntilDate] = useState(initial.untilDate ?? addDays(initial.date ?? todayIn(zone), kind === 'offer' ? 14 : 5));
  const [vatMode, setVatMode] = useState<VatMode>(initial.vatMode);
  const [lines, setLines] = useState<EditableLine[]>(initial.lines);
  const defaultOrg = organizations.find((o) => o.id === initial.organizationId) ?? organizations.find((o) => o.isDefault) ?? organizations[0];
  const [organizationId, setOrganizationId] = useState(defaultOrg?.id ?? '');
  const accountsOf = (orgId: string) => (organizations.find((o) => o.id === orgId)?.bankAccounts ?? []).filter((a) => !a.deletionMark || a.id === initial.bankAccountId);
  const [bankAccountId, setBankAccountId] = useState(
    initial.bankAccountId ?? accountsOf(defaultOrg?.id ?? '').find((a) => a.isDefault)?.id ?? accountsOf(defaultOrg?.id ?? '')[0]?.id ?? '',
  );
  const [paymentTerms, setPaymentTerms] = useState(initial.paymentTerms ?? '');
  const [deliveryTerms, setDeliveryTerms] = useState(initial.deliveryTerms ?? '');
  const [comment, setComment] = useState(initial.comment ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (field: string) => setServerFields((f) => omitKey(f, field));

  const clientErrors: FieldErrors = lineErrors(t, lines, submitted);
  if (submitted && !counterparty) clientErrors.counterpartyId = t('sales.form.counterpartyRequired');
  if (!date ? submitted : !isIsoDate(date)) clientErrors.date = t('reason.DATE_INVALID');
  if (untilDate && !isIsoDate(untilDate)) clientErrors[untilField] = t('reason.DATE_INVALID');
  else if (untilDate && date && untilDate < date) clientErrors[untilField] = t(kind === 'offer' ? 'sales.form.validUntilBeforeDate' : 'sales.form.dueBeforeDate');
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  const figures = documentFigures(
    lines.map((l) => ({ quantity: l.quantity, price: l.price, discountPercent: l.discountPercent || null, vatPercent: vatPercentOf(vatRates, l.vatRate) })),
    vatMode,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    const blocking = { ...lineErrors(t, lines, true), ...clientErrors };
    if (!counterparty || lines.length === 0 || Object.keys(blocking).length > 0) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        counterpartyId: counterparty.id,
        contactPersonId: contactPerson?.id ?? null,
        date,
        untilDate: untilDate || null,
        vatMode,
        lines: toLineInputs(lines).map((l) => ({ ...l, vatRate: l.vatRate as VatRate })),
        organizationId: organizationId || null,
        bankAccountId: bankAccountId || null,
        paymentTerms: paymentTerms.trim() || null,
        deliveryTerms: deliveryTerms.trim() || null,
        comment: comment.trim() || null,
      });
    } catch (error) {
      const split = salesErrors(t, error, isFormField);
      setServerFields(split.fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid={`${prefix}-form`}>
      {header}
      <ErrorAlert messages={general} />
      <FormSection title={t('sales.form.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            {counterpartyLocked && counterparty ? (
              <TextField fullWidth label={t('sales.doc.counterparty')} value={counterparty.name} disabled slotProps={{ htmlInput: { 'data-testid': `${prefix}-counterparty` } }} />
            ) : (
              <CounterpartyPicker
                label={t('sales.doc.counterparty')}
                helperText=""
                value={counterparty}
                onChange={(v) => {
                  setCounterparty(v);
                  if (contactPerson?.counterparty && contactPerson.counterparty.id !== v?.id) setContactPerson(null);
                  edited('counterpartyId');
                }}
                error={errors.counterpartyId}
                testId={`${prefix}-counterparty`}
              />
            )}
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ContactPersonPicker
              value={contactPerson}
              counterpartyId={counterparty?.id}
              onChange={(v) => {
                setContactPerson(v);
                if (v?.counterparty && !counterparty) setCounterparty(v.counterparty);
                edited('contactPersonId');
              }}
              error={errors.contactPersonId}
              testId={`${prefix}-contact-person`}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DateTimeField
              type="date"
              label={t('sales.doc.date')}
              value={date}
              onChange={(v) => {
                setDate(v);
                edited('date');
              }}
              required
              error={errors.date}
              testId={`${prefix}-date`}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <DateTimeField
              type="date"
              label={kind === 'offer' ? t('sales.offer.validUntil') : t('sales.invoice.dueDate')}
              value={untilDate}
              onChange={(v) => {
                setUntilDate(v);
                edited(untilField);
              }}
              error={errors[untilField]}
              testId={kind === 'offer' ? 'offer-valid-until' : 'invoice-due-date'}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              fullWidth
              label={t('sales.vatMode.label')}
              value={vatMode}
              onChange={(e) => {
                setVatMode(e.target.value as VatMode);
                edited('vatMode');
              }}
              error={Boolean(errors.vatMode)}
              helperText={errors.vatMode ?? t(`sales.vatMode.hint${vatMode}`)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `${prefix}-vat-mode` } }}
            >
              <option value="INCLUDED">{t('sales.vatMode.INCLUDED')}</option>
              <option value="ADDED">{t('sales.vatMode.ADDED')}</option>
            </TextField>
          </Grid>
          {kind === 'invoice' && (
            <>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  select
                  fullWidth
                  label={t('sales.invoice.organization')}
                  value={organizationId}
                  onChange={(e) => {
                    const id = e.target.value;
                    setOrganizationId(id);
                    const accounts = accountsOf(id);
                    setBankAccountId(accounts.find((a) => a.isDefault)?.id ?? accounts[0]?.id ?? '');
                    edited('organizationId');
                  }}
                  error={Boolean(errors.organizationId)}
                  helperText={errors.organizationId}
                  slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'invoice-organization' } }}
                >
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  select
                  fullWidth
                  label={t('sales.invoice.bankAccount')}
                  value={bankAccountId}
                  onChange={(e) => {
                    setBankAccountId(e.target.value);
                    edited('bankAccountId');
                  }}
                  error={Boolean(errors.bankAccountId)}
                  helperText={errors.bankAccountId ?? (accountsOf(organizationId).length === 0 ? t('sales.invoice.noBankAccounts') : undefined)}
                  slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'invoice-bank-account' }, inputLabel: { shrink: true } }}
                >
                  {accountsOf(organizationId).length === 0 && <option value="">—</option>}
                  {accountsOf(organizationId).map((a) => (
                    <option key={a.id} value={a.id}>
                      {`${a.bankName}, ${t('sales.invoice.accountShort')} ${a.accountNumber}`}
                    </option>
                  ))}
                </TextField>
              </Grid>
            </>
          )}
        </Grid>
      </FormSection>

      <FormSection title={t('sales.lines.title')}>
        <LinesEditor
          lines={lines}
          onChange={setLines}
          vatRates={vatRates}
          vatMode={vatMode}
          errors={errors}
          onEdited={edited}
          testIdPrefix={prefix}
          renderProductPicker={({ value, onPick, error, index }) => (
            <ProductPicker value={value} onPick={onPick} error={error} testId={`${prefix}-line-product-${index}`} />
          )}
        />
        <TotalsBlock
          amount={figures.amount}
          vatAmount={figures.vatAmount}
          total={figures.total}
          vatMode={vatMode}
          totalTestId={`${prefix}-total`}
          note={t('sales.totals.preview')}
        />
      </FormSection>

      <FormSection title={t('sales.form.sectionTerms')}>
        <Grid container spacing={2}>
          {kind === 'offer' && (
            <>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  fullWidth
                  multiline
                  minRows={2}
                  label={t('sales.offer.paymentTerms')}
                  value={paymentTerms}
                  onChange={(e) => {
                    setPaymentTerms(e.target.value);
                    edited('paymentTerms');
                  }}
                  error={Boolean(errors.paymentTerms)}
                  helperText={errors.paymentTerms}
                  slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'offer-payment-terms' } }}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  fullWidth
                  multiline
                  minRows={2}
                  label={t('sales.offer.deliveryTerms')}
                  value={deliveryTerms}
                  onChange={(e) => {
                    setDeliveryTerms(e.target.value);
                    edited('deliveryTerms');
                  }}
                  error={Boolean(errors.deliveryTerms)}
                  helperText={errors.deliveryTerms}
                  slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'offer-delivery-terms' } }}
                />
              </Grid>
            </>
          )}
          <Grid size={12}>
            <TextField
              fullWidth
              multiline
              minRows={2}
              label={t('sales.doc.comment')}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                edited('comment');
              }}
              error={Boolean(errors.comment)}
              helperText={errors.comment ?? t('sales.doc.commentHint')}
              slotProps={{ htmlInput: { maxLength: 5000, 'data-testid': `${prefix}-comment` } }}
            />
          </Grid>
        </Grid>
      </FormSection>

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid={`${prefix}-save`}>
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
