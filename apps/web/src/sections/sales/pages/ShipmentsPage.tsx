import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import type { ShipmentFilter, ShipmentListItemFragment } from '../../../graphql/graphql';
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
import { PostedChip } from '../components/state-chips';
import { useListParams } from '../components/useListParams';
import { ShipmentsQuery } from '../graphql/shipment.graphql';
import { salesPaths } from '../lib/paths';

const POSTED = ['posted', 'unposted'] as const;

export default function ShipmentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const { params, setParam } = useListParams();
  const searchInput = params.get('q') ?? '';
  const posted = POSTED.find((s) => s === params.get('posted')) ?? '';
  const counterpartyId = params.get('counterparty');
  const responsibleId = params.get('responsible');
  const search = useDebouncedValue(searchInput.trim(), 300);
  const filter: ShipmentFilter = {
    search: search || undefined,
    posted: posted ? posted === 'posted' : undefined,
    counterpartyId: counterpartyId ?? undefined,
    responsibleId: responsibleId ?? undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(ShipmentsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.shipments;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.shipments.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<ShipmentListItemFragment>[]>(
    () => [
      {
        field: 'number',
        headerName: t('sales.doc.number'),
        width: 160,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={salesPaths.shipment(row.id)} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.number}
          </Link>
        ),
      },
      { field: 'date', headerName: t('sales.doc.date'), width: 130, valueFormatter: (v: string) => formatDate(v) },
      { field: 'counterparty', headerName: t('sales.doc.counterparty'), flex: 1, minWidth: 180, valueGetter: (_v, row) => row.counterparty?.name ?? '' },
      { field: 'total', headerName: t('sales.invoice.total'), width: 140, align: 'right', headerAlign: 'right', renderCell: ({ row }) => <Money value={row.total} /> },
      {
        field: 'posted',
        headerName: t('sales.shipment.state'),
        width: 150,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
            <PostedChip posted={row.posted} />
          </Box>
        ),
      },
      {
        field: 'invoice',
        headerName: t('sales.chain.group.INVOICE'),
        width: 160,
        valueGetter: (_v, row) => row.invoice?.number ?? '',
      },
      { field: 'responsible', headerName: t('sales.doc.responsible'), flex: 0.8, minWidth: 140, valueGetter: (_v, row) => row.responsible?.fullName ?? '' },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['responsible', 'invoice', 'date']);

  return (
    <>
      <PageHeader
        title={t('sales.shipment.listTitle')}
      />
      <SalesNav current="shipments" />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="shipments-search" placeholder={t('sales.list.searchNumber')} />
        <SelectFilter label={t('sales.shipment.state')} value={posted} onChange={(v) => setParam('posted', v)} options={POSTED.map((p) => ({ value: p, label: t(`sales.shipment.${p}`) }))} testId="shipments-posted-filter" />
        <CounterpartyFilter label={t('sales.doc.counterparty')} counterpartyId={counterpartyId} onChange={(id) => setParam('counterparty', id)} testId="shipments-counterparty-filter" />
        <UserFilter label={t('sales.doc.responsible')} userId={responsibleId} onChange={(id) => setParam('responsible', id)} testId="shipments-responsible-filter" width={240} />
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="shipments-grid">
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
          onRowClick={({ row }) => void navigate(salesPaths.shipment(row.id))}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' } }}
        />
      </GridContainer>
    </>
  );
}
