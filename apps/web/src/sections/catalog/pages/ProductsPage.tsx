import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { ProductFilter, ProductKind, ProductListItemFragment } from '../../../graphql/graphql';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SearchField, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { SalesErrorAlert } from '../../client-interests/lib/errors';
import { formatMoney } from '../../client-interests/lib/money';
import { PRODUCT_KINDS, useCanEditCatalog, vatRateLabel } from '../components/catalog-meta';
import { ProductGroupSelect } from '../components/ProductGroupSelect';
import { ProductsQuery } from '../graphql/catalog.graphql';

/** The product catalog («Номенклатура»): a server-paged list by name, filtered in the URL. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const canEdit = useCanEditCatalog();
  const [params, setParams] = useSearchParams();
  const searchInput = params.get('q') ?? '';
  const groupId = params.get('group') ?? '';
  const kind = (params.get('kind') ?? '') as ProductKind | '';
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
  const filter: ProductFilter = {
    search: search || undefined,
    groupId: groupId || undefined,
    kind: kind || undefined,
    includeDeleted: showDeleted || undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(ProductsQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.products;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.products.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<ProductListItemFragment>[]>(
    () => [
      {
        field: 'name',
        headerName: t('catalog.product.name'),
        flex: 2,
        minWidth: 200,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/catalog/products/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.name}
            {row.deletionMark ? ` (${t('common.markedForDeletion')})` : ''}
          </Link>
        ),
      },
      { field: 'article', headerName: t('catalog.product.article'), width: 130 },
      { field: 'kind', headerName: t('catalog.product.kind'), width: 110, valueGetter: (_v, row) => t(`productKind.${row.kind}`) },
      { field: 'group', headerName: t('catalog.product.group'), flex: 1, minWidth: 140, valueGetter: (_v, row) => row.group?.name ?? '' },
      { field: 'unit', headerName: t('catalog.product.unit'), width: 80 },
      {
        field: 'price',
        headerName: t('catalog.product.price'),
        width: 140,
        align: 'right',
        headerAlign: 'right',
        valueFormatter: (value: string) => formatMoney(value),
      },
      { field: 'vatRate', headerName: t('catalog.product.vatRate'), width: 110, valueGetter: (_v, row) => vatRateLabel(t, row.vatRate) },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['article', 'kind', 'group', 'unit', 'vatRate']);

  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        actions={
          <>
            <Button component={RouterLink} to="/catalog/groups" startIcon={<AccountTreeOutlined />} data-testid="product-groups">
              {t('catalog.groups.title')}
            </Button>
            {canEdit && (
              <Button
                component={RouterLink}
                to={groupId ? `/catalog/products/new?groupId=${groupId}` : '/catalog/products/new'}
                variant="contained"
                startIcon={<AddIcon />}
                data-testid="products-new"
              >
                {t('common.create')}
              </Button>
            )}
          </>
        }
      />
      <ListToolbar>
        <SearchField value={searchInput} onChange={(v) => setParam('q', v)} testId="products-search" placeholder={t('catalog.searchPlaceholder')} />
        <ProductGroupSelect
          label={t('catalog.product.group')}
          emptyLabel={t('list.all')}
          value={groupId}
          onChange={(v) => setParam('group', v)}
          testId="products-group-filter"
          fullWidth={false}
        />
        <SelectFilter
          label={t('catalog.product.kind')}
          value={kind}
          onChange={(v) => setParam('kind', v)}
          options={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`productKind.${k}`) }))}
          testId="products-kind-filter"
        />
        <ToggleFilter
          label={t('catalog.showDeleted')}
          checked={showDeleted}
          onChange={(v) => setParam('deleted', v ? '1' : null)}
          testId="products-show-deleted"
        />
      </ListToolbar>
      <SalesErrorAlert error={data ? undefined : error} />
      <GridContainer testId="products-grid">
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
          onRowClick={({ row }) => void navigate(`/catalog/products/${row.id}`)}
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
