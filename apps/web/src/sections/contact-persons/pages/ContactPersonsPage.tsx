import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { ContactPersonFilter, ContactPersonListItemFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { ContactPersonsQuery } from '../graphql/contact-person.graphql';

export default function ContactPersonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const showDeleted = params.get('deleted') === '1';
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
  const filter: ContactPersonFilter = { search: search || undefined, deletionMark: showDeleted };
  const pagination = useCursorPagination(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(ContactPersonsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.contactPersons;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.contactPersons.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<ContactPersonListItemFragment>[]>(
    () => [
      {
        field: 'fullName',
        headerName: t('contactPerson.fullName'),
        flex: 1,
        minWidth: 200,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/contact-persons/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.fullName}
            {row.deletionMark ? ` (${t('common.markedForDeletion')})` : ''}
          </Link>
        ),
      },
      {
        field: 'counterparty',
        headerName: t('contactPerson.counterparty'),
        width: 220,
        valueGetter: (_v, row) => row.counterparty?.name ?? '',
      },
      { field: 'position', headerName: t('contactPerson.position'), width: 180 },
      { field: 'mainPhone', headerName: t('counterparty.mainPhone'), width: 170 },
      { field: 'mainEmail', headerName: t('counterparty.mainEmail'), width: 220 },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['position', 'mainEmail']);

  return (
    <>
      <PageHeader
        title={t('sections.contactPersons')}
        actions={
          <Button component={RouterLink} to="/contact-persons/new" variant="contained" startIcon={<AddIcon />} data-testid="contact-persons-new">
            {t('common.create')}
          </Button>
        }
      />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="contact-persons-search" placeholder={t('contactPerson.searchPlaceholder')} />
        <ToggleFilter
          label={t('common.showMarkedForDeletion')}
          checked={showDeleted}
          onChange={(v) => setParam('deleted', v ? '1' : null)}
          testId="contact-persons-show-deleted"
        />
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="contact-persons-grid">
        <DataGrid
          rows={connection?.edges.map((e) => e.node) ?? []}
          columns={columns}
          loading={loading}
          rowCount={connection?.totalCount ?? 0}
          paginationMode="server"
          // The API orders persons by name and offers no other order, so the grid must not pretend to sort.
          sortingMode="server"
          disableColumnSorting
          filterMode="server"
          disableColumnFilter
          pageSizeOptions={PAGE_SIZES}
          paginationModel={pagination.paginationModel}
          onPaginationModelChange={pagination.onPaginationModelChange}
          {...visibility}
          onRowClick={({ row }) => void navigate(`/contact-persons/${row.id}`)}
          getRowClassName={({ row }) => (row.deletionMark ? 'row-marked' : '')}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .row-marked': { color: 'text.disabled' } }}
        />
      </GridContainer>
    </>
  );
}
