import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import Dialog from '@mui/material/Dialog';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { inputToIso, isoToInput } from '../../../lib/date-input';
import { omitKey, splitErrors, type FieldErrors } from '../../../lib/errors';
import { AFTER_MY_EVENT_CHANGE, refreshActive } from '../../../lib/live-refresh';
import { CompleteEventMutation } from '../graphql/event.graphql';
import { EventActionForm } from './EventActionForm';

export interface ActionableEvent {
  id: string;
  subject: string;
  start: string;
  end?: string | null;
}

const FIELDS = new Set(['result', 'start', 'end']);

/** «Выполнено»: what came of it (required) and, when they differ from the plan, the actual times. */
export function CompleteEventDialog({ event, onClose }: { event: ActionableEvent | null; onClose: () => void }) {
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  return (
    <Dialog open={Boolean(event)} onClose={onClose} fullWidth maxWidth="sm" fullScreen={phone}>
      {event && <CompleteForm key={event.id} event={event} onClose={onClose} />}
    </Dialog>
  );
}

function CompleteForm({ event, onClose }: { event: ActionableEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const client = useApolloClient();
  const [result, setResult] = useState('');
  const plannedStart = isoToInput(event.start, zone);
  const plannedEnd = isoToInput(event.end, zone);
  const [start, setStart] = useState(plannedStart);
  const [end, setEnd] = useState(plannedEnd);
  const [submitted, setSubmitted] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [complete, { loading }] = useMutation(CompleteEventMutation);

  const errors: FieldErrors = { ...serverFields };
  if (submitted && !result.trim()) errors.result = t('event.resultRequired');
  if (start && end && end < start) errors.end = t('event.endBeforeStart');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!result.trim() || (start && end && end < start)) return;
    setGeneral([]);
    try {
      await complete({
        variables: {
          id: event.id,
          input: {
            result: result.trim(),
            // Only what the user changed: the server keeps the planned times otherwise.
            start: start && start !== plannedStart ? inputToIso(start, zone) : undefined,
            end: end !== plannedEnd ? inputToIso(end, zone) : undefined,
          },
        },
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
      testId="complete-dialog"
      title={t('event.completeTitle')}
      subject={event.subject}
      general={general}
      onSubmit={submit}
      onClose={onClose}
      closeLabel={t('common.cancel')}
      submitLabel={t('event.completeAction')}
      submitColor="success"
      submitTestId="complete-save"
      loading={loading}
    >
      <TextField
        label={t('event.result')}
        required
        multiline
        minRows={3}
        autoFocus
        value={result}
        onChange={(e) => {
          setResult(e.target.value);
          setServerFields((f) => omitKey(f, 'result'));
        }}
        error={Boolean(errors.result)}
        helperText={errors.result ?? t('event.resultHint')}
        slotProps={{ htmlInput: { 'data-testid': 'complete-result', maxLength: 20000 } }}
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateTimeField
            label={t('event.actualStart')}
            value={start}
            onChange={(v) => {
              setStart(v);
              setServerFields((f) => omitKey(f, 'start'));
            }}
            error={errors.start}
            testId="complete-start"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DateTimeField
            label={t('event.actualEnd')}
            value={end}
            onChange={(v) => {
              setEnd(v);
              setServerFields((f) => omitKey(f, 'end'));
            }}
            error={errors.end}
            testId="complete-end"
          />
        </Grid>
      </Grid>
    </EventActionForm>
  );
}
