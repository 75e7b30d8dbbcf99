import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { addMinutesToInput, inputToIso, isoToInput, LOCAL_INPUT_FORMAT, minutesBetweenInputs } from '../../../lib/date-input';
import { omitKey, splitErrors, type FieldErrors } from '../../../lib/errors';
import { AFTER_MY_EVENT_CHANGE, refreshActive } from '../../../lib/live-refresh';
import { RescheduleEventMutation } from '../graphql/event.graphql';
import type { ActionableEvent } from './CompleteEventDialog';
import { EventActionForm } from './EventActionForm';

const FIELDS = new Set(['start', 'end']);

/** «Перенести»: a new start (the end follows, keeping the duration) and, if wanted, a new end. */
export function RescheduleEventDialog({ event, onClose }: { event: ActionableEvent | null; onClose: () => void }) {
  return (
    <Dialog open={Boolean(event)} onClose={onClose} fullWidth maxWidth="sm">
      {event && <RescheduleForm key={event.id} event={event} onClose={onClose} />}
    </Dialog>
  );
}

function RescheduleForm({ event, onClose }: { event: ActionableEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const client = useApolloClient();
  const [start, setStart] = useState(isoToInput(event.start, zone));
  const [end, setEnd] = useState(isoToInput(event.end, zone));
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [reschedule, { loading }] = useMutation(RescheduleEventMutation);

  const changeStart = (value: string) => {
    const duration = minutesBetweenInputs(start, end, zone);
    setStart(value);
    if (value && duration !== null) setEnd(addMinutesToInput(value, duration, zone));
    setServerFields((f) => omitKey(omitKey(f, 'start'), 'end'));
  };

  // Quick choices a manager uses most: later today, tomorrow at the same time, next week.
  const presets = [
    { key: 'hour', label: t('reschedule.inHour'), value: () => DateTime.now().setZone(zone).plus({ hours: 1 }).startOf('minute') },
    { key: 'tomorrow', label: t('reschedule.tomorrow'), value: () => shiftDays(1) },
    { key: 'week', label: t('reschedule.nextWeek'), value: () => shiftDays(7) },
  ];
  function shiftDays(days: number) {
    const base = DateTime.fromISO(start || isoToInput(event.start, zone), { zone });
    const today = DateTime.now().setZone(zone);
    // From an overdue date, "tomorrow" means tomorrow from today, at the planned time of day.
    const from = base < today.startOf('day') ? today.set({ hour: base.hour, minute: base.minute }) : base;
    return from.plus({ days });
  }

  const errors: FieldErrors = { ...serverFields };
  if (!start) errors.start = t('event.startRequired');
  else if (end && end < start) errors.end = t('event.endBeforeStart');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (errors.start || errors.end) return;
    setGeneral([]);
    try {
      await reschedule({
        variables: { id: event.id, input: { start: inputToIso(start, zone)!, end: end ? inputToIso(end, zone) : undefined } },
      });
      void refreshActive(client, AFTER_MY_EVENT_CHANGE);
      onClose();
    } catch (error) {
      const split = splitErrors(t, error, (f) => FIELDS.has(f));
      setServerFields(split.fields);
      setGeneral(split.general);
    }
  }

  return (
    <EventActionForm
      testId="reschedule-dialog"
      title={t('event.rescheduleTitle')}
      subject={event.subject}
      general={general}
      onSubmit={submit}
      onClose={onClose}
      closeLabel={t('common.cancel')}
      submitLabel={t('event.reschedule')}
      submitTestId="reschedule-save"
      loading={loading}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {presets.map((p) => (
          <Chip key={p.key} label={p.label} onClick={() => changeStart(p.value().toFormat(LOCAL_INPUT_FORMAT))} variant="outlined" />
        ))}
      </Stack>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateTimeField label={t('event.start')} value={start} onChange={changeStart} error={errors.start} required autoFocus testId="reschedule-start" />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateTimeField
            label={t('event.end')}
            value={end}
            onChange={(v) => {
              setEnd(v);
              setServerFields((f) => omitKey(f, 'end'));
            }}
            error={errors.end}
            testId="reschedule-end"
          />
        </Grid>
      </Grid>
    </EventActionForm>
  );
}
