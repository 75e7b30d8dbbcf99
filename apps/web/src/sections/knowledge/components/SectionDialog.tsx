import { useState, type FormEvent } from 'react';
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
import { isStaleVersion, splitErrors, type FieldErrors } from '../../../lib/errors';
import {
  CreateKnowledgeSectionMutation,
  DeleteKnowledgeSectionMutation,
  UpdateKnowledgeSectionMutation,
} from '../graphql/knowledge.graphql';
import { sectionOptions } from './section-options';

interface Section {
  id: string;
  name: string;
  parentId?: string | null;
  version: number;
}

interface Props {
  open: boolean;
  /** The section to rename or move; null to create one. */
  section: Section | null;
  /** Where a new section goes by default (the one chosen in the tree). */
  parentId: string | null;
  sections: readonly Section[];
  onClose: () => void;
  onDeleted: () => void;
}

export function SectionDialog(props: Props) {
  // A fresh form each time it opens.
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="xs" fullWidth>
      {props.open && <SectionForm key={props.section?.id ?? 'new'} {...props} />}
    </Dialog>
  );
}

function SectionForm({ section, parentId, sections, onClose, onDeleted }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(section?.name ?? '');
  const [parent, setParent] = useState<string | null>(section ? (section.parentId ?? null) : parentId);
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const refresh = { refetchQueries: ['KnowledgeSections'], awaitRefetchQueries: true };
  const [create, createState] = useMutation(CreateKnowledgeSectionMutation, refresh);
  const [update, updateState] = useMutation(UpdateKnowledgeSectionMutation, refresh);
  const [remove, removeState] = useMutation(DeleteKnowledgeSectionMutation, refresh);
  const busy = createState.loading || updateState.loading || removeState.loading;
  // A section cannot move under itself or its own subsections.
  const blocked = new Set<string>();
  if (section) {
    blocked.add(section.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of sections) {
        if (s.parentId && blocked.has(s.parentId) && !blocked.has(s.id)) {
          blocked.add(s.id);
          grew = true;
        }
      }
    }
  }
  const options = sectionOptions(sections).filter((o) => !blocked.has(o.id));

  const fail = (error: unknown) => {
    if (isStaleVersion(error)) {
      setGeneral([t('knowledge.sectionChanged')]);
      return;
    }
    const split = splitErrors(t, error, (f) => f === 'name' || f === 'parentId');
    setFields(split.fields);
    setGeneral(split.general);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setFields({ name: t('knowledge.sectionNameRequired') });
      return;
    }
    try {
      if (section) await update({ variables: { id: section.id, input: { version: section.version, name: name.trim(), parentId: parent } } });
      else await create({ variables: { input: { name: name.trim(), parentId: parent ?? undefined } } });
      onClose();
    } catch (error) {
      fail(error);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="kb-section-form">
      <DialogTitle>{section ? t('knowledge.editSection') : t('knowledge.newSection')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <ErrorAlert messages={general} />
          <TextField
            autoFocus
            required
            label={t('knowledge.sectionName')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setFields({});
            }}
            error={Boolean(fields.name)}
            helperText={fields.name}
            slotProps={{ htmlInput: { 'data-testid': 'kb-section-name', maxLength: 200 } }}
          />
          <TextField
            select
            label={t('knowledge.parentSection')}
            value={parent ?? ''}
            onChange={(e) => setParent(e.target.value || null)}
            error={Boolean(fields.parentId)}
            helperText={fields.parentId}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'kb-section-parent' } }}
          >
            <option value="">{t('knowledge.topLevel')}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {'\u00A0\u00A0'.repeat(o.depth)}
                {o.name}
              </option>
            ))}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        {section && (
          <Button
            color="error"
            disabled={busy}
            sx={{ mr: 'auto' }}
            onClick={() =>
              void remove({ variables: { id: section.id } })
                .then(() => {
                  onDeleted();
                  onClose();
                })
                .catch(fail)
            }
            data-testid="kb-section-delete"
          >
            {t('knowledge.deleteSection')}
          </Button>
        )}
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={busy} data-testid="kb-section-save">
          {busy ? t('common.saving') : t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
