import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Chip from '@mui/material/Chip';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { PaymentFilter, PaymentListItemFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { CounterpartyFilter } from '../components/CounterpartyFilter';
import { Money } from '../components/Money';
import { SalesNav } from '../components/SalesNav';
import { useListParams } from '../components/useListParams';
import { PaymentsQuery } from '../graphql/payment.graphql';
import { salesPaths } from '../lib/paths';

export default function PaymentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const { params, setParam } = useListParams();
  const searchInput = params.get('q') ?? '';
  const counterpartyId = params.get('counterparty');
  const includeCancelled = params.get('cancelled') === '1';
  const search = useDebouncedValue(searchInput.trim(), 300);
  const filter: PaymentFilter = {
    search: search || undefined,
    counterpartyId: counterpartyId ?? undefined,
    includeCancelled: includeCancelled || undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(PaymentsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.payments;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.payments.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<PaymentListItemFragment>[]>(
    () => [
      {
        field: 'number',
        headerName: t('sales.doc.number'),
        width: 160,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={salesPaths.payment(row.id)} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.number}
          </Link>
        ),
      },
      { field: 'date', headerName: t('sales.doc.date'), width: 130, valueFormatter: (v: string) => formatDate(v) },
      { field: 'counterparty', headerName: t('sales.doc.counterparty'), flex: 1, minWidth: 180, valueGetter: (_v, row) => row.counterparty?.name ?? '' },
      { field: 'amount', headerName: t('sales.payment.amount'), width: 150, align: 'right', headerAlign: 'right', renderCell: ({ row }) => <Money value={row.amount} /> },
      { field: 'comment', headerName: t('sales.payment.comment'), flex: 1, minWidth: 160 },
      {
        field: 'cancelled',
        headerName: '',
        width: 130,
        renderCell: ({ row }) => (row.cancelled ? <Chip size="small" label={t('sales.payment.cancelled')} /> : null),
      },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['comment', 'cancelled']);

  return (
    <>
      <PageHeader
        title={t('sales.payment.listTitle')}
        actions={
          <Button component={RouterLink} to={salesPaths.newPayment()} variant="contained" startIcon={<AddIcon />} data-testid="payments-new">
            {t('common.create')}
          </Button>
        }
      />
      <SalesNav current="payments" />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="payments-search" placeholder={t('sales.list.searchNumber')} />
        <CounterpartyFilter label={t('sales.doc.counterparty')} counterpartyId={counterpartyId} onChange={(id) => setParam('counterparty', id)} testId="payments-counterparty-filter" />
        <ToggleFilter label={t('sales.payment.showCancelled')} checked={includeCancelled} onChange={(v) => setParam('cancelled', v ? '1' : null)} testId="payments-cancelled-filter" />
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="payments-grid">
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
          onRowClick={({ row }) => void navigate(salesPaths.payment(row.id))}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          getRowClassName={({ row }) => (row.cancelled ? 'row-cancelled' : '')}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .row-cancelled': { color: 'text.disabled', textDecoration: 'line-through' } }}
        />
      </GridContainer>
    </>
  );
}
