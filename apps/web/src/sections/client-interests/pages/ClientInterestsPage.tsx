import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import type { GridSortModel } from '@mui/x-data-grid';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import AddIcon from '@mui/icons-material/Add';
import HourglassBottomOutlined from '@mui/icons-material/HourglassBottomOutlined';
import TableRowsOutlined from '@mui/icons-material/TableRowsOutlined';
import ViewKanbanOutlined from '@mui/icons-material/ViewKanbanOutlined';
import { useTranslation } from 'react-i18next';
import type { ClientInterestFilter, ClientInterestOrder, ClientInterestSortField, InterestState } from '../../../graphql/graphql';
import { useAuth } from '../../../app/auth';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { useCursorPagination } from '../../../components/grid/useCursorPagination';
import { PageHeader } from '../../../components/PageHeader';
import { UserFilter } from '../../../components/UserFilter';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { BoardView } from '../components/BoardView';
import { InterestsGrid } from '../components/InterestsGrid';
import { ClientInterestsQuery, SalesReferenceQuery, StalledClientInterestsQuery } from '../graphql/interest.graphql';
import { SalesErrorAlert } from '../lib/errors';
import { INTEREST_STATES } from '../lib/interest-meta';

type View = 'board' | 'list' | 'stalled';
const VIEWS: readonly View[] = ['board', 'list', 'stalled'];
const STALLED_DAYS = [7, 14, 30, 60, 90];
const DEFAULT_STALLED_DAYS = 14;

/** Grid columns the server can sort by, and the API's name for each. */
const SORTABLE: Record<string, ClientInterestSortField> = {
  createdAt: 'CREATED_AT',
  plannedCloseDate: 'PLANNED_CLOSE_DATE',
  plannedAmount: 'PLANNED_AMOUNT',
};
const SORTABLE_FIELDS = new Set(Object.keys(SORTABLE));

function parseSort(value: string | null): GridSortModel {
  const [field, sort] = (value ?? '').split(':');
  return field && field in SORTABLE && (sort === 'asc' || sort === 'desc') ? [{ field, sort }] : [];
}

/**
 * «Интересы клиентов»: the pipeline as a board by stage, as a list, or my stalled interests. The view and every
 * filter live in the URL, so "back" from an interest's card returns to the same place.
 */
export default function ClientInterestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('view')) ?? 'board';
  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const reference = useQuery(SalesReferenceQuery);
  const scenarios = reference.data?.salesScenarios ?? [];
  const scenarioParam = params.get('scenario');
  const scenario = scenarios.find((s) => s.id === scenarioParam) ?? scenarios.find((s) => s.isDefault) ?? scenarios[0];

  return (
    <>
      <PageHeader
        title={t('sections.clientInterests')}
        actions={
          <>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              onChange={(_e, v: View | null) => v && setParam({ view: v === 'board' ? null : v })}
              aria-label={t('interests.view.label')}
              sx={{ '& .view-label': { display: { xs: 'none', sm: 'inline' } } }}
            >
              <ToggleButton value="board" data-testid="interests-view-board" aria-label={t('interests.view.board')}>
                <ViewKanbanOutlined fontSize="small" sx={{ mr: { sm: 0.5 } }} />
                <span className="view-label">{t('interests.view.board')}</span>
              </ToggleButton>
              <ToggleButton value="list" data-testid="interests-view-list" aria-label={t('interests.view.list')}>
                <TableRowsOutlined fontSize="small" sx={{ mr: { sm: 0.5 } }} />
                <span className="view-label">{t('interests.view.list')}</span>
              </ToggleButton>
              <ToggleButton value="stalled" data-testid="interests-view-stalled" aria-label={t('interests.view.stalled')}>
                <HourglassBottomOutlined fontSize="small" sx={{ mr: { sm: 0.5 } }} />
                <span className="view-label">{t('interests.view.stalled')}</span>
              </ToggleButton>
            </ToggleButtonGroup>
            <Button component={RouterLink} to="/client-interests/new" variant="contained" startIcon={<AddIcon />} data-testid="interest-new">
              {t('interests.new')}
            </Button>
          </>
        }
      />
      <SalesErrorAlert error={reference.error} />
      {view === 'board' && (
        <BoardTab
          scenarios={scenarios}
          scenarioId={scenario?.id ?? null}
          params={params}
          setParam={setParam}
        />
      )}
      {view === 'list' && <ListTab scenarios={scenarios} scenarioId={scenario?.id ?? null} params={params} setParam={setParam} />}
      {view === 'stalled' && <StalledTab params={params} setParam={setParam} />}
    </>
  );
}

interface ScenarioOption {
  id: string;
  name: string;
  stages: ReadonlyArray<{ id: string; name: string }>;
}

interface TabProps {
  params: URLSearchParams;
  setParam: (changes: Record<string, string | null>) => void;
}

function ScenarioSelect({ scenarios, value, onChange }: { scenarios: readonly ScenarioOption[]; value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  if (scenarios.length < 2) return null;
  return (
    <TextField
      select
      label={t('interests.scenario')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 200, flex: { xs: '1 1 160px', sm: '0 0 auto' } }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'interests-scenario' } }}
    >
      {scenarios.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </TextField>
  );
}

function BoardTab({ scenarios, scenarioId, params, setParam }: TabProps & { scenarios: readonly ScenarioOption[]; scenarioId: string | null }) {
  const { t } = useTranslation();
  const searchInput = params.get('q') ?? '';
  const search = useDebouncedValue(searchInput.trim(), 300);
  const responsibleId = params.get('responsible');
  return (
    <>
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam({ q: v })} testId="interests-search" placeholder={t('interests.searchPlaceholder')} />
        <ScenarioSelect scenarios={scenarios} value={scenarioId} onChange={(id) => setParam({ scenario: id })} />
        <UserFilter label={t('interests.responsible')} userId={responsibleId} onChange={(id) => setParam({ responsible: id })} testId="interests-responsible-filter" />
      </ListToolbar>
      {scenarioId && (
        <BoardView
          scenarioId={scenarioId}
          responsibleId={responsibleId}
          search={search}
          listLink={(stageId) => {
            const next = new URLSearchParams(params);
            next.set('view', 'list');
            next.set('stage', stageId);
            return `/client-interests?${next.toString()}`;
          }}
        />
      )}
    </>
  );
}

function ListTab({ scenarios, scenarioId, params, setParam }: TabProps & { scenarios: readonly ScenarioOption[]; scenarioId: string | null }) {
  const { t } = useTranslation();
  const searchInput = params.get('q') ?? '';
  const search = useDebouncedValue(searchInput.trim(), 300);
  const stageId = params.get('stage') ?? '';
  const state = (params.get('state') ?? '') as InterestState | '';
  const responsibleId = params.get('responsible');
  const showDeleted = params.get('deleted') === '1';
  const sortModel = useMemo(() => parseSort(params.get('sort')), [params]);
  const stages = scenarios.find((s) => s.id === scenarioId)?.stages ?? [];

  const filter: ClientInterestFilter = {
    search: search || undefined,
    stageId: stageId || undefined,
    scenarioId: stageId ? undefined : (scenarioId ?? undefined),
    state: state || undefined,
    responsibleId: responsibleId ?? undefined,
    includeDeleted: showDeleted || undefined,
  };
  const orderBy: ClientInterestOrder | undefined = sortModel[0]
    ? { field: SORTABLE[sortModel[0].field]!, direction: sortModel[0].sort === 'asc' ? 'ASC' : 'DESC' }
    : undefined;
  const pagination = useCursorPagination(JSON.stringify({ filter, orderBy }));
  const { data, previousData, loading, error } = useQuery(ClientInterestsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter, orderBy },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.clientInterests;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.clientInterests.pageInfo);
  }, [data, page, rememberPage]);

  return (
    <>
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam({ q: v })} testId="interests-search" placeholder={t('interests.searchPlaceholder')} />
        <ScenarioSelect scenarios={scenarios} value={scenarioId} onChange={(id) => setParam({ scenario: id, stage: null })} />
        <SelectFilter
          label={t('interests.stage')}
          value={stageId}
          onChange={(v) => setParam({ stage: v })}
          options={stages.map((s) => ({ value: s.id, label: s.name }))}
          testId="interests-stage-filter"
        />
        <SelectFilter
          label={t('interests.state')}
          value={state}
          onChange={(v) => setParam({ state: v })}
          options={INTEREST_STATES.map((s) => ({ value: s, label: t(`interestState.${s}`) }))}
          testId="interests-state-filter"
        />
        <UserFilter label={t('interests.responsible')} userId={responsibleId} onChange={(id) => setParam({ responsible: id })} testId="interests-responsible-filter" />
        <ToggleFilter label={t('interests.includeDeleted')} checked={showDeleted} onChange={(v) => setParam({ deleted: v ? '1' : null })} testId="interests-show-deleted" />
      </ListToolbar>
      <SalesErrorAlert error={data ? undefined : error} />
      <InterestsGrid
        testId="interests-grid"
        rows={connection?.edges.map((e) => e.node) ?? []}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        paginationModel={pagination.paginationModel}
        onPaginationModelChange={pagination.onPaginationModelChange}
        sortModel={sortModel}
        sortableFields={SORTABLE_FIELDS}
        onSortModelChange={(model) => setParam({ sort: model[0]?.sort ? `${model[0].field}:${model[0].sort}` : null })}
      />
    </>
  );
}

function StalledTab({ params, setParam }: TabProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const daysParam = Number(params.get('days'));
  const days = STALLED_DAYS.includes(daysParam) ? daysParam : DEFAULT_STALLED_DAYS;
  // "My stalled interests" by default; a supervisor may widen it to everyone they see.
  const everyone = params.get('all') === '1';
  const responsibleId = everyone ? null : user.id;
  const pagination = useCursorPagination(JSON.stringify({ days, responsibleId }));
  const { data, previousData, loading, error } = useQuery(StalledClientInterestsQuery, {
    variables: { days, first: pagination.first, after: pagination.after, responsibleId },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.stalledClientInterests;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.stalledClientInterests.pageInfo);
  }, [data, page, rememberPage]);

  return (
    <>
      <ListToolbar>
        <TextField
          select
          label={t('interests.stalled.noEventFor')}
          value={String(days)}
          onChange={(e) => setParam({ days: e.target.value === String(DEFAULT_STALLED_DAYS) ? null : e.target.value })}
          sx={{ minWidth: 200 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stalled-days' } }}
        >
          {STALLED_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('interests.stalled.daysOption', { count: d })}
            </option>
          ))}
        </TextField>
        {(user.role === 'ADMINISTRATOR' || user.role === 'SUPERVISOR') && (
          <ToggleFilter label={t('interests.stalled.everyone')} checked={everyone} onChange={(v) => setParam({ all: v ? '1' : null })} testId="stalled-everyone" />
        )}
      </ListToolbar>
      <SalesErrorAlert error={data ? undefined : error} />
      <InterestsGrid
        testId="stalled-grid"
        showIdleDays
        rows={connection?.edges.map((e) => e.node) ?? []}
        rowCount={connection?.totalCount ?? 0}
        loading={loading}
        paginationModel={pagination.paginationModel}
        onPaginationModelChange={pagination.onPaginationModelChange}
      />
    </>
  );
}
