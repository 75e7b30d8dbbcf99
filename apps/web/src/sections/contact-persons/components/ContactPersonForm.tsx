import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { ContactInfoInput, ContactPersonDetailsFragment } from '../../../graphql/graphql';
import { useAuth } from '../../../app/auth';
import { ContactInfoEditor } from '../../../components/contact-info/ContactInfoEditor';
import { hasRowErrors, rowsToInput } from '../../../components/contact-info/rows';
import { useContactInfoRows } from '../../../components/contact-info/useContactInfoRows';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { UserPicker, type PickedUser } from '../../../components/UserPicker';
import { isStaleVersion, omitKey, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { placeServerErrors } from '../../../lib/form-errors';
import { CounterpartyPicker, type PickedCounterparty } from './CounterpartyPicker';

export interface ContactPersonFormOutput {
  counterpartyId: string | null;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string;
  role: string;
  birthday: string;
  comment: string;
  responsibleId: string | undefined;
  contactInfo: ContactInfoInput[];
}

interface Props {
  initial?: ContactPersonDetailsFragment;
  /** Preselected counterparty when adding a person from a counterparty's card. */
  initialCounterparty?: PickedCounterparty | null;
  submitLabel: string;
  onSubmit: (output: ContactPersonFormOutput) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELDS = new Set([
  'counterpartyId',
  'lastName',
  'firstName',
  'middleName',
  'position',
  'role',
  'birthday',
  'comment',
  'responsibleId',
]);

const today = () => new Date().toISOString().slice(0, 10);

export function ContactPersonForm({ initial, initialCounterparty, submitLabel, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [counterparty, setCounterparty] = useState<PickedCounterparty | null>(
    initial ? (initial.counterparty ?? null) : (initialCounterparty ?? null),
  );
  const [values, setValues] = useState({
    lastName: initial?.lastName ?? '',
    firstName: initial?.firstName ?? '',
    middleName: initial?.middleName ?? '',
    position: initial?.position ?? '',
    role: initial?.role ?? '',
    birthday: initial?.birthday ?? '',
    comment: initial?.comment ?? '',
  });
  const [responsible, setResponsible] = useState<PickedUser | null>(
    initial ? (initial.responsible ?? null) : { id: user.id, fullName: user.fullName },
  );
  const ci = useContactInfoRows(initial?.contactInfo);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);

  const show = (field: string) => submitted || touched.has(field);
  const clientErrors: FieldErrors = {};
  if (!values.lastName.trim() && show('lastName')) clientErrors.lastName = t('contactPerson.lastNameRequired');
  if (values.birthday && values.birthday > today()) clientErrors.birthday = t('reason.DATE_IN_FUTURE');
  const errors = { ...clientErrors, ...serverFields };

  const field = (name: keyof typeof values, testId?: string, extra: { multiline?: boolean; type?: string } = {}) => (
    <TextField
      fullWidth
      label={t(`contactPerson.${name}`)}
      value={values[name]}
      onChange={(e) => {
        setValues((v) => ({ ...v, [name]: e.target.value }));
        setTouched((prev) => new Set(prev).add(name));
        setServerFields((f) => omitKey(f, name));
      }}
      error={Boolean(errors[name])}
      helperText={errors[name]}
      multiline={extra.multiline}
      minRows={extra.multiline ? 2 : undefined}
      type={extra.type}
      slotProps={{
        htmlInput: { 'data-testid': testId, max: extra.type === 'date' ? today() : undefined },
        inputLabel: extra.type === 'date' ? { shrink: true } : undefined,
      }}
    />
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    // Lines with a value the server would refuse are shown now rather than after a round trip.
    if (!values.lastName.trim() || clientErrors.birthday || ci.rows.some(hasRowErrors)) {
      focusFirstError(form);
      return;
    }
    const { input: contactInfo, keys } = rowsToInput(ci.rows);
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        counterpartyId: counterparty?.id ?? null,
        lastName: values.lastName.trim(),
        firstName: values.firstName.trim(),
        middleName: values.middleName.trim(),
        position: values.position.trim(),
        role: values.role.trim(),
        birthday: values.birthday,
        comment: values.comment.trim(),
        responsibleId: responsible?.id,
        contactInfo,
      });
    } catch (error) {
      if (onConflict && isStaleVersion(error)) {
        onConflict();
        return;
      }
      const placed = placeServerErrors(t, error, FIELDS, keys);
      setServerFields(placed.fields);
      ci.setServerErrors(placed.rows);
      setGeneral(placed.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="contact-person-form">
      <ErrorAlert messages={general} />
      <FormSection title={t('contactPerson.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>{field('lastName', 'person-last-name')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>{field('firstName', 'person-first-name')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>{field('middleName', 'person-middle-name')}</Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <CounterpartyPicker
              value={counterparty}
              onChange={(v) => {
                setCounterparty(v);
                setServerFields((f) => omitKey(f, 'counterpartyId'));
              }}
              error={errors.counterpartyId}
              testId="person-counterparty"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{field('position', 'person-position')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>{field('role')}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }}>{field('birthday', 'person-birthday', { type: 'date' })}</Grid>
          <Grid size={{ xs: 12, sm: 6, md: 8 }}>
            <UserPicker
              label={t('contactPerson.responsible')}
              value={responsible}
              onChange={(u) => {
                setResponsible(u);
                setServerFields((f) => omitKey(f, 'responsibleId'));
              }}
              // For a person of a counterparty, access follows the counterparty's responsible manager.
              helperText={counterparty ? t('contactPerson.responsibleFollowsCounterparty') : undefined}
              error={errors.responsibleId}
              testId="person-responsible"
            />
          </Grid>
          <Grid size={12}>{field('comment', undefined, { multiline: true })}</Grid>
        </Grid>
      </FormSection>
      <FormSection title={t('contactInfo.title')}>
        <ContactInfoEditor rows={ci.rows} onChange={ci.onChange} serverErrors={ci.serverErrors} showAllErrors={submitted} />
      </FormSection>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="person-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
