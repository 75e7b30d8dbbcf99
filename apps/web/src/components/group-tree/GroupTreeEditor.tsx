import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ConfirmDialog';
import { EmptyState } from '../EmptyState';
import { LoadingBlock } from '../LoadingBlock';
import { PageHeader } from '../PageHeader';
import { ToggleFilter } from '../grid/ListToolbar';
import { omitKey, type FieldErrors } from '../../lib/errors';
import { descendantsOf, flattenGroups, type GroupNode } from '../../lib/group-tree';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../../sections/client-interests/lib/errors';

export interface EditableGroup extends GroupNode {
  version: number;
}

/** The four changes of a group catalogue; each resolves when the server accepted it (and the tree is refetched). */
export interface GroupTreeActions {
  create(input: { name: string; parentId: string | null }): Promise<unknown>;
  update(id: string, input: { version: number; name: string; parentId: string | null }): Promise<unknown>;
  setDeletionMark(id: string, deletionMark: boolean): Promise<unknown>;
  remove(id: string): Promise<unknown>;
}

/** What the dialog hands its parent-group select. */
export interface ParentSelectProps {
  label: string;
  emptyLabel: string;
  value: string;
  onChange: (id: string) => void;
  /** The edited group and its subgroups: a group cannot move into its own branch. */
  exclude?: ReadonlySet<string>;
  error?: string;
  testId: string;
}

export interface GroupTreeTestIds {
  new: string;
  showDeleted: string;
  list: string;
  row: string;
  addChild: string;
  edit: string;
  mark: string;
  restore: string;
  delete: string;
  error: string;
  name: string;
  parent: string;
  save: string;
}

const DEFAULT_TEST_IDS: GroupTreeTestIds = {
  new: 'group-new',
  showDeleted: 'groups-show-deleted',
  list: 'groups',
  row: 'group-row',
  addChild: 'group-add-child',
  edit: 'group-edit',
  mark: 'group-mark',
  restore: 'group-restore',
  delete: 'group-delete',
  error: 'groups-error',
  name: 'group-name',
  parent: 'group-parent',
  save: 'group-save',
};

interface Props<G extends EditableGroup> {
  /** All groups, those marked for deletion included (the switch hides them here). */
  groups: readonly G[] | undefined;
  loading: boolean;
  /** The groups query's error. */
  error?: unknown;
  /** May add groups (top level and subgroups). */
  canCreate: boolean;
  /** May rename, move, mark, restore and delete groups. */
  canEdit: boolean;
  actions: GroupTreeActions;
  /**
   * Where the texts live: `<prefix>.title`, `.new`, `.editTitle`, `.name`, `.parent`, `.topLevel`, `.addChild`,
   * `.delete`, `.empty`, `.conflict`, `.markTitle`, `.markText`, `.restoreTitle`, `.deleteTitle`, `.deleteText`,
   * and for a refused delete `.inUse` ({{name}}, {{what}}) with `.inUseMembers` (plural by {{count}}).
   */
  i18nPrefix: string;
  /** The key under which GROUP_IN_USE counts the group's members, e.g. `products`, `counterparties`. */
  membersKey: string;
  back: { to: string; label: string };
  showDeletedLabel: string;
  /** Shown under the tree to those who may not edit. */
  readOnlyNote?: string;
  /** The list of a group's members (its name links there); none: plain text. */
  groupLink?: (group: G) => string | undefined;
  renderParentSelect: (props: ParentSelectProps) => ReactNode;
  testIds?: Partial<GroupTreeTestIds>;
}

type Confirm<G> = { group: G; action: 'mark' | 'restore' | 'delete' };

/**
 * A catalogue's group tree (1C "группы справочника"): add, rename, move, mark for deletion or delete an empty group.
 * The page around it supplies the data, the mutations, the texts and who may do what; the server checks rights too.
 */
export function GroupTreeEditor<G extends EditableGroup>(props: Props<G>) {
  const { groups, loading, error, canCreate, canEdit, actions, i18nPrefix: p, back, groupLink } = props;
  const ids = { ...DEFAULT_TEST_IDS, ...props.testIds };
  const { t } = useTranslation();
  const [showDeleted, setShowDeleted] = useState(false);
  const [dialog, setDialog] = useState<{ group: G | null; parentId: string | null } | null>(null);
  const [confirm, setConfirm] = useState<Confirm<G> | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; name: string } | null>(null);
  const all = useMemo(() => groups ?? [], [groups]);
  const rows = useMemo(() => flattenGroups(all.filter((g) => showDeleted || !g.deletionMark)), [all, showDeleted]);
  // Room for the row's buttons: add, edit, mark, delete for an editor; add alone for one who may only create.
  const actionsWidth = canEdit ? 18 : canCreate ? 6 : 0;

  async function run({ group, action }: Confirm<G>) {
    setBusy(true);
    setFailure(null);
    try {
      if (action === 'delete') await actions.remove(group.id);
      else await actions.setDeletionMark(group.id, action === 'mark');
    } catch (e) {
      setFailure({ error: e, name: group.name });
    } finally {
      setBusy(false);
    }
  }

  const inUse = failure ? inUseText(t, p, props.membersKey, failure.error, failure.name) : undefined;
  return (
    <>
      <PageHeader
        title={t(`${p}.title`)}
        actions={
          <>
            <Button component={RouterLink} to={back.to} startIcon={<ArrowBackOutlined />}>
              {back.label}
            </Button>
            {canCreate && (
              <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ group: null, parentId: null })} data-testid={ids.new}>
                {t(`${p}.new`)}
              </Button>
            )}
          </>
        }
      />
      <ToggleFilter label={props.showDeletedLabel} checked={showDeleted} onChange={setShowDeleted} testId={ids.showDeleted} />
      <Box data-testid={ids.error}>
        <SalesErrorAlert error={inUse ? undefined : ((groups ? undefined : error) ?? failure?.error)} messages={inUse ? [inUse] : undefined} />
      </Box>
      {loading && !groups ? (
        <LoadingBlock />
      ) : rows.length === 0 ? (
        <EmptyState icon={<FolderOutlined />} title={t(`${p}.empty`)} />
      ) : (
        <Paper variant="outlined">
          <List disablePadding data-testid={ids.list}>
            {rows.map(({ group, depth }) => {
              const to = groupLink?.(group);
              return (
                <ListItem
                  key={group.id}
                  divider
                  data-testid={ids.row}
                  data-id={group.id}
                  sx={{ pl: 2 + depth * 3, flexWrap: 'wrap' }}
                  secondaryAction={
                    canCreate || canEdit ? (
                      <Stack direction="row">
                        {!group.deletionMark && canCreate && (
                          <Tooltip title={t(`${p}.addChild`)}>
                            <IconButton onClick={() => setDialog({ group: null, parentId: group.id })} aria-label={t(`${p}.addChild`)} data-testid={ids.addChild}>
                              <AddIcon fontSize="small" />
                            </IconButton>
                          </Tooltip>
                        )}
                        {!group.deletionMark && canEdit && (
                          <>
                            <Tooltip title={t('common.edit')}>
                              <IconButton onClick={() => setDialog({ group, parentId: group.parentId ?? null })} aria-label={t('common.edit')} data-testid={ids.edit}>
                                <EditOutlined fontSize="small" />
                              </IconButton>
                            </Tooltip>
                            <Tooltip title={t('common.markForDeletion')}>
                              <IconButton onClick={() => setConfirm({ group, action: 'mark' })} aria-label={t('common.markForDeletion')} data-testid={ids.mark}>
                                <DeleteOutlined fontSize="small" />
                              </IconButton>
                            </Tooltip>
                          </>
                        )}
                        {group.deletionMark && canEdit && (
                          <Tooltip title={t('common.restore')}>
                            <IconButton onClick={() => setConfirm({ group, action: 'restore' })} aria-label={t('common.restore')} data-testid={ids.restore}>
                              <RestoreFromTrashOutlined fontSize="small" />
                            </IconButton>
                          </Tooltip>
                        )}
                        {canEdit && (
                          <Tooltip title={t(`${p}.delete`)}>
                            <IconButton onClick={() => setConfirm({ group, action: 'delete' })} aria-label={t(`${p}.delete`)} data-testid={ids.delete}>
                              <DeleteForeverOutlined fontSize="small" />
                            </IconButton>
                          </Tooltip>
                        )}
                      </Stack>
                    ) : undefined
                  }
                >
                  <FolderOutlined fontSize="small" color={group.deletionMark ? 'disabled' : 'action'} sx={{ mr: 1 }} />
                  <ListItemText
                    sx={{ pr: actionsWidth }}
                    primary={
                      to ? (
                        <Link component={RouterLink} to={to} color={group.deletionMark ? 'text.disabled' : 'primary'}>
                          {group.name}
                        </Link>
                      ) : (
                        <Box component="span" sx={{ color: group.deletionMark ? 'text.disabled' : undefined }}>
                          {group.name}
                        </Box>
                      )
                    }
                    secondary={group.deletionMark ? <Chip size="small" color="warning" label={t('common.markedForDeletion')} component="span" /> : null}
                  />
                </ListItem>
              );
            })}
          </List>
        </Paper>
      )}
      {!canEdit && props.readOnlyNote && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {props.readOnlyNote}
        </Typography>
      )}
      {dialog && (
        <GroupDialog
          key={dialog.group?.id ?? `new:${dialog.parentId}`}
          group={dialog.group}
          parentId={dialog.parentId}
          groups={all}
          actions={actions}
          prefix={p}
          ids={ids}
          renderParentSelect={props.renderParentSelect}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.action === 'delete' ? t(`${p}.deleteTitle`) : confirm?.action === 'mark' ? t(`${p}.markTitle`) : t(`${p}.restoreTitle`)}
        text={confirm ? t(confirm.action === 'delete' ? `${p}.deleteText` : `${p}.markText`, { name: confirm.group.name }) : undefined}
        confirmLabel={confirm?.action === 'delete' ? t(`${p}.delete`) : confirm?.action === 'mark' ? t('common.markForDeletion') : t('common.restore')}
        danger={confirm?.action !== 'restore'}
        busy={busy}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          setConfirm(null);
          void run(confirm);
        }}
      />
    </>
  );
}

/**
 * A refused delete of a group that still holds something (CONFLICT GROUP_IN_USE): says what it holds, e.g.
 * «2 counterparties and 1 subgroup», from the counts the server sends. Undefined for any other error.
 */
function inUseText(t: TFunction, prefix: string, membersKey: string, error: unknown, name: string): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const e = error.errors.find((x) => x.extensions?.reason === 'GROUP_IN_USE');
  if (!e) return undefined;
  const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const members = count(e.extensions?.[membersKey]);
  const subgroups = count(e.extensions?.subgroups);
  const parts = [
    ...(members ? [t(`${prefix}.inUseMembers`, { count: members })] : []),
    ...(subgroups ? [t('groupTree.subgroups', { count: subgroups })] : []),
  ];
  if (parts.length === 0) return undefined; // no counts: the generic GROUP_IN_USE text
  return t(`${prefix}.inUse`, { name, what: parts.join(t('groupTree.and')) });
}

function GroupDialog<G extends EditableGroup>({
  group,
  parentId: initialParent,
  groups,
  actions,
  prefix: p,
  ids,
  renderParentSelect,
  onClose,
}: {
  group: G | null;
  parentId: string | null;
  groups: readonly G[];
  actions: GroupTreeActions;
  prefix: string;
  ids: GroupTreeTestIds;
  renderParentSelect: (props: ParentSelectProps) => ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(group?.name ?? '');
  const [parentId, setParentId] = useState(initialParent ?? '');
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
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
      if (group) await actions.update(group.id, { version: group.version, name: name.trim(), parentId: parentId || null });
      else await actions.create({ name: name.trim(), parentId: parentId || null });
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setGeneral([t(`${p}.conflict`)]);
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
        <DialogTitle>{group ? t(`${p}.editTitle`) : t(`${p}.new`)}</DialogTitle>
        <DialogContent>
          <SalesErrorAlert messages={general} />
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              autoFocus
              required
              label={t(`${p}.name`)}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setFields((f) => omitKey(f, 'name'));
              }}
              error={Boolean(fields.name)}
              helperText={fields.name}
              slotProps={{ htmlInput: { 'data-testid': ids.name, maxLength: 150 } }}
            />
            {renderParentSelect({
              label: t(`${p}.parent`),
              emptyLabel: t(`${p}.topLevel`),
              value: parentId,
              onChange: (v) => {
                setParentId(v);
                setFields((f) => omitKey(f, 'parentId'));
              },
              exclude,
              error: fields.parentId,
              testId: ids.parent,
            })}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid={ids.save}>
            {group ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
