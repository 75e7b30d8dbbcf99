import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { ClientRequestChannel, ClientRequestKind, ClientRequestPriority } from '../../../graphql/graphql';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { UserPicker, type PickedUser } from '../../../components/UserPicker';
import { isStaleVersion, omitKey, splitErrors, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { CounterpartyPicker, type PickedCounterparty } from '../../contact-persons/components/CounterpartyPicker';
import { ContactPersonPicker, type PickedContactPerson } from '../../events/components/ContactPersonPicker';
import { ProductPicker, type PickedProduct } from '../../knowledge/components/ProductsPicker';
import type { AppliedSolution } from './applied-solution';
import { REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_PRIORITIES } from './request-meta';
import { SolutionSuggestionsPanel } from './SolutionSuggestionsPanel';

export interface RequestFormInitial {
  kind?: ClientRequestKind;
  channel?: ClientRequestChannel;
  subject?: string;
  description?: string | null;
  counterparty?: PickedCounterparty | null;
  contactPerson?: PickedContactPerson | null;
  product?: PickedProduct | null;
  responsible?: PickedUser | null;
  priority?: ClientRequestPriority;
  critical?: boolean;
}

export interface RequestFormOutput {
  kind: ClientRequestKind;
  channel: ClientRequestChannel;
  subject: string;
  description: string;
  counterpartyId: string | null;
  contactPersonId: string | null;
  productId: string | null;
  responsibleId: string | undefined;
  priority: ClientRequestPriority;
  critical: boolean;
}

interface Props {
  mode: 'create' | 'edit';
  initial: RequestFormInitial;
  submitLabel: string;
  /** Suggestions of SOLUTION articles while the description is typed, and the one applied. */
  applied?: AppliedSolution | null;
  onApply?: (value: AppliedSolution | null) => void;
  onSubmit: (output: RequestFormOutput) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELDS = new Set(['kind', 'channel', 'subject', 'description', 'counterpartyId', 'contactPersonId', 'productId', 'responsibleId', 'priority', 'critical']);

/**
 * Registering a client's question, claim or service request as they talk: the client (counterparty and/or
 * the person), what it is about, how urgent; SOLUTION articles are suggested as the description is typed.
 */
export function RequestForm({ mode, initial, submitLabel, applied = null, onApply, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const creating = mode === 'create';
  const [kind, setKind] = useState<ClientRequestKind>(initial.kind ?? 'QUESTION');
  const [channel, setChannel] = useState<ClientRequestChannel>(initial.channel ?? 'PHONE');
  const [subject, setSubject] = useState(initial.subject ?? '');
  const [description, setDescription] = useState(initial.description ?? '');
  const [counterparty, setCounterparty] = useState<PickedCounterparty | null>(initial.counterparty ?? null);
  const [contactPerson, setContactPerson] = useState<PickedContactPerson | null>(initial.contactPerson ?? null);
  const [product, setProduct] = useState<PickedProduct | null>(initial.product ?? null);
  const [responsible, setResponsible] = useState<PickedUser | null>(initial.responsible ?? (creating ? { id: user.id, fullName: user.fullName } : null));
  const [priority, setPriority] = useState<ClientRequestPriority>(initial.priority ?? 'NORMAL');
  const [critical, setCritical] = useState(initial.critical ?? false);

  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (...fields: string[]) => setServerFields((f) => fields.reduce((acc, field) => omitKey(acc, field), f));

  // The same rules as the server: a subject, and a client — a counterparty, a person, or both.
  const clientErrors: FieldErrors = {};
  if (submitted && !subject.trim()) clientErrors.subject = t('request.subjectRequired');
  if (submitted && !counterparty && !contactPerson) clientErrors.counterpartyId = t('request.clientRequired');
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    if (!subject.trim() || (!counterparty && !contactPerson)) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        kind,
        channel,
        subject: subject.trim(),
        description: description.trim(),
        counterpartyId: counterparty?.id ?? null,
        contactPersonId: contactPerson?.id ?? null,
        productId: product?.id ?? null,
        responsibleId: responsible?.id,
        priority,
        critical,
      });
    } catch (error) {
      if (onConflict && isStaleVersion(error)) {
        onConflict();
        return;
      }
      const split = splitErrors(t, error, (f) => FIELDS.has(f));
      setServerFields(split.fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="request-form">
      <ErrorAlert messages={general} />
      <FormSection title={t('request.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <EnumSelect
              label={t('request.kind')}
              value={kind}
              options={REQUEST_KINDS}
              optionLabel={(k) => t(`requestKind.${k}`)}
              onChange={(v) => {
                setKind(v);
                edited('kind');
              }}
              error={errors.kind}
              testId="request-kind"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <EnumSelect
              label={t('request.channel')}
              value={channel}
              options={REQUEST_CHANNELS}
              optionLabel={(c) => t(`requestChannel.${c}`)}
              onChange={(v) => {
                setChannel(v);
                edited('channel');
              }}
              error={errors.channel}
              testId="request-channel"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <EnumSelect
              label={t('request.priority')}
              value={priority}
              options={REQUEST_PRIORITIES}
              optionLabel={(p) => t(`requestPriority.${p}`)}
              onChange={(v) => {
                setPriority(v);
                edited('priority');
              }}
              error={errors.priority}
              hint={t('request.priorityHint')}
              testId="request-priority"
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              required
              autoFocus={creating}
              label={t('request.subject')}
              placeholder={t(`requestSubjectPlaceholder.${kind}`)}
              value={subject}
              onChange={(e) => {
                setSubject(e.target.value);
                edited('subject');
              }}
              error={Boolean(errors.subject)}
              helperText={errors.subject}
              slotProps={{ htmlInput: { 'data-testid': 'request-subject', maxLength: 300 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: onApply ? 7 : 12 }}>
            <TextField
              fullWidth
              multiline
              minRows={5}
              label={t('request.description')}
              placeholder={t('request.descriptionPlaceholder')}
              value={description}
              onChange={(e) => {
                setDescription(e.target.value);
                edited('description');
              }}
              error={Boolean(errors.description)}
              helperText={errors.description ?? (onApply ? t('request.descriptionHint') : undefined)}
              slotProps={{ htmlInput: { 'data-testid': 'request-description', maxLength: 20000 } }}
            />
          </Grid>
          {onApply && (
            <Grid size={{ xs: 12, md: 5 }}>
              <SolutionSuggestionsPanel text={`${subject} ${description}`} applied={applied} onApply={onApply} />
            </Grid>
          )}
          <Grid size={12}>
            <FormControlLabel
              control={
                <Switch
                  checked={critical}
                  color="error"
                  onChange={(e) => {
                    setCritical(e.target.checked);
                    edited('critical');
                  }}
                  slotProps={{ input: { 'data-testid': 'request-critical' } as object }}
                />
              }
              label={t('request.criticalLabel')}
            />
            <FormHelperText sx={{ mt: -0.5 }}>{t('request.criticalHint')}</FormHelperText>
            {critical && !initial.critical && (
              <Alert severity="warning" sx={{ mt: 1 }}>
                {t('request.criticalWarning')}
              </Alert>
            )}
          </Grid>
        </Grid>
      </FormSection>

      <FormSection title={t('request.sectionClient')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <CounterpartyPicker
              label={t('request.counterparty')}
              helperText={t('request.clientHint')}
              value={counterparty}
              onChange={(v) => {
                setCounterparty(v);
                if (contactPerson?.counterparty && contactPerson.counterparty.id !== v?.id) setContactPerson(null);
                edited('counterpartyId', 'contactPersonId');
              }}
              error={errors.counterpartyId}
              testId="request-counterparty"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ContactPersonPicker
              value={contactPerson}
              counterpartyId={counterparty?.id}
              onChange={(v) => {
                setContactPerson(v);
                if (v?.counterparty && !counterparty) setCounterparty(v.counterparty);
                edited('contactPersonId', 'counterpartyId');
              }}
              error={errors.contactPersonId}
              testId="request-contact-person"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ProductPicker
              label={t('request.product')}
              value={product}
              onChange={(v) => {
                setProduct(v);
                edited('productId');
              }}
              error={errors.productId}
              testId="request-product"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <UserPicker
              label={t('request.responsible')}
              value={responsible}
              onChange={(u) => {
                setResponsible(u);
                edited('responsibleId');
              }}
              error={errors.responsibleId}
              testId="request-responsible"
            />
          </Grid>
        </Grid>
      </FormSection>

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="request-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

function EnumSelect<T extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
  error,
  hint,
  testId,
}: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (value: T) => void;
  error: string | undefined;
  hint?: string;
  testId: string;
}) {
  return (
    <TextField
      select
      fullWidth
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
      error={Boolean(error)}
      helperText={error ?? hint}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': testId } }}
    >
      {options.map((o) => (
        <option key={o} value={o}>
          {optionLabel(o)}
        </option>
      ))}
    </TextField>
  );
}
