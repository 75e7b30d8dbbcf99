import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { splitErrors } from '../../../lib/errors';
import { MIN_PASSWORD_LENGTH } from '../../../lib/validation';
import { SetUserPasswordMutation } from './users.graphql';

/** An administrator sets a new password for someone who lost theirs. Mounted per open. */
export function ResetPasswordDialog({ user, onClose }: { user: { id: string; fullName: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [setUserPassword, { loading }] = useMutation(SetUserPasswordMutation);
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return;
    try {
      await setUserPassword({ variables: { id: user.id, password } });
      setDone(true);
    } catch (error) {
      const { fields, general: rest } = splitErrors(t, error, (f) => f === 'password');
      setFieldError(fields.password ?? null);
      setGeneral(rest);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('admin.users.resetPasswordTitle', { name: user.fullName })}</DialogTitle>
        <DialogContent>
          {done ? (
            <Alert severity="success">{t('admin.users.passwordSet')}</Alert>
          ) : (
            <>
              <ErrorAlert messages={general} />
              <TextField
                autoFocus
                fullWidth
                sx={{ mt: 1 }}
                type="password"
                label={t('changePassword.new')}
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  setFieldError(null);
                }}
                error={tooShort || Boolean(fieldError)}
                helperText={fieldError ?? t('changePassword.hint', { count: MIN_PASSWORD_LENGTH })}
                slotProps={{ htmlInput: { autoComplete: 'new-password', 'data-testid': 'reset-password' } }}
              />
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{done ? t('common.close') : t('common.cancel')}</Button>
          {!done && (
            <Button type="submit" variant="contained" disabled={loading || password.length < MIN_PASSWORD_LENGTH}>
              {t('admin.users.setPassword')}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
