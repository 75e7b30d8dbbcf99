import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UserPicker, type PickedUser } from '../../../components/UserPicker';
import { RedirectProcessTaskMutation } from '../graphql/processes.graphql';
import { processErrorMessages } from '../lib/process-errors';

interface Props {
  /** The task to hand on; null keeps the dialog closed. */
  taskId: string | null;
  onClose: () => void;
  onDone: () => void;
}

/** Hands a task to a colleague with a note why (when the point allows it). */
export function RedirectTaskDialog({ taskId, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [user, setUser] = useState<PickedUser | null>(null);
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [redirect, { loading, error, reset }] = useMutation(RedirectProcessTaskMutation);

  const close = () => {
    setUser(null);
    setComment('');
    setTouched(false);
    reset();
    onClose();
  };

  const save = async () => {
    setTouched(true);
    if (!taskId || !user) return;
    try {
      await redirect({ variables: { id: taskId, userId: user.id, comment: comment.trim() || null } });
      onDone();
      close();
    } catch {
      // shown below
    }
  };

  return (
    <Dialog open={taskId !== null} onClose={close} fullWidth maxWidth="sm" data-testid="redirect-dialog">
      <DialogTitle>{t('processes.redirectTitle')}</DialogTitle>
      <DialogContent>
        <ErrorAlert messages={processErrorMessages(t, error)} />
        <Stack spacing={2} sx={{ pt: 1 }}>
          <UserPicker label={t('processes.newPerformer')} value={user} onChange={setUser} error={touched && !user ? t('processes.performerRequired') : undefined} testId="redirect-user" />
          <TextField
            label={t('processes.redirectComment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'redirect-comment', maxLength: 4000 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={loading} onClick={() => void save()} data-testid="redirect-save">
          {t('processes.redirect')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
