import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import StarOutlined from '@mui/icons-material/StarOutlined';
import { useTranslation } from 'react-i18next';
import type { AdminScenarioFragment, AdminStageFragment } from '../../../graphql/graphql';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { SalesErrorAlert, isVersionConflict, splitSalesErrors } from '../../../sections/client-interests/lib/errors';
import { SEMANTIC_COLOR } from '../../../sections/client-interests/lib/interest-meta';
import { AdminNav } from '../AdminNav';
import {
  CreateInformationSourceMutation,
  CreateLossReasonMutation,
  CreateSalesScenarioMutation,
  CreateSalesStageMutation,
  DeleteSalesStageMutation,
  SalesSettingsQuery,
  SetSalesScenarioDeletionMarkMutation,
  UpdateInformationSourceMutation,
  UpdateLossReasonMutation,
  UpdateSalesScenarioMutation,
  UpdateSalesStageMutation,
} from './sales-settings.graphql';

const REFRESH = { refetchQueries: ['SalesSettings', 'SalesReference'] };

/** What the one edit dialog of this page is doing. */
type Edit =
  | { kind: 'newScenario' }
  | { kind: 'scenario'; scenario: AdminScenarioFragment }
  | { kind: 'newStage'; scenarioId: string }
  | { kind: 'stage'; stage: AdminStageFragment }
  | { kind: 'newRef'; list: 'lossReason' | 'informationSource' }
  | { kind: 'ref'; list: 'lossReason' | 'informationSource'; item: RefItem };

interface RefItem {
  id: string;
  name: string;
  sort: number;
  active: boolean;
  version: number;
}

/**
 * «Настройки продаж»: sales scenarios with their ordered stages and default probabilities, loss reasons and
 * information sources. The won and lost stages are fixed; working stages can be added, renamed, reordered and
 * deleted while no interest has ever been at them.
 */
export default function SalesSettingsAdminPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(SalesSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [edit, setEdit] = useState<Edit | null>(null);
  const [updateScenario, scenarioState] = useMutation(UpdateSalesScenarioMutation, REFRESH);
  const [markScenario, markState] = useMutation(SetSalesScenarioDeletionMarkMutation, REFRESH);
  const [updateStage, stageState] = useMutation(UpdateSalesStageMutation, REFRESH);
  const [deleteStage, deleteState] = useMutation(DeleteSalesStageMutation, REFRESH);
  const [updateReason, reasonState] = useMutation(UpdateLossReasonMutation, REFRESH);
  const [updateSource, sourceState] = useMutation(UpdateInformationSourceMutation, REFRESH);
  const actionError = [scenarioState, markState, stageState, deleteState, reasonState, sourceState].find((s) => s.error)?.error;
  const ignore = () => undefined;

  /** Swaps the positions of two neighbouring working stages. */
  const swap = async (a: AdminStageFragment, b: AdminStageFragment) => {
    await updateStage({ variables: { id: a.id, input: { version: a.version, sort: b.sort } } });
    await updateStage({ variables: { id: b.id, input: { version: b.version, sort: a.sort } } });
  };

  if (loading && !data) return <LoadingBlock />;

  return (
    <>
      <PageHeader title={t('admin.title')} />
      <AdminNav />
      <SalesErrorAlert error={(data ? undefined : error) ?? actionError} />

      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('salesSettings.scenarios')}
        </Typography>
        <Button startIcon={<AddIcon />} onClick={() => setEdit({ kind: 'newScenario' })} data-testid="scenario-new">
          {t('salesSettings.newScenario')}
        </Button>
      </Stack>
      <Stack spacing={2} sx={{ mb: 3 }}>
        {(data?.salesScenarios ?? []).map((s) => {
          const stages = [...s.stages].sort((a, b) => a.sort - b.sort);
          const working = stages.filter((st) => st.semantic === 'IN_PROGRESS');
          return (
            <Paper key={s.id} variant="outlined" sx={{ p: { xs: 1.5, sm: 2 }, opacity: s.deletionMark ? 0.6 : 1 }} data-testid="scenario-row">
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' }, mb: 1 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                    {s.name}
                  </Typography>
                  {s.isDefault && <Chip size="small" color="primary" icon={<StarOutlined />} label={t('organizations.default')} />}
                  {s.deletionMark && <Chip size="small" color="warning" label={t('common.markedForDeletion')} />}
                </Stack>
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {!s.isDefault && !s.deletionMark && (
                    <Button size="small" onClick={() => updateScenario({ variables: { id: s.id, input: { version: s.version, isDefault: true } } }).catch(ignore)}>
                      {t('organizations.makeDefault')}
                    </Button>
                  )}
                  <Button size="small" startIcon={<EditOutlined />} onClick={() => setEdit({ kind: 'scenario', scenario: s })}>
                    {t('salesSettings.rename')}
                  </Button>
                  {!s.isDefault && (
                    <Button size="small" color={s.deletionMark ? 'primary' : 'warning'} onClick={() => markScenario({ variables: { id: s.id, deletionMark: !s.deletionMark } }).catch(ignore)}>
                      {s.deletionMark ? t('common.restore') : t('common.markForDeletion')}
                    </Button>
                  )}
                </Stack>
              </Stack>
              <List dense disablePadding>
                {stages.map((st) => {
                  const wi = working.findIndex((w) => w.id === st.id);
                  return (
                    <ListItem
                      key={st.id}
                      divider
                      data-testid="stage-row"
                      secondaryAction={
                        <Stack direction="row">
                          {st.semantic === 'IN_PROGRESS' && (
                            <>
                              <Tooltip title={t('salesSettings.up')}>
                                <span>
                                  <IconButton size="small" disabled={wi <= 0} onClick={() => swap(st, working[wi - 1]!).catch(ignore)} aria-label={t('salesSettings.up')}>
                                    <ArrowUpwardOutlined fontSize="small" />
                                  </IconButton>
                                </span>
                              </Tooltip>
                              <Tooltip title={t('salesSettings.down')}>
                                <span>
                                  <IconButton size="small" disabled={wi >= working.length - 1} onClick={() => swap(st, working[wi + 1]!).catch(ignore)} aria-label={t('salesSettings.down')}>
                                    <ArrowDownwardOutlined fontSize="small" />
                                  </IconButton>
                                </span>
                              </Tooltip>
                            </>
                          )}
                          <Tooltip title={t('common.edit')}>
                            <IconButton size="small" onClick={() => setEdit({ kind: 'stage', stage: st })} aria-label={t('common.edit')}>
                              <EditOutlined fontSize="small" />
                            </IconButton>
                          </Tooltip>
                          {st.semantic === 'IN_PROGRESS' && (
                            <Tooltip title={t('salesSettings.deleteStage')}>
                              <IconButton size="small" onClick={() => deleteStage({ variables: { id: st.id } }).catch(ignore)} aria-label={t('salesSettings.deleteStage')}>
                                <DeleteOutlined fontSize="small" />
                              </IconButton>
                            </Tooltip>
                          )}
                        </Stack>
                      }
                    >
                      <ListItemText
                        sx={{ pr: 16 }}
                        primary={st.name}
                        secondary={`${st.probability}% · ${t(`stageSemantic.${st.semantic}`)}`}
                        slotProps={{ secondary: { color: st.semantic === 'IN_PROGRESS' ? 'text.secondary' : `${SEMANTIC_COLOR[st.semantic]}.main` } }}
                      />
                    </ListItem>
                  );
                })}
              </List>
              {!s.deletionMark && (
                <Button size="small" startIcon={<AddIcon />} sx={{ mt: 1 }} onClick={() => setEdit({ kind: 'newStage', scenarioId: s.id })} data-testid="stage-new">
                  {t('salesSettings.newStage')}
                </Button>
              )}
            </Paper>
          );
        })}
      </Stack>

      <Grid container spacing={2}>
        {(['lossReason', 'informationSource'] as const).map((list) => {
          const items = list === 'lossReason' ? (data?.lossReasons ?? []) : (data?.informationSources ?? []);
          const update = list === 'lossReason' ? updateReason : updateSource;
          return (
            <Grid key={list} size={{ xs: 12, md: 6 }}>
              <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }} data-testid={`${list}-list`}>
                <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
                  <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
                    {t(`salesSettings.${list}s`)}
                  </Typography>
                  <Button size="small" startIcon={<AddIcon />} onClick={() => setEdit({ kind: 'newRef', list })} data-testid={`${list}-new`}>
                    {t('common.add')}
                  </Button>
                </Stack>
                <List dense disablePadding>
                  {items.map((item) => (
                    <ListItem
                      key={item.id}
                      divider
                      secondaryAction={
                        <Stack direction="row" sx={{ alignItems: 'center' }}>
                          <Tooltip title={item.active ? t('salesSettings.inUse') : t('salesSettings.retired')}>
                            <Switch
                              size="small"
                              checked={item.active}
                              onChange={(e) => update({ variables: { id: item.id, input: { version: item.version, active: e.target.checked } } }).catch(ignore)}
                              slotProps={{ input: { 'aria-label': t('salesSettings.inUse') } }}
                            />
                          </Tooltip>
                          <IconButton size="small" onClick={() => setEdit({ kind: 'ref', list, item })} aria-label={t('common.edit')}>
                            <EditOutlined fontSize="small" />
                          </IconButton>
                        </Stack>
                      }
                    >
                      <ListItemText primary={item.name} sx={{ pr: 10, color: item.active ? undefined : 'text.disabled' }} />
                    </ListItem>
                  ))}
                </List>
              </Paper>
            </Grid>
          );
        })}
      </Grid>

      {edit && <EditDialog edit={edit} onClose={() => setEdit(null)} />}
    </>
  );
}

/** One dialog for every name (and, for stages, default probability) this page edits. */
function EditDialog({ edit, onClose }: { edit: Edit; onClose: () => void }) {
  const { t } = useTranslation();
  const initialName =
    edit.kind === 'scenario' ? edit.scenario.name : edit.kind === 'stage' ? edit.stage.name : edit.kind === 'ref' ? edit.item.name : '';
  const withProbability = edit.kind === 'newStage' || edit.kind === 'stage';
  const [name, setName] = useState(initialName);
  const [probability, setProbability] = useState(edit.kind === 'stage' ? String(edit.stage.probability) : '50');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [createScenario] = useMutation(CreateSalesScenarioMutation, REFRESH);
  const [updateScenario] = useMutation(UpdateSalesScenarioMutation, REFRESH);
  const [createStage] = useMutation(CreateSalesStageMutation, REFRESH);
  const [updateStage] = useMutation(UpdateSalesStageMutation, REFRESH);
  const [createReason] = useMutation(CreateLossReasonMutation, REFRESH);
  const [updateReason] = useMutation(UpdateLossReasonMutation, REFRESH);
  const [createSource] = useMutation(CreateInformationSourceMutation, REFRESH);
  const [updateSource] = useMutation(UpdateInformationSourceMutation, REFRESH);

  const p = Number(probability);
  const probabilityError = withProbability && (probability.trim() === '' || !Number.isInteger(p) || p < 0 || p > 100) ? t('interests.form.probabilityRange') : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setFields({ name: t('salesForm.required') });
      return;
    }
    if (probabilityError) return;
    setSaving(true);
    setGeneral([]);
    try {
      switch (edit.kind) {
        case 'newScenario':
          // A new scenario starts with one working stage and the two closing ones; stages are edited afterwards.
          await createScenario({
            variables: {
              input: {
                name: trimmed,
                stages: [
                  { name: t('salesSettings.firstStage'), probability: 10, semantic: 'IN_PROGRESS' },
                  { name: t('salesSettings.wonStage'), probability: 100, semantic: 'SUCCESS' },
                  { name: t('salesSettings.lostStage'), probability: 0, semantic: 'FAILURE' },
                ],
              },
            },
          });
          break;
        case 'scenario':
          await updateScenario({ variables: { id: edit.scenario.id, input: { version: edit.scenario.version, name: trimmed } } });
          break;
        case 'newStage':
          await createStage({ variables: { input: { scenarioId: edit.scenarioId, name: trimmed, probability: p } } });
          break;
        case 'stage':
          await updateStage({ variables: { id: edit.stage.id, input: { version: edit.stage.version, name: trimmed, probability: p } } });
          break;
        case 'newRef':
          if (edit.list === 'lossReason') await createReason({ variables: { input: { name: trimmed } } });
          else await createSource({ variables: { input: { name: trimmed } } });
          break;
        case 'ref': {
          const variables = { id: edit.item.id, input: { version: edit.item.version, name: trimmed } };
          if (edit.list === 'lossReason') await updateReason({ variables });
          else await updateSource({ variables });
          break;
        }
      }
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setGeneral([t('organizations.conflict')]);
        return;
      }
      const split = splitSalesErrors(t, error, (f) => f === 'name' || f === 'probability');
      setFields(split.fields);
      setGeneral(split.general);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle>{t(`salesSettings.dialog.${edit.kind}`)}</DialogTitle>
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
                setFields({});
              }}
              error={Boolean(fields.name)}
              helperText={fields.name}
              slotProps={{ htmlInput: { maxLength: 150, 'data-testid': 'settings-name' } }}
            />
            {withProbability && (
              <TextField
                type="number"
                label={t('salesSettings.defaultProbability')}
                value={probability}
                onChange={(e) => setProbability(e.target.value)}
                error={Boolean(probabilityError ?? fields.probability)}
                helperText={probabilityError ?? fields.probability}
                slotProps={{ input: { endAdornment: <InputAdornment position="end">%</InputAdornment> }, htmlInput: { min: 0, max: 100, 'data-testid': 'settings-probability' } }}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving} data-testid="settings-save">
            {t('common.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
