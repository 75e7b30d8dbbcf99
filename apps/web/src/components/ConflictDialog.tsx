import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  /** What was changed, in the accusative-free form of the dialog text: "this counterparty", "this contact person". */
  what: string;
  onReload: () => void;
  onClose: () => void;
}

/**
 * Optimistic locking lost: someone saved the object after we read it. Reloading shows their version;
 * the user's unsaved edits are dropped deliberately, since merging field by field would hide whose value won.
 */
export function ConflictDialog({ open, what, onReload, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth data-testid="conflict-dialog">
      <DialogTitle>{t('conflict.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('conflict.text', { what })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('conflict.keepEditing')}</Button>
        <Button variant="contained" onClick={onReload} data-testid="conflict-reload">
          {t('conflict.reload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
