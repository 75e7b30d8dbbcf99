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
import AddIcon from '@mui/icons-material/Add';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import { useTranslation } from 'react-i18next';
import type { EventFilter, EventKind, EventListItemFragment, EventOrder, EventSortField, EventState } from '../../../graphql/graphql';
import { useTimeZone } from '../../../app/auth';
import { DateTimeField } from '../../../components/DateTimeField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { UserFilter } from '../../../components/UserFilter';
import { dayStartIso } from '../../../lib/date-input';
import { formatDateTime } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { DirectionIcon, EVENT_KINDS, EVENT_STATES, EventKindIcon, EventStateChip } from '../components/event-meta';
import { EventsQuery } from '../graphql/event.graphql';

const SORTABLE: Record<string, EventSortField> = { start: 'START', createdAt: 'CREATED_AT' };

function parseSort(value: string | null): GridSortModel {
  const [field, sort] = (value ?? 'start:desc').split(':');
  return field && field in SORTABLE && (sort === 'asc' || sort === 'desc') ? [{ field, sort }] : [];
}

export default function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const zone = useTimeZone();
  const localeText = useGridLocaleText();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const state = (EVENT_STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as EventState) : '';
  const kind = (EVENT_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as EventKind) : '';
  const overdue = params.get('overdue') === '1';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const responsibleId = params.get('responsible');
  const sortModel = useMemo(() => parseSort(params.get('sort')), [params]);
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
  // The period is whole days in the user's zone: from the start of "from" to the end of "to".
  const filter: EventFilter = {
    search: search || undefined,
    state: state || undefined,
    kind: kind || undefined,
    overdue: overdue || undefined,
    from: dayStartIso(from, zone) ?? undefined,
    to: dayStartIso(to, zone, 1) ?? undefined,
    responsibleId: responsibleId ?? undefined,
  };
  const orderBy: EventOrder | undefined = sortModel[0]
    ? { field: SORTABLE[sortModel[0].field]!, direction: sortModel[0].sort === 'desc' ? 'DESC' : 'ASC' }
    : undefined;
  const pagination = useCursorPagination(JSON.stringify({ filter, orderBy }));
  const activeFilters = [state, kind, overdue, from, to, responsibleId].filter(Boolean).length;

  const { data, previousData, loading, error } = useQuery(EventsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter, orderBy },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.events;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.events.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<EventListItemFragment>[]>(
    () => [
      {
        field: 'start',
        headerName: t('event.start'),
        width: 150,
        valueFormatter: (value: string) => formatDateTime(value),
      },
      {
        field: 'kind',
        headerName: t('event.kind'),
        width: 130,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', height: '100%' }}>
            <EventKindIcon kind={row.kind} fontSize="small" color="action" />
            <DirectionIcon direction={row.direction} fontSize="small" />
            <span>{t(`eventKind.${row.kind}`)}</span>
          </Stack>
        ),
      },
      {
        field: 'subject',
        headerName: t('event.subject'),
        flex: 1.6,
        minWidth: 200,
        sortable: false,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/events/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.subject}
          </Link>
        ),
      },
      {
        field: 'counterparty',
        headerName: t('event.counterparty'),
        flex: 1,
        minWidth: 150,
        sortable: false,
        valueGetter: (_v, row) => row.counterparty?.name ?? '',
      },
      {
        field: 'contactPerson',
        headerName: t('event.contactPerson'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        valueGetter: (_v, row) => row.contactPerson?.fullName ?? '',
      },
      {
        field: 'responsible',
        headerName: t('event.responsible'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        valueGetter: (_v, row) => row.responsible?.fullName ?? '',
      },
      {
        field: 'state',
        headerName: t('event.state'),
        width: 140,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <EventStateChip state={row.state} overdue={row.overdue} />
          </Box>
        ),
      },
      { field: 'number', headerName: t('event.number'), width: 150, sortable: false },
      {
        field: 'createdAt',
        headerName: t('common.createdAt'),
        width: 150,
        valueFormatter: (value: string) => formatDateTime(value),
      },
    ],
    [t],
  );
  const visibility = useResponsiveColumns(['number', 'createdAt', 'contactPerson'], ['responsible', 'counterparty']);

  return (
    <>
      <PageHeader
        title={t('events.title')}
        actions={
          <>
            <Button component={RouterLink} to="/calendar" startIcon={<CalendarMonthOutlined />}>
              {t('calendar.title')}
            </Button>
            <Button component={RouterLink} to="/events/new" variant="contained" startIcon={<AddIcon />} data-testid="events-new">
              {t('common.create')}
            </Button>
          </>
        }
      />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="events-search" placeholder={t('events.searchPlaceholder')} />
        {/* On phones the other filters fold away behind one button, so the list stays on screen. */}
        {phone && (
          <Button
            onClick={() => setFiltersOpen((v) => !v)}
            startIcon={
              <Badge color="primary" variant="dot" invisible={activeFilters === 0}>
                <FilterListIcon />
              </Badge>
            }
            aria-expanded={filtersOpen}
            data-testid="events-filters-toggle"
          >
            {t('events.filters')}
          </Button>
        )}
        {(!phone || filtersOpen) && (
          <>
            <SelectFilter
              label={t('event.state')}
              value={state}
              onChange={(v) => setParam('state', v)}
              options={EVENT_STATES.map((s) => ({ value: s, label: t(`eventState.${s}`) }))}
              testId="events-state-filter"
            />
            <SelectFilter
              label={t('event.kind')}
              value={kind}
              onChange={(v) => setParam('kind', v)}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))}
              testId="events-kind-filter"
            />
            <Box sx={{ width: { xs: 'calc(50% - 6px)', sm: 170 } }}>
              <DateTimeField type="date" label={t('events.from')} value={from} onChange={(v) => setParam('from', v)} testId="events-from" />
            </Box>
            <Box sx={{ width: { xs: 'calc(50% - 6px)', sm: 170 } }}>
              <DateTimeField type="date" label={t('events.to')} value={to} onChange={(v) => setParam('to', v)} testId="events-to" />
            </Box>
            <UserFilter label={t('event.responsible')} userId={responsibleId} onChange={(id) => setParam('responsible', id)} testId="events-responsible-filter" width={240} />
            <ToggleFilter label={t('events.onlyOverdue')} checked={overdue} onChange={(v) => setParam('overdue', v ? '1' : null)} testId="events-overdue-filter" />
          </>
        )}
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="events-grid">
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
          onRowClick={({ row }) => void navigate(`/events/${row.id}`)}
          getRowClassName={({ row }) => (row.state === 'PLANNED' && row.overdue ? 'row-overdue' : row.state === 'CANCELLED' ? 'row-cancelled' : '')}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .row-overdue': { color: 'error.main' },
            '& .row-cancelled': { color: 'text.disabled', textDecoration: 'line-through' },
          }}
        />
      </GridContainer>
    </>
  );
}
