import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { FieldErrors } from '../../../lib/errors';
import { RejectClientRequestMutation } from '../graphql/requests.graphql';
import { splitRequestErrors } from './request-errors';

interface Target {
  id: string;
  subject: string;
}

export function RejectDialog({ request, onClose, onDone }: { request: Target | null; onClose: () => void; onDone: () => void }) {
  return (
    <Dialog open={Boolean(request)} onClose={onClose} maxWidth="sm" fullWidth>
      {request && <RejectForm request={request} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

/** «Отклонить»: final, so the reason is required and kept with the request. */
function RejectForm({ request, onClose, onDone }: { request: Target; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [reject, { loading }] = useMutation(RejectClientRequestMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setFields({ reason: t('request.rejectReasonRequired') });
      return;
    }
    setGeneral([]);
    try {
      await reject({ variables: { id: request.id, reason: reason.trim() } });
      onDone();
    } catch (error) {
      const split = splitRequestErrors(t, error, (f) => f === 'reason');
      setFields(split.fields);
      setGeneral(split.general);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="reject-form">
      <DialogTitle>{t('request.rejectTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {request.subject}
          </Typography>
          <ErrorAlert messages={general} />
          <TextField
            autoFocus
            required
            multiline
            minRows={3}
            label={t('request.rejectReason')}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setFields({});
            }}
            error={Boolean(fields.reason)}
            helperText={fields.reason}
            slotProps={{ htmlInput: { 'data-testid': 'reject-reason', maxLength: 2000 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" color="error" disabled={loading} data-testid="reject-save">
          {loading ? t('common.saving') : t('request.reject')}
        </Button>
      </DialogActions>
    </form>
  );
}
