import { useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { DataGrid, type GridColDef, type GridPaginationModel, type GridSortModel } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import { useTranslation } from 'react-i18next';
import type { InterestListItemFragment } from '../../../graphql/graphql';
import { GridContainer } from '../../../components/grid/GridContainer';
import { PAGE_SIZES } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { formatDate, formatDateTime } from '../../../lib/format';
import { InterestStateChip, daysSince, isCloseOverdue, useToday } from '../lib/interest-meta';
import { formatMoney } from '../lib/money';

interface Props {
  rows: readonly InterestListItemFragment[];
  rowCount: number;
  loading: boolean;
  paginationModel: GridPaginationModel;
  onPaginationModelChange: (model: GridPaginationModel) => void;
  /** Server sorting (the list); none for the stalled view (oldest first, fixed). */
  sortModel?: GridSortModel;
  onSortModelChange?: (model: GridSortModel) => void;
  sortableFields?: ReadonlySet<string>;
  testId: string;
  /** The stalled view shows how long there has been no contact. */
  showIdleDays?: boolean;
}

/** Client interests as a server-paged grid: number, client, stage and state, money, dates, responsible. */
export function InterestsGrid({ rows, rowCount, loading, paginationModel, onPaginationModelChange, sortModel, onSortModelChange, sortableFields, testId, showIdleDays }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const today = useToday();
  const columns = useMemo<GridColDef<InterestListItemFragment>[]>(() => {
    const sortable = (field: string) => sortableFields?.has(field) ?? false;
    const cols: GridColDef<InterestListItemFragment>[] = [
      {
        field: 'number',
        headerName: t('interests.number'),
        width: 150,
        sortable: false,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/client-interests/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()} data-testid="interest-row-link">
            {row.number}
          </Link>
        ),
      },
      { field: 'counterparty', headerName: t('interests.counterparty'), flex: 1.2, minWidth: 160, sortable: false, valueGetter: (_v, row) => row.counterparty?.name ?? '' },
      { field: 'need', headerName: t('interests.need'), flex: 1.5, minWidth: 180, sortable: false },
      { field: 'stage', headerName: t('interests.stage'), width: 170, sortable: false, valueGetter: (_v, row) => row.stage.name },
      { field: 'state', headerName: t('interests.state'), width: 120, sortable: false, renderCell: ({ row }) => <InterestStateChip state={row.state} /> },
      {
        field: 'plannedAmount',
        headerName: t('interests.plannedAmount'),
        width: 140,
        align: 'right',
        headerAlign: 'right',
        sortable: sortable('plannedAmount'),
        valueFormatter: (value: string) => formatMoney(value),
      },
      { field: 'probability', headerName: t('interests.probabilityShort'), width: 80, align: 'right', headerAlign: 'right', sortable: false, valueFormatter: (v: number) => `${v}%` },
      {
        field: 'weightedAmount',
        headerName: t('interests.weightedAmount'),
        width: 140,
        align: 'right',
        headerAlign: 'right',
        sortable: false,
        valueFormatter: (value: string) => formatMoney(value),
      },
      {
        field: 'plannedCloseDate',
        headerName: t('interests.plannedCloseDate'),
        width: 150,
        sortable: sortable('plannedCloseDate'),
        renderCell: ({ row }) => {
          const overdue = isCloseOverdue(row, today);
          return (
            <Box component="span" sx={{ color: overdue ? 'error.main' : undefined, display: 'inline-flex', alignItems: 'center', gap: 0.5 }} data-overdue={overdue ? 'true' : 'false'}>
              {overdue && (
                <Tooltip title={t('interests.closeOverdue')}>
                  <EventBusyOutlined sx={{ fontSize: 16 }} aria-label={t('interests.closeOverdue')} />
                </Tooltip>
              )}
              {formatDate(row.plannedCloseDate)}
            </Box>
          );
        },
      },
      { field: 'responsible', headerName: t('interests.responsible'), flex: 1, minWidth: 140, sortable: false, valueGetter: (_v, row) => row.responsible?.fullName ?? '' },
      {
        field: 'lastActivityAt',
        headerName: showIdleDays ? t('interests.stalled.idle') : t('interests.lastActivity'),
        width: showIdleDays ? 150 : 150,
        sortable: false,
        valueGetter: (_v, row) => row.lastActivityAt ?? null,
        renderCell: ({ row }) => {
          if (!showIdleDays) return formatDateTime(row.lastActivityAt);
          const days = daysSince(row.lastActivityAt);
          return days === null ? t('interests.stalled.never') : t('interests.stalled.days', { count: days });
        },
      },
      { field: 'createdAt', headerName: t('interests.date'), width: 120, sortable: sortable('createdAt'), valueGetter: (_v, row) => row.date, valueFormatter: (v: string) => formatDate(v) },
    ];
    if (showIdleDays) {
      // The point of the stalled view: how long there has been no contact, next to whom.
      const idle = cols.findIndex((c) => c.field === 'lastActivityAt');
      cols.splice(2, 0, ...cols.splice(idle, 1));
    }
    return cols;
  }, [t, today, sortableFields, showIdleDays]);
  const visibility = useResponsiveColumns(
    showIdleDays ? ['weightedAmount', 'createdAt', 'state'] : ['lastActivityAt'],
    ['need', 'probability', 'weightedAmount', 'responsible', 'createdAt', 'state', ...(showIdleDays ? [] : ['lastActivityAt'])],
  );

  return (
    <GridContainer testId={testId}>
      <DataGrid
        rows={rows}
        columns={columns}
        loading={loading}
        rowCount={rowCount}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        disableColumnFilter
        pageSizeOptions={PAGE_SIZES}
        paginationModel={paginationModel}
        onPaginationModelChange={onPaginationModelChange}
        sortModel={sortModel ?? []}
        sortingOrder={['desc', 'asc']}
        onSortModelChange={onSortModelChange}
        disableColumnSorting={!onSortModelChange}
        {...visibility}
        onRowClick={({ row }) => void navigate(`/client-interests/${row.id}`)}
        getRowClassName={({ row }) => (row.deletionMark ? 'row-marked' : '')}
        localeText={localeText}
        disableRowSelectionOnClick
        density="compact"
        sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .row-marked': { color: 'text.disabled' } }}
      />
    </GridContainer>
  );
}
