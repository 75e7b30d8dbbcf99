import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef, type GridSortModel } from '@mui/x-data-grid';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type {
  CounterpartyFilter,
  CounterpartyListItemFragment,
  CounterpartyOrder,
  CounterpartySortField,
  RelationType,
} from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { GroupSelect } from '../components/GroupSelect';
import { RELATION_TYPES } from '../components/RelationTypesField';
import { CounterpartiesQuery } from '../graphql/counterparty.graphql';

/** Grid columns the server can sort by, and the API's name for each. */
const SORTABLE: Record<string, CounterpartySortField> = { name: 'NAME', updatedAt: 'UPDATED_AT', createdAt: 'CREATED_AT' };

function parseSort(value: string | null): GridSortModel {
  const [field, sort] = (value ?? 'name:asc').split(':');
  return field && field in SORTABLE && (sort === 'asc' || sort === 'desc') ? [{ field, sort }] : [];
}

export default function CounterpartiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  // Filters live in the URL so "back" from a card returns to the same list.
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const relationType = (params.get('relation') ?? '') as RelationType | '';
  const groupId = params.get('group') ?? '';
  const showDeleted = params.get('deleted') === '1';
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
  const filter: CounterpartyFilter = {
    search: search || undefined,
    relationType: relationType || undefined,
    groupId: groupId || undefined,
    deletionMark: showDeleted,
  };
  const orderBy: CounterpartyOrder | undefined = sortModel[0]
    ? { field: SORTABLE[sortModel[0].field]!, direction: sortModel[0].sort === 'desc' ? 'DESC' : 'ASC' }
    : undefined;
  const pagination = useCursorPagination(JSON.stringify({ filter, orderBy }));

  const { data, previousData, loading, error } = useQuery(CounterpartiesQuery, {
    variables: { first: pagination.first, after: pagination.after, filter, orderBy },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.counterparties;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.counterparties.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<CounterpartyListItemFragment>[]>(
    () => [
      {
        field: 'name',
        headerName: t('counterparty.name'),
        flex: 1.5,
        minWidth: 180,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/counterparties/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.name}
            {row.deletionMark ? ` (${t('common.markedForDeletion')})` : ''}
          </Link>
        ),
      },
      { field: 'inn', headerName: t('counterparty.inn'), width: 120, sortable: false },
      { field: 'mainPhone', headerName: t('counterparty.mainPhone'), width: 150, sortable: false },
      {
        field: 'responsible',
        headerName: t('counterparty.responsible'),
        flex: 1,
        minWidth: 140,
        sortable: false,
        valueGetter: (_v, row) => row.responsible?.fullName ?? '',
      },
      {
        field: 'relationTypes',
        headerName: t('counterparty.relationTypes'),
        flex: 1,
        minWidth: 160,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%', overflow: 'hidden' }}>
            {row.relationTypes.map((r) => (
              <Chip key={r} size="small" label={t(`relationType.${r}`)} />
            ))}
          </Stack>
        ),
      },
      {
        field: 'updatedAt',
        headerName: t('common.updatedAt'),
        width: 140,
        valueFormatter: (value: string) => formatDateTime(value),
      },
      {
        field: 'createdAt',
        headerName: t('common.createdAt'),
        width: 160,
        valueFormatter: (value: string) => formatDateTime(value),
      },
    ],
    [t],
  );
  const visibility = useResponsiveColumns(['createdAt'], ['inn', 'responsible', 'relationTypes', 'updatedAt']);

  return (
    <>
      <PageHeader
        title={t('sections.counterparties')}
        actions={
          <>
            <Button component={RouterLink} to="/counterparties/groups" startIcon={<AccountTreeOutlined />} data-testid="counterparty-groups">
              {t('counterparty.groups.title')}
            </Button>
            <Button component={RouterLink} to="/counterparties/new" variant="contained" startIcon={<AddIcon />} data-testid="counterparties-new">
              {t('common.create')}
            </Button>
          </>
        }
      />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="counterparties-search" />
        <SelectFilter
          label={t('counterparty.relationType')}
          value={relationType}
          onChange={(v) => setParam('relation', v)}
          options={RELATION_TYPES.map((r) => ({ value: r, label: t(`relationType.${r}`) }))}
          testId="counterparties-relation-filter"
        />
        <GroupSelect
          label={t('counterparty.group')}
          emptyLabel={t('list.all')}
          value={groupId}
          onChange={(v) => setParam('group', v)}
          testId="counterparties-group-filter"
          fullWidth={false}
        />
        <ToggleFilter
          label={t('common.showMarkedForDeletion')}
          checked={showDeleted}
          onChange={(v) => setParam('deleted', v ? '1' : null)}
          testId="counterparties-show-deleted"
        />
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="counterparties-grid">
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
          onSortModelChange={(model) =>
            setParam('sort', model[0]?.sort ? `${model[0].field}:${model[0].sort}` : null)
          }
          {...visibility}
          onRowClick={({ row }) => void navigate(`/counterparties/${row.id}`)}
          getRowClassName={({ row }) => (row.deletionMark ? 'row-marked' : '')}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .row-marked': { color: 'text.disabled' },
          }}
        />
      </GridContainer>
    </>
  );
}
