import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { salesErrors } from '../lib/sales-errors';

/** A plain shape check; the server validates the address for real. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SendOutput {
  /** Empty: the server takes the contact person's (else the client's) e-mail. */
  email: string;
  message: string;
}

interface Props {
  open: boolean;
  /** "Invoice INV-2026-000012" — shown in the title and the default subject of the letter. */
  documentTitle: string;
  defaultEmail?: string | null;
  onSend: (output: SendOutput) => Promise<void>;
  onClose: () => void;
}

/**
 * «Отправить»: the PDF goes to the client's address (when the server has SMTP) and an outgoing letter event based
 * on the document is recorded either way, so the interaction history shows what was sent and when.
 */
export function SendDocumentDialog({ open, documentTitle, defaultEmail, onSend, onClose }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(defaultEmail ?? '');
  const [message, setMessage] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);

  const errors: FieldErrors = { ...serverFields };
  if (submitted && email.trim() && !EMAIL.test(email.trim())) errors.email = t('reason.EMAIL_INVALID');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (email.trim() && !EMAIL.test(email.trim())) return;
    setBusy(true);
    setGeneral([]);
    try {
      await onSend({ email: email.trim(), message: message.trim() });
      onClose();
    } catch (error) {
      const split = salesErrors(t, error, (f) => f === 'email' || f === 'message', { to: 'email', comment: 'message' });
      setServerFields(split.fields);
      setGeneral(split.general);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate data-testid="send-dialog">
        <DialogTitle>{t('sales.send.title', { document: documentTitle })}</DialogTitle>
        <DialogContent>
          <ErrorAlert messages={general} />
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">{t('sales.send.hint')}</Alert>
            <TextField
              autoFocus
              type="email"
              label={t('sales.send.email')}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setServerFields((f) => omitKey(f, 'email'));
              }}
              error={Boolean(errors.email)}
              helperText={errors.email ?? t('sales.send.emailHint')}
              slotProps={{ htmlInput: { 'data-testid': 'send-email' } }}
            />
            <TextField
              multiline
              minRows={3}
              label={t('sales.send.message')}
              value={message}
              onChange={(e) => {
                setMessage(e.target.value);
                setServerFields((f) => omitKey(f, 'message'));
              }}
              error={Boolean(errors.message)}
              helperText={errors.message}
              slotProps={{ htmlInput: { 'data-testid': 'send-message', maxLength: 5000 } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="send-submit">
            {busy ? t('sales.send.sending') : t('sales.send.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
