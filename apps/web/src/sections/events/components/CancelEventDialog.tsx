import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import Dialog from '@mui/material/Dialog';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { splitErrors } from '../../../lib/errors';
import { AFTER_MY_EVENT_CHANGE, refreshActive } from '../../../lib/live-refresh';
import { CancelEventMutation } from '../graphql/event.graphql';
import type { ActionableEvent } from './CompleteEventDialog';
import { EventActionForm } from './EventActionForm';

/** «Отменить»: the reason is required, so a cancelled call is never a silent gap in the history. */
export function CancelEventDialog({ event, onClose }: { event: ActionableEvent | null; onClose: () => void }) {
  return (
    <Dialog open={Boolean(event)} onClose={onClose} fullWidth maxWidth="sm">
      {event && <CancelForm key={event.id} event={event} onClose={onClose} />}
    </Dialog>
  );
}

function CancelForm({ event, onClose }: { event: ActionableEvent; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [cancel, { loading }] = useMutation(CancelEventMutation);
  const error = fieldError ?? (submitted && !reason.trim() ? t('event.reasonRequired') : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!reason.trim()) return;
    try {
      await cancel({ variables: { id: event.id, input: { reason: reason.trim() } } });
      void refreshActive(client, AFTER_MY_EVENT_CHANGE);
      onClose();
    } catch (err) {
      const split = splitErrors(t, err, (f) => f === 'reason');
      setFieldError(split.fields.reason);
      setGeneral(split.general);
    }
  }

  return (
    <EventActionForm
      testId="cancel-dialog"
      title={t('event.cancelTitle')}
      subject={event.subject}
      general={general}
      onSubmit={submit}
      onClose={onClose}
      closeLabel={t('common.back')}
      submitLabel={t('event.cancelEvent')}
      submitColor="error"
      submitTestId="cancel-save"
      loading={loading}
    >
      <TextField
        label={t('event.cancelReason')}
        required
        multiline
        minRows={2}
        autoFocus
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setFieldError(undefined);
        }}
        error={Boolean(error)}
        helperText={error}
        slotProps={{ htmlInput: { 'data-testid': 'cancel-reason', maxLength: 2000 } }}
      />
    </EventActionForm>
  );
}
