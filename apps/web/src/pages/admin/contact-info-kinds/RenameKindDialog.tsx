import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { ContactInfoKindFieldsFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasErrorCode, splitErrors } from '../../../lib/errors';
import { UpdateContactInfoKindMutation } from './kinds.graphql';

/** Mounted per open. A stale version asks to reopen, since the kinds list refreshes underneath. */
export function RenameKindDialog({ kind, onClose }: { kind: ContactInfoKindFieldsFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(kind.name);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);
  const [update, { loading }] = useMutation(UpdateContactInfoKindMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      await update({ variables: { id: kind.id, input: { version: kind.version, name: name.trim() } } });
      onClose();
    } catch (error) {
      if (hasErrorCode(error, 'CONFLICT')) {
        setGeneral([t('admin.kinds.conflict')]);
        return;
      }
      const split = splitErrors(t, error, (f) => f === 'name');
      setFieldError(split.fields.name ?? null);
      setGeneral(split.general);
    }
  }

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{t('admin.kinds.renameTitle')}</DialogTitle>
        <DialogContent>
          <ErrorAlert messages={general} />
          <TextField
            autoFocus
            fullWidth
            sx={{ mt: 1 }}
            label={t('contactInfo.kindName')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setFieldError(null);
            }}
            error={Boolean(fieldError) || !name.trim()}
            helperText={fieldError ?? (kind.code ? t('admin.kinds.predefinedHint') : undefined)}
            slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'kind-name' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={loading || !name.trim()} data-testid="kind-save">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
