import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type {
  ContactInfoInput,
  CounterpartyDetailsFragment,
  LegalType,
  RelationType,
} from '../../../graphql/graphql';
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
import { innReason, kppReason } from '../../../lib/validation';
import { useCounterpartyDuplicates } from '../hooks/useCounterpartyDuplicates';
import { DuplicatesWarning } from './DuplicatesWarning';
import { GroupSelect } from './GroupSelect';
import { RelationTypesField } from './RelationTypesField';

const LEGAL_TYPES: readonly LegalType[] = ['LEGAL_ENTITY', 'SOLE_PROPRIETOR', 'INDIVIDUAL'];

/** What the form hands to the page; strings are trimmed and may be empty (the page decides omit vs. clear). */
export interface CounterpartyFormOutput {
  name: string;
  fullName: string;
  legalType: LegalType;
  inn: string;
  kpp: string;
  groupId: string | null;
  relationTypes: RelationType[];
  responsibleId: string | undefined;
  informationSource: string;
  comment: string;
  contactInfo: ContactInfoInput[];
}

interface Props {
  initial?: CounterpartyDetailsFragment;
  submitLabel: string;
  onSubmit: (output: CounterpartyFormOutput) => Promise<void>;
  onCancel: () => void;
  /** Called instead of showing the error when the server refuses a stale version. */
  onConflict?: () => void;
}

const SCALAR_FIELDS = new Set([
  'name',
  'fullName',
  'legalType',
  'inn',
  'kpp',
  'groupId',
  'relationTypes',
  'responsibleId',
  'informationSource',
  'comment',
]);

export function CounterpartyForm({ initial, submitLabel, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [name, setName] = useState(initial?.name ?? '');
  const [fullName, setFullName] = useState(initial?.fullName ?? '');
  const [legalType, setLegalType] = useState<LegalType>(initial?.legalType ?? 'LEGAL_ENTITY');
  const [inn, setInn] = useState(initial?.inn ?? '');
  const [kpp, setKpp] = useState(initial?.kpp ?? '');
  const [groupId, setGroupId] = useState(initial?.groupId ?? '');
  const [relationTypes, setRelationTypes] = useState<RelationType[]>(initial?.relationTypes ?? ['CLIENT']);
  const [responsible, setResponsible] = useState<PickedUser | null>(
    initial ? (initial.responsible ?? null) : { id: user.id, fullName: user.fullName },
  );
  const [informationSource, setInformationSource] = useState(initial?.informationSource ?? '');
  const [comment, setComment] = useState(initial?.comment ?? '');
  const ci = useContactInfoRows(initial?.contactInfo);
  const rows = ci.rows;

  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);

  const duplicates = useCounterpartyDuplicates(inn, rows, initial?.id);

  const touch = (field: string) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const edited = (field: string) => setServerFields((f) => omitKey(f, field));
  const show = (field: string) => submitted || touched.has(field);

  // As-you-type checks: a letter in the INN is flagged at once, a wrong length or checksum once the number is
  // complete or the field is left.
  const innCode = innReason(inn, legalType);
  const innComplete = inn.trim().length >= (legalType === 'LEGAL_ENTITY' ? 10 : 12);
  const clientErrors: FieldErrors = {};
  if (!name.trim() && show('name')) clientErrors.name = t('counterparty.nameRequired');
  if (innCode && (/\D/.test(inn.trim()) || innComplete || show('inn'))) {
    clientErrors.inn = t(`reason.${innCode}`);
  }
  const kppCode = kppReason(kpp, legalType);
  if (kppCode && (kpp.trim().length >= 9 || show('kpp') || kppCode === 'KPP_LEGAL_TYPE')) clientErrors.kpp = t(`reason.${kppCode}`);
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    // Lines with a value the server would refuse are shown now rather than after a round trip.
    if (!name.trim() || innCode || kppCode || rows.some(hasRowErrors)) {
      focusFirstError(form);
      return;
    }
    const { input: contactInfo, keys } = rowsToInput(rows);
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        name: name.trim(),
        fullName: fullName.trim(),
        legalType,
        inn: inn.trim(),
        kpp: kpp.trim(),
        groupId: groupId || null,
        relationTypes,
        responsibleId: responsible?.id,
        informationSource: informationSource.trim(),
        comment: comment.trim(),
        contactInfo,
      });
    } catch (error) {
      if (onConflict && isStaleVersion(error)) {
        onConflict();
        return;
      }
      const placed = placeServerErrors(t, error, SCALAR_FIELDS, keys);
      setServerFields(placed.fields);
      ci.setServerErrors(placed.rows);
      setGeneral(placed.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="counterparty-form">
      <ErrorAlert messages={general} />
      <DuplicatesWarning matches={duplicates} />
      <FormSection title={t('counterparty.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              fullWidth
              required
              autoFocus={!initial}
              label={t('counterparty.name')}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                touch('name');
                edited('name');
              }}
              onBlur={() => touch('name')}
              error={Boolean(errors.name)}
              helperText={errors.name}
              slotProps={{ htmlInput: { 'data-testid': 'cp-name', maxLength: 150 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              fullWidth
              label={t('counterparty.fullName')}
              value={fullName}
              onChange={(e) => {
                setFullName(e.target.value);
                edited('fullName');
              }}
              error={Boolean(errors.fullName)}
              helperText={errors.fullName}
              slotProps={{ htmlInput: { 'data-testid': 'cp-full-name', maxLength: 500 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              fullWidth
              label={t('counterparty.legalType')}
              value={legalType}
              onChange={(e) => {
                setLegalType(e.target.value as LegalType);
                edited('legalType');
                edited('inn');
                edited('kpp');
              }}
              error={Boolean(errors.legalType)}
              helperText={errors.legalType}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'cp-legal-type' } }}
            >
              {LEGAL_TYPES.map((lt) => (
                <option key={lt} value={lt}>
                  {t(`legalType.${lt}`)}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              fullWidth
              label={t('counterparty.inn')}
              value={inn}
              onChange={(e) => {
                setInn(e.target.value);
                edited('inn');
              }}
              onBlur={() => touch('inn')}
              error={Boolean(errors.inn)}
              helperText={errors.inn ?? t(legalType === 'LEGAL_ENTITY' ? 'counterparty.innHint10' : 'counterparty.innHint12')}
              slotProps={{ htmlInput: { 'data-testid': 'cp-inn', inputMode: 'numeric', maxLength: 12, autoComplete: 'off' } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              fullWidth
              label={t('counterparty.kpp')}
              value={kpp}
              disabled={legalType !== 'LEGAL_ENTITY' && !kpp}
              onChange={(e) => {
                setKpp(e.target.value.toUpperCase());
                edited('kpp');
              }}
              onBlur={() => touch('kpp')}
              error={Boolean(errors.kpp)}
              helperText={errors.kpp}
              slotProps={{ htmlInput: { 'data-testid': 'cp-kpp', maxLength: 9, autoComplete: 'off' } }}
            />
          </Grid>
          <Grid size={12}>
            <RelationTypesField
              value={relationTypes}
              onChange={(v) => {
                setRelationTypes(v);
                edited('relationTypes');
              }}
              error={errors.relationTypes}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <GroupSelect
              value={groupId}
              onChange={(v) => {
                setGroupId(v);
                edited('groupId');
              }}
              error={errors.groupId}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <UserPicker
              label={t('counterparty.responsible')}
              value={responsible}
              onChange={(u) => {
                setResponsible(u);
                edited('responsibleId');
              }}
              error={errors.responsibleId}
              testId="cp-responsible"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              fullWidth
              label={t('counterparty.informationSource')}
              value={informationSource}
              onChange={(e) => {
                setInformationSource(e.target.value);
                edited('informationSource');
              }}
              error={Boolean(errors.informationSource)}
              helperText={errors.informationSource}
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              multiline
              minRows={2}
              label={t('counterparty.comment')}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                edited('comment');
              }}
              error={Boolean(errors.comment)}
              helperText={errors.comment}
              slotProps={{ htmlInput: { maxLength: 5000, 'data-testid': 'cp-comment' } }}
            />
          </Grid>
        </Grid>
      </FormSection>
      <FormSection title={t('contactInfo.title')}>
        <ContactInfoEditor rows={rows} onChange={ci.onChange} serverErrors={ci.serverErrors} showAllErrors={submitted} />
      </FormSection>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="cp-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
