import { useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import DeleteForeverOutlined from '@mui/icons-material/DeleteForeverOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import FolderOutlined from '@mui/icons-material/FolderOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { ToggleFilter } from '../../../components/grid/ListToolbar';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../../client-interests/lib/errors';
import { descendantsOf, flattenGroups, useCanEditCatalog } from '../components/catalog-meta';
import { ProductGroupSelect } from '../components/ProductGroupSelect';
import {
  CreateProductGroupMutation,
  DeleteProductGroupMutation,
  ProductGroupsQuery,
  SetProductGroupDeletionMarkMutation,
  UpdateProductGroupMutation,
} from '../graphql/catalog.graphql';

interface Group {
  id: string;
  parentId?: string | null;
  name: string;
  deletionMark: boolean;
  version: number;
}

/** The catalog's group tree: add, rename, move, mark for deletion or delete an empty group. */
export default function ProductGroupsPage() {
  const { t } = useTranslation();
  const canEdit = useCanEditCatalog();
  const [showDeleted, setShowDeleted] = useState(false);
  const { data, loading, error } = useQuery(ProductGroupsQuery, { variables: { includeDeleted: true }, fetchPolicy: 'cache-and-network' });
  const [dialog, setDialog] = useState<{ group: Group | null; parentId: string | null } | null>(null);
  const [confirm, setConfirm] = useState<{ group: Group; action: 'mark' | 'restore' | 'delete' } | null>(null);
  const refetchGroups = { refetchQueries: ['ProductGroups'] };
  const [setMark, markState] = useMutation(SetProductGroupDeletionMarkMutation, refetchGroups);
  const [remove, removeState] = useMutation(DeleteProductGroupMutation, refetchGroups);
  const all = data?.productGroups ?? [];
  const rows = useMemo(() => flattenGroups(all.filter((g) => showDeleted || !g.deletionMark)), [all, showDeleted]);

  return (
    <>
      <PageHeader
        title={t('catalog.groups.title')}
        actions={
          <>
            <Button component={RouterLink} to="/catalog/products" startIcon={<ArrowBackOutlined />}>
              {t('catalog.title')}
            </Button>
            {canEdit && (
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ group: null, parentId: null })} data-testid="group-new">
                {t('catalog.groups.new')}
              </Button>
            )}
          </>
        }
      />
      <ToggleFilter label={t('catalog.showDeleted')} checked={showDeleted} onChange={setShowDeleted} testId="groups-show-deleted" />
      <SalesErrorAlert error={(data ? undefined : error) ?? markState.error ?? removeState.error} />
      {loading && !data ? (
        <LoadingBlock />
      ) : rows.length === 0 ? (
        <EmptyState icon={<FolderOutlined />} title={t('catalog.groups.empty')} />
      ) : (
        <Paper variant="outlined">
          <List disablePadding data-testid="groups">
            {rows.map(({ group, depth }) => (
              <ListItem
                key={group.id}
                divider
                data-testid="group-row"
                data-id={group.id}
                sx={{ pl: 2 + depth * 3, flexWrap: 'wrap' }}
                secondaryAction={
                  canEdit ? (
                    <Stack direction="row">
                      {!group.deletionMark && (
                        <>
                          <Tooltip title={t('catalog.groups.addChild')}>
                            <IconButton onClick={() => setDialog({ group: null, parentId: group.id })} aria-label={t('catalog.groups.addChild')}>
                              <AddIcon fontSize="small" />
                            </IconButton>
                          </Tooltip>
                          <Tooltip title={t('common.edit')}>
                            <IconButton onClick={() => setDialog({ group, parentId: group.parentId ?? null })} aria-label={t('common.edit')} data-testid="group-edit">
                              <EditOutlined fontSize="small" />
                            </IconButton>
                          </Tooltip>
                          <Tooltip title={t('common.markForDeletion')}>
                            <IconButton onClick={() => setConfirm({ group, action: 'mark' })} aria-label={t('common.markForDeletion')} data-testid="group-mark">
                              <DeleteOutlined fontSize="small" />
                            </IconButton>
                          </Tooltip>
                        </>
                      )}
                      {group.deletionMark && (
                        <Tooltip title={t('common.restore')}>
                          <IconButton onClick={() => setConfirm({ group, action: 'restore' })} aria-label={t('common.restore')} data-testid="group-restore">
                            <RestoreFromTrashOutlined fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      )}
                      <Tooltip title={t('catalog.groups.delete')}>
                        <IconButton onClick={() => setConfirm({ group, action: 'delete' })} aria-label={t('catalog.groups.delete')} data-testid="group-delete">
                          <DeleteForeverOutlined fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </Stack>
                  ) : undefined
                }
              >
                <FolderOutlined fontSize="small" color={group.deletionMark ? 'disabled' : 'action'} sx={{ mr: 1 }} />
                <ListItemText
                  sx={{ pr: canEdit ? 18 : 0 }}
                  primary={
                    <Link component={RouterLink} to={`/catalog/products?group=${group.id}`} color={group.deletionMark ? 'text.disabled' : 'primary'}>
                      {group.name}
                    </Link>
                  }
                  secondary={group.deletionMark ? <Chip size="small" color="warning" label={t('common.markedForDeletion')} component="span" /> : null}
                />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      {!canEdit && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('catalog.editorsOnly')}
        </Typography>
      )}
      {dialog && <GroupDialog key={dialog.group?.id ?? `new:${dialog.parentId}`} group={dialog.group} parentId={dialog.parentId} groups={all} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.action === 'delete' ? t('catalog.groups.deleteTitle') : confirm?.action === 'mark' ? t('catalog.groups.markTitle') : t('catalog.groups.restoreTitle')
        }
        text={confirm ? t(confirm.action === 'delete' ? 'catalog.groups.deleteText' : 'catalog.groups.markText', { name: confirm.group.name }) : undefined}
        confirmLabel={confirm?.action === 'delete' ? t('catalog.groups.delete') : confirm?.action === 'mark' ? t('common.markForDeletion') : t('common.restore')}
        danger={confirm?.action !== 'restore'}
        busy={markState.loading || removeState.loading}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          const { group, action } = confirm;
          setConfirm(null);
          if (action === 'delete') remove({ variables: { id: group.id } }).catch(() => undefined);
          else setMark({ variables: { id: group.id, deletionMark: action === 'mark' } }).catch(() => undefined);
        }}
      />
    </>
  );
}

function GroupDialog({ group, parentId: initialParent, groups, onClose }: { group: Group | null; parentId: string | null; groups: readonly Group[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [parentId, setParentId] = useState(initialParent ?? '');
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [create] = useMutation(CreateProductGroupMutation, { refetchQueries: ['ProductGroups'] });
  const [update] = useMutation(UpdateProductGroupMutation, { refetchQueries: ['ProductGroups'] });
  const exclude = useMemo(() => (group ? descendantsOf(groups, group.id) : undefined), [group, groups]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setFields({ name: t('salesForm.required') });
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      if (group) await update({ variables: { id: group.id, input: { version: group.version, name: name.trim(), parentId: parentId || null } } });
      else await create({ variables: { input: { name: name.trim(), parentId: parentId || null } } });
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setGeneral([t('catalog.groups.conflict')]);
        return;
      }
      const split = splitSalesErrors(t, error, (f) => f === 'name' || f === 'parentId');
      setFields(split.fields);
      setGeneral(split.general);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{group ? t('catalog.groups.editTitle') : t('catalog.groups.new')}</DialogTitle>
        <DialogContent>
          <SalesErrorAlert messages={general} />
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              autoFocus
              required
              label={t('catalog.groups.name')}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setFields((f) => omitKey(f, 'name'));
              }}
              error={Boolean(fields.name)}
              helperText={fields.name}
              slotProps={{ htmlInput: { 'data-testid': 'group-name', maxLength: 150 } }}
            />
            <ProductGroupSelect
              label={t('catalog.groups.parent')}
              emptyLabel={t('catalog.groups.topLevel')}
              value={parentId}
              onChange={(v) => {
                setParentId(v);
                setFields((f) => omitKey(f, 'parentId'));
              }}
              exclude={exclude}
              error={fields.parentId}
              testId="group-parent"
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid="group-save">
            {group ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
