import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { CommercialOfferFilter, CommercialOfferState, OfferListItemFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, SelectFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { UserFilter } from '../../../components/UserFilter';
import { formatDate } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { CounterpartyFilter } from '../components/CounterpartyFilter';
import { Money } from '../components/Money';
import { SalesNav } from '../components/SalesNav';
import { OfferStateChip } from '../components/state-chips';
import { useListParams } from '../components/useListParams';
import { OffersQuery } from '../graphql/offer.graphql';
import { salesPaths } from '../lib/paths';

const STATES: readonly CommercialOfferState[] = ['DRAFT', 'SENT', 'ACCEPTED', 'REJECTED', 'EXPIRED'];

export default function OffersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const { params, setParam } = useListParams();
  const searchInput = params.get('q') ?? '';
  const state = STATES.find((s) => s === params.get('state')) ?? '';
  const counterpartyId = params.get('counterparty');
  const responsibleId = params.get('responsible');
  const search = useDebouncedValue(searchInput.trim(), 300);
  const filter: CommercialOfferFilter = {
    search: search || undefined,
    state: state || undefined,
    counterpartyId: counterpartyId ?? undefined,
    responsibleId: responsibleId ?? undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(OffersQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.commercialOffers;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.commercialOffers.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<OfferListItemFragment>[]>(
    () => [
      {
        field: 'number',
        headerName: t('sales.doc.number'),
        width: 160,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={salesPaths.offer(row.id)} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.number}
          </Link>
        ),
      },
      { field: 'date', headerName: t('sales.doc.date'), width: 130, valueFormatter: (v: string) => formatDate(v) },
      { field: 'counterparty', headerName: t('sales.doc.counterparty'), flex: 1, minWidth: 180, valueGetter: (_v, row) => row.counterparty?.name ?? '' },
      { field: 'total', headerName: t('sales.invoice.total'), width: 140, align: 'right', headerAlign: 'right', renderCell: ({ row }) => <Money value={row.total} /> },
      {
        field: 'state',
        headerName: t('sales.offer.state'),
        width: 150,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <OfferStateChip state={row.effectiveState} />
          </Box>
        ),
      },
      { field: 'validUntil', headerName: t('sales.offer.validUntil'), width: 130, valueFormatter: (v: string | null) => formatDate(v) },
      { field: 'responsible', headerName: t('sales.doc.responsible'), flex: 0.8, minWidth: 140, valueGetter: (_v, row) => row.responsible?.fullName ?? '' },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['responsible', 'validUntil', 'date']);

  return (
    <>
      <PageHeader
        title={t('sales.offer.listTitle')}
        actions={
          <Button component={RouterLink} to={salesPaths.newOffer()} variant="contained" startIcon={<AddIcon />} data-testid="offers-new">
            {t('common.create')}
          </Button>
        }
      />
      <SalesNav current="offers" />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="offers-search" placeholder={t('sales.list.searchNumber')} />
        <SelectFilter label={t('sales.offer.state')} value={state} onChange={(v) => setParam('state', v)} options={STATES.map((s) => ({ value: s, label: t(`sales.offerState.${s}`) }))} testId="offers-state-filter" />
        <CounterpartyFilter label={t('sales.doc.counterparty')} counterpartyId={counterpartyId} onChange={(id) => setParam('counterparty', id)} testId="offers-counterparty-filter" />
        <UserFilter label={t('sales.doc.responsible')} userId={responsibleId} onChange={(id) => setParam('responsible', id)} testId="offers-responsible-filter" width={240} />
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="offers-grid">
        <DataGrid
          rows={connection?.edges.map((e) => e.node) ?? []}
          columns={columns}
          loading={loading}
          rowCount={connection?.totalCount ?? 0}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableColumnSorting
          pageSizeOptions={PAGE_SIZES}
          paginationModel={pagination.paginationModel}
          onPaginationModelChange={pagination.onPaginationModelChange}
          {...visibility}
          onRowClick={({ row }) => void navigate(salesPaths.offer(row.id))}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </GridContainer>
    </>
  );
}
