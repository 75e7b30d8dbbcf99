import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { EventDirection, EventKind, Importance } from '../../../graphql/graphql';
import { useAuth, useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { UserPicker, type PickedUser } from '../../../components/UserPicker';
import { addMinutesToInput, inputToIso, isoToInput, minutesBetweenInputs, nextSlotInput } from '../../../lib/date-input';
import { isStaleVersion, omitKey, splitErrors, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { CounterpartyPicker, type PickedCounterparty } from '../../contact-persons/components/CounterpartyPicker';
import { ContactPersonPicker, type PickedContactPerson } from './ContactPersonPicker';
import { EVENT_DIRECTIONS, EVENT_KINDS, IMPORTANCES } from './event-meta';

/** Reminder lead times offered as suggestions; any whole number of minutes may be typed. */
const REMIND_PRESETS = [0, 5, 10, 15, 30, 60, 120, 1440];
export const DEFAULT_REMIND_MINUTES = 15;
const MAX_REMIND_MINUTES = 43200;

/** Default length of a new event by kind: a call is short, a meeting an hour. */
const DEFAULT_DURATION: Record<EventKind, number> = { CALL: 15, MEETING: 60, TRIP: 240, LETTER: 15, EMAIL: 15, OTHER: 30 };

/** What the form starts from: an existing event (edit) or what the page knows (kind from quick launch, slot, card). */
export interface EventFormInitial {
  kind?: EventKind;
  direction?: EventDirection;
  importance?: Importance;
  subject?: string;
  content?: string | null;
  start?: string | null;
  end?: string | null;
  counterparty?: PickedCounterparty | null;
  contactPerson?: PickedContactPerson | null;
  responsible?: PickedUser | null;
}

export interface EventFormOutput {
  kind: EventKind;
  direction: EventDirection;
  importance: Importance;
  subject: string;
  content: string;
  /** UTC ISO instants. */
  start: string;
  end: string | null;
  counterpartyId: string | null;
  contactPersonId: string | null;
  responsibleId: string | undefined;
  /** Create only: minutes before the start, or null for no reminder. */
  remindBeforeMinutes: number | null;
  /** Create only: recorded as already completed, with its result. */
  completed: boolean;
  result: string;
}

interface Props {
  mode: 'create' | 'edit';
  initial: EventFormInitial;
  submitLabel: string;
  onSubmit: (output: EventFormOutput) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELDS = new Set([
  'kind',
  'direction',
  'importance',
  'subject',
  'content',
  'start',
  'end',
  'counterpartyId',
  'contactPersonId',
  'responsibleId',
  'remindBeforeMinutes',
  'result',
]);

export function EventForm({ mode, initial, submitLabel, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const zone = useTimeZone();
  const creating = mode === 'create';
  const [kind, setKind] = useState<EventKind>(initial.kind ?? 'CALL');
  const [direction, setDirection] = useState<EventDirection>(initial.direction ?? 'OUTGOING');
  const [importance, setImportance] = useState<Importance>(initial.importance ?? 'NORMAL');
  const [subject, setSubject] = useState(initial.subject ?? '');
  const [content, setContent] = useState(initial.content ?? '');
  const [start, setStart] = useState(() => (initial.start ? isoToInput(initial.start, zone) : nextSlotInput(zone)));
  const [end, setEnd] = useState(() => {
    if (initial.start) return isoToInput(initial.end, zone);
    return addMinutesToInput(nextSlotInput(zone), DEFAULT_DURATION[initial.kind ?? 'CALL'], zone);
  });
  const [counterparty, setCounterparty] = useState<PickedCounterparty | null>(initial.counterparty ?? null);
  const [contactPerson, setContactPerson] = useState<PickedContactPerson | null>(initial.contactPerson ?? null);
  const [responsible, setResponsible] = useState<PickedUser | null>(
    initial.responsible ?? (creating ? { id: user.id, fullName: user.fullName } : null),
  );
  const [completed, setCompleted] = useState(false);
  const [result, setResult] = useState('');
  const [remind, setRemind] = useState(true);
  const [remindMinutes, setRemindMinutes] = useState(String(DEFAULT_REMIND_MINUTES));

  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (...fields: string[]) => setServerFields((f) => fields.reduce((acc, field) => omitKey(acc, field), f));

  // As-you-type checks with the server's rules.
  const clientErrors: FieldErrors = {};
  if (submitted && !subject.trim()) clientErrors.subject = t('event.subjectRequired');
  if (!start) {
    if (submitted) clientErrors.start = t('event.startRequired');
  } else if (!inputToIso(start, zone)) clientErrors.start = t('reason.DATE_INVALID');
  if (start && end && end < start) clientErrors.end = t('event.endBeforeStart');
  const minutes = Number(remindMinutes);
  const remindActive = creating && !completed && remind;
  if (remindActive && (remindMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_REMIND_MINUTES)) {
    clientErrors.remindBeforeMinutes = t('event.remindMinutesRange', { max: MAX_REMIND_MINUTES });
  }
  if (submitted && creating && completed && !result.trim()) clientErrors.result = t('event.resultRequired');
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  const changeStart = (value: string) => {
    // The end moves with the start, so changing the time keeps the planned duration.
    const duration = minutesBetweenInputs(start, end, zone);
    setStart(value);
    if (value && duration !== null && duration >= 0) setEnd(addMinutesToInput(value, duration, zone));
    edited('start', 'end');
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    const blocking =
      !subject.trim() ||
      !start ||
      Object.keys(clientErrors).length > 0 ||
      (creating && completed && !result.trim());
    if (blocking) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({
        kind,
        direction,
        importance,
        subject: subject.trim(),
        content: content.trim(),
        start: inputToIso(start, zone)!,
        end: end ? inputToIso(end, zone) : null,
        counterpartyId: counterparty?.id ?? null,
        contactPersonId: contactPerson?.id ?? null,
        responsibleId: responsible?.id,
        remindBeforeMinutes: remindActive ? minutes : null,
        completed: creating && completed,
        result: result.trim(),
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
    <form onSubmit={submit} noValidate data-testid="event-form">
      <ErrorAlert messages={general} />
      <FormSection title={t('event.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <EnumSelect
              label={t('event.kind')}
              value={kind}
              options={EVENT_KINDS}
              optionLabel={(k) => t(`eventKind.${k}`)}
              onChange={(v) => {
                setKind(v);
                edited('kind');
              }}
              error={errors.kind}
              testId="event-kind"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <EnumSelect
              label={t('event.direction')}
              value={direction}
              options={EVENT_DIRECTIONS}
              optionLabel={(d) => t(`eventDirection.${d}`)}
              onChange={(v) => {
                setDirection(v);
                edited('direction');
              }}
              error={errors.direction}
              hint={t(`eventDirectionHint.${direction}`)}
              testId="event-direction"
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <EnumSelect
              label={t('event.importance')}
              value={importance}
              options={IMPORTANCES}
              optionLabel={(i) => t(`importance.${i}`)}
              onChange={(v) => {
                setImportance(v);
                edited('importance');
              }}
              error={errors.importance}
              testId="event-importance"
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              required
              autoFocus={creating && !initial.subject}
              label={t('event.subject')}
              placeholder={t(`eventSubjectPlaceholder.${kind}`)}
              value={subject}
              onChange={(e) => {
                setSubject(e.target.value);
                edited('subject');
              }}
              error={Boolean(errors.subject)}
              helperText={errors.subject}
              slotProps={{ htmlInput: { 'data-testid': 'event-subject', maxLength: 300 } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimeField label={t('event.start')} value={start} onChange={changeStart} required error={errors.start} testId="event-start" />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimeField
              label={t('event.end')}
              value={end}
              onChange={(v) => {
                setEnd(v);
                edited('end');
              }}
              error={errors.end}
              helperText={t('event.timeZoneHint', { zone })}
              testId="event-end"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <CounterpartyPicker
              label={t('event.counterparty')}
              helperText=""
              value={counterparty}
              onChange={(v) => {
                setCounterparty(v);
                // A person of another counterparty no longer fits.
                if (contactPerson?.counterparty && contactPerson.counterparty.id !== v?.id) setContactPerson(null);
                edited('counterpartyId', 'contactPersonId');
              }}
              error={errors.counterpartyId}
              testId="event-counterparty"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <ContactPersonPicker
              value={contactPerson}
              counterpartyId={counterparty?.id}
              onChange={(v) => {
                setContactPerson(v);
                // Choosing a person first fills in their counterparty.
                if (v?.counterparty && !counterparty) setCounterparty(v.counterparty);
                edited('contactPersonId');
              }}
              error={errors.contactPersonId}
              testId="event-contact-person"
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <UserPicker
              label={t('event.responsible')}
              value={responsible}
              onChange={(u) => {
                setResponsible(u);
                edited('responsibleId');
              }}
              error={errors.responsibleId}
              testId="event-responsible"
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              multiline
              minRows={3}
              label={t('event.content')}
              value={content}
              onChange={(e) => {
                setContent(e.target.value);
                edited('content');
              }}
              error={Boolean(errors.content)}
              helperText={errors.content}
              slotProps={{ htmlInput: { 'data-testid': 'event-content', maxLength: 20000 } }}
            />
          </Grid>
        </Grid>
      </FormSection>

      {creating && (
        <FormSection title={completed ? t('event.sectionResult') : t('event.sectionReminder')}>
          <Stack spacing={1.5}>
            <FormControlLabel
              control={
                <Switch
                  checked={completed}
                  onChange={(e) => setCompleted(e.target.checked)}
                  slotProps={{ input: { 'data-testid': 'event-record-completed' } as object }}
                />
              }
              label={t('event.recordCompleted')}
            />
            <Collapse in={completed} unmountOnExit>
              <TextField
                fullWidth
                multiline
                minRows={2}
                required
                label={t('event.result')}
                value={result}
                onChange={(e) => {
                  setResult(e.target.value);
                  edited('result');
                }}
                error={Boolean(errors.result)}
                helperText={errors.result}
                slotProps={{ htmlInput: { 'data-testid': 'event-result', maxLength: 20000 } }}
              />
            </Collapse>
            {!completed && (
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
                <FormControlLabel
                  control={
                    <Switch
                      checked={remind}
                      onChange={(e) => {
                        setRemind(e.target.checked);
                        edited('remindBeforeMinutes');
                      }}
                      slotProps={{ input: { 'data-testid': 'event-remind' } as object }}
                    />
                  }
                  label={t('event.remind')}
                  sx={{ mt: { sm: 0.5 } }}
                />
                <TextField
                  type="number"
                  label={t('event.remindBefore')}
                  value={remindMinutes}
                  disabled={!remind}
                  onChange={(e) => {
                    setRemindMinutes(e.target.value);
                    edited('remindBeforeMinutes');
                  }}
                  error={Boolean(errors.remindBeforeMinutes)}
                  helperText={errors.remindBeforeMinutes ?? (remind ? t('event.remindHint') : t('event.noReminder'))}
                  sx={{ width: { xs: '100%', sm: 260 } }}
                  slotProps={{
                    input: { endAdornment: <InputAdornment position="end">{t('event.minutes')}</InputAdornment> },
                    htmlInput: {
                      'data-testid': 'event-remind-minutes',
                      min: 0,
                      max: MAX_REMIND_MINUTES,
                      step: 1,
                      inputMode: 'numeric',
                      list: 'event-remind-presets',
                    },
                  }}
                />
                <datalist id="event-remind-presets">
                  {REMIND_PRESETS.map((m) => (
                    <option key={m} value={m} />
                  ))}
                </datalist>
              </Stack>
            )}
          </Stack>
        </FormSection>
      )}

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="event-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

/** A native select over one of the event enums; shows the field error, or the hint when there is none. */
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
