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
import type { ContactInfoType } from '../../graphql/graphql';
import { splitErrors } from '../../lib/errors';
import { ContactInfoKindsQuery, CreateContactInfoKindMutation } from './contact-info.graphql';

interface Props {
  /** The type the new kind belongs to; null keeps the dialog closed. */
  type: ContactInfoType | null;
  onClose: () => void;
  onCreated: (kindId: string) => void;
}

/** "Add new kind…" from a contact-information line: the kind is created at once and selected in that line. */
export function AddKindDialog({ type, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateContactInfoKindMutation, {
    refetchQueries: [ContactInfoKindsQuery],
    awaitRefetchQueries: true,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation(); // the dialog sits inside the record's form; do not submit that one
    if (!type || !name.trim()) return;
    try {
      const result = await create({ variables: { input: { name: name.trim(), type } } });
      const id = result.data?.createContactInfoKind.id;
      if (id) onCreated(id);
    } catch (err) {
      const { fields, general } = splitErrors(t, err, (f) => f === 'name');
      setError(fields.name ?? general.join(' '));
    }
  }

  return (
    <Dialog
      open={type !== null}
      onClose={onClose}
      fullWidth
      maxWidth="xs"
      slotProps={{
        transition: {
          onExited: () => {
            setName('');
            setError(null);
          },
        },
      }}
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle>
          {t('contactInfo.newKindTitle', { type: type ? t(`contactInfo.type.${type}`) : '' })}
        </DialogTitle>
        <DialogContent>
          {error && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {error}
            </Alert>
          )}
          <TextField
            autoFocus
            fullWidth
            sx={{ mt: 1 }}
            label={t('contactInfo.kindName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'new-kind-name' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!name.trim() || loading} data-testid="new-kind-save">
            {t('common.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
