import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { InvoiceFilter, InvoiceListItemFragment, InvoicePaymentState } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { UserFilter } from '../../../components/UserFilter';
import { formatDate } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { AGEING_DAYS, isAgeingBucket } from '../components/AgeingBuckets';
import { CounterpartyFilter } from '../components/CounterpartyFilter';
import { Money } from '../components/Money';
import { SalesNav } from '../components/SalesNav';
import { PaymentStateChip } from '../components/state-chips';
import { InvoicesQuery } from '../graphql/invoice.graphql';
import { salesPaths } from '../lib/paths';

const PAYMENT_STATES: readonly InvoicePaymentState[] = ['NOT_PAID', 'PARTIALLY_PAID', 'PAID'];

/** Invoices, server-paged; every filter lives in the URL so "back" from a card returns to the same list. */
export default function InvoicesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const paymentState = PAYMENT_STATES.find((s) => s === params.get('paymentState')) ?? '';
  const overdue = params.get('overdue') === '1';
  const ageingParam = params.get('ageing');
  const ageing = isAgeingBucket(ageingParam) ? ageingParam : null;
  const counterpartyId = params.get('counterparty');
  const responsibleId = params.get('responsible');
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
  const filter: InvoiceFilter = {
    search: search || undefined,
    paymentState: paymentState || undefined,
    overdue: overdue || ageing ? true : undefined,
    ...(ageing ? AGEING_DAYS[ageing] : {}),
    counterpartyId: counterpartyId ?? undefined,
    responsibleId: responsibleId ?? undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filter));
  // An ageing bucket (from the Sales tab) is a server filter by days past due, paged like any other.
  const { data, previousData, loading, error } = useQuery(InvoicesQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.invoices;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.invoices.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<InvoiceListItemFragment>[]>(
    () => [
      {
        field: 'number',
        headerName: t('sales.doc.number'),
        width: 160,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={salesPaths.invoice(row.id)} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.number}
          </Link>
        ),
      },
      { field: 'date', headerName: t('sales.doc.date'), width: 130, valueFormatter: (v: string) => formatDate(v) },
      { field: 'counterparty', headerName: t('sales.doc.counterparty'), flex: 1, minWidth: 180, valueGetter: (_v, row) => row.counterparty?.name ?? '' },
      { field: 'total', headerName: t('sales.invoice.total'), width: 140, align: 'right', headerAlign: 'right', renderCell: ({ row }) => <Money value={row.total} /> },
      {
        field: 'remaining',
        headerName: t('sales.invoice.remaining'),
        width: 140,
        align: 'right',
        headerAlign: 'right',
        renderCell: ({ row }) => <Money value={row.amountDue} />,
      },
      {
        field: 'paymentState',
        headerName: t('sales.invoice.paymentState'),
        width: 210,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', gap: 0.5 }}>
            {row.posted ? <PaymentStateChip state={row.paymentState} overdue={row.overdue} /> : <Chip size="small" variant="outlined" label={t('sales.notPosted')} />}
          </Box>
        ),
      },
      { field: 'paymentDueDate', headerName: t('sales.invoice.dueDate'), width: 130, valueFormatter: (v: string | null) => formatDate(v) },
      { field: 'responsible', headerName: t('sales.doc.responsible'), flex: 0.8, minWidth: 140, valueGetter: (_v, row) => row.responsible?.fullName ?? '' },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['responsible', 'paymentDueDate', 'date']);

  return (
    <>
      <PageHeader
        title={t('sales.invoice.listTitle')}
        actions={
          <Button component={RouterLink} to={salesPaths.newInvoice()} variant="contained" startIcon={<AddIcon />} data-testid="invoices-new">
            {t('common.create')}
          </Button>
        }
      />
      <SalesNav current="invoices" />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="invoices-search" placeholder={t('sales.list.searchNumber')} />
        <SelectFilter
          label={t('sales.invoice.paymentState')}
          value={paymentState}
          onChange={(v) => setParam('paymentState', v)}
          options={PAYMENT_STATES.map((s) => ({ value: s, label: t(`sales.paymentState.${s}`) }))}
          testId="invoices-payment-state-filter"
        />
        <CounterpartyFilter label={t('sales.doc.counterparty')} counterpartyId={counterpartyId} onChange={(id) => setParam('counterparty', id)} testId="invoices-counterparty-filter" />
        <UserFilter label={t('sales.doc.responsible')} userId={responsibleId} onChange={(id) => setParam('responsible', id)} testId="invoices-responsible-filter" width={240} />
        <ToggleFilter label={t('sales.list.onlyOverdue')} checked={overdue || Boolean(ageing)} onChange={(v) => { setParam('overdue', v ? '1' : null); if (!v) setParam('ageing', null); }} testId="invoices-overdue-filter" />
        {ageing && <Chip label={t(`sales.ageing.${ageing}`)} onDelete={() => setParam('ageing', null)} color="warning" data-testid="invoices-ageing-filter" />}
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="invoices-grid">
        <DataGrid
          rows={rows}
          columns={columns}
          loading={loading}
          rowCount={connection?.totalCount ?? 0}
          paginationMode="server"
          paginationModel={pagination.paginationModel}
          onPaginationModelChange={pagination.onPaginationModelChange}
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          disableColumnSorting
          pageSizeOptions={PAGE_SIZES}
          {...visibility}
          onRowClick={({ row }) => void navigate(salesPaths.invoice(row.id))}
          getRowClassName={({ row }) => (row.overdue && row.paymentState !== 'PAID' ? 'row-overdue' : '')}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .row-overdue': { color: 'error.main' } }}
        />
      </GridContainer>
    </>
  );
}
