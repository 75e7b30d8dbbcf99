import { useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef, type GridSortModel } from '@mui/x-data-grid';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import FilterListIcon from '@mui/icons-material/FilterList';
import { useTranslation } from 'react-i18next';
import type { ClientRequestFilter, ClientRequestListItemFragment, ClientRequestOrder, ClientRequestSortField } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { UserFilter } from '../../../components/UserFilter';
import { formatDateTime } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { ClientRequestsQuery } from '../graphql/requests.graphql';
import { ListDeadline, slaTone } from './ListDeadline';
import { CriticalChip, isOneOf, PriorityChip, REQUEST_KINDS, REQUEST_PRIORITIES, REQUEST_STATES, RequestKindIcon, RequestStateChip } from './request-meta';

const SORTABLE: Record<string, ClientRequestSortField> = { registeredAt: 'REGISTERED_AT', resolutionDeadline: 'RESOLUTION_DEADLINE' };

function parseSort(value: string | null): GridSortModel {
  const [field, sort] = (value ?? 'registeredAt:desc').split(':');
  return field && field in SORTABLE && (sort === 'asc' || sort === 'desc') ? [{ field, sort }] : [];
}

/** Filters of the list and the board, read from the URL (so "back" from a card restores them). */
export function useRequestFilters() {
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const state = params.get('state');
  const kind = params.get('kind');
  const priority = params.get('priority');
  const values = {
    searchInput,
    state: isOneOf(REQUEST_STATES, state) ? state : '',
    kind: isOneOf(REQUEST_KINDS, kind) ? kind : '',
    priority: isOneOf(REQUEST_PRIORITIES, priority) ? priority : '',
    open: params.get('open') === '1',
    critical: params.get('critical') === '1',
    overdue: params.get('overdue') === '1',
    atRisk: params.get('atRisk') === '1',
    responsibleId: params.get('responsible'),
  } as const;
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const search = useDebouncedValue(searchInput.trim(), 300);
  const filter: ClientRequestFilter = {
    search: search || undefined,
    state: values.state || undefined,
    kind: values.kind || undefined,
    priority: values.priority || undefined,
    open: values.open || undefined,
    critical: values.critical || undefined,
    overdue: values.overdue || undefined,
    aboutToBreach: values.atRisk || undefined,
    responsibleId: values.responsibleId ?? undefined,
  };
  const active = [values.state, values.kind, values.priority, values.open, values.critical, values.overdue, values.atRisk, values.responsibleId].filter(Boolean).length;
  return { values, filter, setParam, params, active };
}

/** The filter bar shared by the list and the board (the board has no state filter: its columns are states). */
export function RequestFilters({ withState }: { withState: boolean }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const { values, setParam, active } = useRequestFilters();
  return (
    <ListToolbar>
      <SearchField value={values.searchInput} onChange={(v) => setParam('q', v)} testId="requests-search" placeholder={t('requests.searchPlaceholder')} />
      {phone && (
        <Button
          onClick={() => setOpen((v) => !v)}
          startIcon={
            <Badge color="primary" variant="dot" invisible={active === 0}>
              <FilterListIcon />
            </Badge>
          }
          aria-expanded={open}
          data-testid="requests-filters-toggle"
        >
          {t('requests.filters')}
        </Button>
      )}
      {(!phone || open) && (
        <>
          {withState && (
            <SelectFilter
              label={t('request.state')}
              value={values.state}
              onChange={(v) => setParam('state', v)}
              options={REQUEST_STATES.map((s) => ({ value: s, label: t(`requestState.${s}`) }))}
              testId="requests-state-filter"
            />
          )}
          <SelectFilter
            label={t('request.kind')}
            value={values.kind}
            onChange={(v) => setParam('kind', v)}
            options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requestKind.${k}`) }))}
            testId="requests-kind-filter"
          />
          <SelectFilter
            label={t('request.priority')}
            value={values.priority}
            onChange={(v) => setParam('priority', v)}
            options={REQUEST_PRIORITIES.map((p) => ({ value: p, label: t(`requestPriority.${p}`) }))}
            testId="requests-priority-filter"
          />
          <UserFilter label={t('request.responsible')} userId={values.responsibleId} onChange={(id) => setParam('responsible', id)} testId="requests-responsible-filter" width={240} />
          {withState && <ToggleFilter label={t('requests.onlyOpen')} checked={values.open} onChange={(v) => setParam('open', v ? '1' : null)} testId="requests-open-filter" />}
          <ToggleFilter label={t('requests.onlyCritical')} checked={values.critical} onChange={(v) => setParam('critical', v ? '1' : null)} testId="requests-critical-filter" />
          <ToggleFilter label={t('requests.onlyOverdue')} checked={values.overdue} onChange={(v) => setParam('overdue', v ? '1' : null)} testId="requests-overdue-filter" />
          <ToggleFilter label={t('requests.onlyAtRisk')} checked={values.atRisk} onChange={(v) => setParam('atRisk', v ? '1' : null)} testId="requests-at-risk-filter" />
        </>
      )}
    </ListToolbar>
  );
}

/** All requests in my scope as a server-paginated grid; rows past a deadline read red, about to be amber. */
export function RequestsList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const { filter, setParam, params } = useRequestFilters();
  const sortModel = useMemo(() => parseSort(params.get('sort')), [params]);
  const orderBy: ClientRequestOrder | undefined = sortModel[0]
    ? { field: SORTABLE[sortModel[0].field]!, direction: sortModel[0].sort === 'desc' ? 'DESC' : 'ASC' }
    : undefined;
  const pagination = useCursorPagination(JSON.stringify({ filter, orderBy }));
  const { data, previousData, loading, error } = useQuery(ClientRequestsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter, orderBy },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.clientRequests;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.clientRequests.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<ClientRequestListItemFragment>[]>(
    () => [
      { field: 'number', headerName: t('request.number'), width: 150, sortable: false },
      {
        field: 'registeredAt',
        headerName: t('request.registeredAt'),
        width: 150,
        valueFormatter: (value: string) => formatDateTime(value),
      },
      {
        field: 'subject',
        headerName: t('request.subject'),
        flex: 1.6,
        minWidth: 220,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', height: '100%', minWidth: 0 }}>
            <RequestKindIcon kind={row.kind} fontSize="small" color={row.critical ? 'error' : 'action'} />
            <Link component={RouterLink} to={`/requests/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()} noWrap>
              {row.subject}
            </Link>
            <CriticalChip critical={row.critical} />
          </Stack>
        ),
      },
      {
        field: 'counterparty',
        headerName: t('request.counterparty'),
        flex: 1,
        minWidth: 150,
        sortable: false,
        valueGetter: (_v, row) => row.counterparty?.name ?? row.contactPerson?.fullName ?? '',
      },
      {
        field: 'state',
        headerName: t('request.state'),
        width: 150,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <RequestStateChip state={row.state} />
          </Box>
        ),
      },
      {
        field: 'resolutionDeadline',
        headerName: t('request.deadline'),
        width: 190,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <ListDeadline request={row} />
          </Box>
        ),
      },
      {
        field: 'priority',
        headerName: t('request.priority'),
        width: 120,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            {row.priority === 'NORMAL' ? t('requestPriority.NORMAL') : <PriorityChip priority={row.priority} />}
          </Box>
        ),
      },
      { field: 'channel', headerName: t('request.channel'), width: 130, sortable: false, valueGetter: (_v, row) => t(`requestChannel.${row.channel}`) },
      {
        field: 'responsible',
        headerName: t('request.responsible'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        valueGetter: (_v, row) => row.responsible?.fullName ?? '',
      },
    ],
    [t],
  );
  const visibility = useResponsiveColumns(['channel'], ['number', 'registeredAt', 'counterparty', 'priority', 'responsible']);

  return (
    <>
      <RequestFilters withState />
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="requests-grid">
        <DataGrid
          rows={connection?.edges.map((e) => e.node) ?? []}
          columns={columns}
          loading={loading}
          rowCount={connection?.totalCount ?? 0}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          pageSizeOptions={PAGE_SIZES}
          paginationModel={pagination.paginationModel}
          onPaginationModelChange={pagination.onPaginationModelChange}
          sortModel={sortModel}
          sortingOrder={['asc', 'desc']}
          onSortModelChange={(model) => setParam('sort', model[0]?.sort ? `${model[0].field}:${model[0].sort}` : null)}
          {...visibility}
          onRowClick={({ row }) => void navigate(`/requests/${row.id}`)}
          getRowClassName={({ row }) => {
            const tone = slaTone(row);
            return tone === 'breached' ? 'row-breached' : tone === 'soon' ? 'row-soon' : row.state === 'CLOSED' || row.state === 'REJECTED' ? 'row-done' : '';
          }}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .row-breached': { bgcolor: (theme) => `${theme.palette.error.main}14` },
            '& .row-soon': { bgcolor: (theme) => `${theme.palette.warning.main}1f` },
            '& .row-done': { color: 'text.secondary' },
          }}
        />
      </GridContainer>
    </>
  );
}
