import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import { splitErrors, type FieldErrors } from '../../lib/errors';
import { MIN_PASSWORD_LENGTH } from '../../lib/validation';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

const FIELDS = new Set(['currentPassword', 'newPassword']);

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [changePassword, { loading }] = useMutation(ChangePasswordMutation);

  const tooShort = next.length > 0 && next.length < MIN_PASSWORD_LENGTH;
  const mismatch = repeat.length > 0 && repeat !== next;
  const canSubmit = current.length > 0 && next.length >= MIN_PASSWORD_LENGTH && repeat === next && !loading;

  function reset() {
    setCurrent('');
    setNext('');
    setRepeat('');
    setServerFields({});
    setGeneral([]);
    setDone(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSubmit) return;
    setServerFields({});
    setGeneral([]);
    try {
      await changePassword({ variables: { input: { currentPassword: current, newPassword: next } } });
      setDone(true);
    } catch (error) {
      const { fields, general: rest } = splitErrors(t, error, (f) => FIELDS.has(f));
      setServerFields(fields);
      setGeneral(rest);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} slotProps={{ transition: { onExited: reset } }} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('changePassword.title')}</DialogTitle>
        <DialogContent>
          {done ? (
            <Alert severity="success">{t('changePassword.done')}</Alert>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {general.map((text) => (
                <Alert key={text} severity="error">
                  {text}
                </Alert>
              ))}
              <TextField
                label={t('changePassword.current')}
                type="password"
                autoComplete="current-password"
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
                error={Boolean(serverFields.currentPassword)}
                helperText={serverFields.currentPassword}
                autoFocus
              />
              <TextField
                label={t('changePassword.new')}
                type="password"
                autoComplete="new-password"
                value={next}
                onChange={(e) => setNext(e.target.value)}
                error={tooShort || Boolean(serverFields.newPassword)}
                helperText={serverFields.newPassword ?? t('changePassword.hint', { count: MIN_PASSWORD_LENGTH })}
              />
              <TextField
                label={t('changePassword.repeat')}
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                error={mismatch}
                helperText={mismatch ? t('changePassword.mismatch') : undefined}
              />
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{done ? t('common.close') : t('common.cancel')}</Button>
          {!done && (
            <Button type="submit" variant="contained" disabled={!canSubmit}>
              {t('changePassword.submit')}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
