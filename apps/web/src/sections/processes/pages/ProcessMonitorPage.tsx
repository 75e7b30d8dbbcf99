import { useEffect, useMemo } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ProcessInstanceFilter, ProcessInstancesQuery as ProcessInstancesResult, ProcessStatus } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { GridContainer } from '../../../components/grid/GridContainer';
import { ListToolbar, SelectFilter, ToggleFilter } from '../../../components/grid/ListToolbar';
import { PAGE_SIZES, useCursorPagination } from '../../../components/grid/useCursorPagination';
import { useGridLocaleText } from '../../../components/grid/useGridLocaleText';
import { useResponsiveColumns } from '../../../components/grid/useResponsiveColumns';
import { PageHeader } from '../../../components/PageHeader';
import { UserFilter } from '../../../components/UserFilter';
import { objectRefPath } from '../../../lib/entity-paths';
import { formatDateTime } from '../../../lib/format';
import { ProcessInstancesQuery, ProcessTemplatesQuery } from '../graphql/processes.graphql';
import { ProcessStatusChip, pointLabel, templateLabel } from '../lib/process-meta';

type Row = ProcessInstancesResult['processInstances']['edges'][number]['node'];

const STATUSES: readonly ProcessStatus[] = ['RUNNING', 'FINISHED', 'CANCELLED'];

/** The earliest deadline among the points the process waits at. */
function nearestDeadline(row: Row): string | null {
  const deadlines = row.activePoints.map((p) => p.deadline).filter((d): d is string => Boolean(d));
  return deadlines.sort()[0] ?? null;
}

/**
 * The process monitor: processes in my scope by template, where each waits now, the nearest deadline and whether
 * anything is overdue. Server-paginated; the filters live in the URL (`template`, `status`, `overdue`,
 * `responsible`, `nested`), so "back" from an instance restores the list. Running top-level ones by default.
 */
export default function ProcessMonitorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const localeText = useGridLocaleText();
  const [params, setParams] = useSearchParams();
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
  const templateCode = params.get('template') ?? '';
  // "all" is explicit so that the default (running ones) needs no parameter.
  const statusParam = params.get('status');
  const status = statusParam === 'all' ? '' : (STATUSES.find((s) => s === statusParam) ?? 'RUNNING');
  const overdue = params.get('overdue') === '1';
  const nested = params.get('nested') === '1';
  const responsibleId = params.get('responsible');

  const filter: ProcessInstanceFilter = {
    templateCode: templateCode || undefined,
    status: status || undefined,
    overdue: overdue ? true : undefined,
    topLevel: nested ? undefined : true,
    responsibleId: responsibleId ?? undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filter));
  const { data, previousData, loading, error } = useQuery(ProcessInstancesQuery, {
    variables: { first: pagination.first, after: pagination.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const templates = useQuery(ProcessTemplatesQuery);
  const connection = (data ?? previousData)?.processInstances;
  const { rememberPage } = pagination;
  const page = pagination.paginationModel.page;
  useEffect(() => {
    if (data) rememberPage(page, data.processInstances.pageInfo);
  }, [data, page, rememberPage]);

  const columns = useMemo<GridColDef<Row>[]>(
    () => [
      {
        field: 'name',
        headerName: t('processes.process'),
        flex: 0.8,
        minWidth: 150,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/processes/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()} data-testid="process-row-link">
            {templateLabel(t, row.templateCode, row.name)}
          </Link>
        ),
      },
      {
        field: 'subject',
        headerName: t('processes.subject'),
        flex: 1,
        minWidth: 180,
        renderCell: ({ row }) => {
          const path = objectRefPath(row.subject);
          const title = row.subject?.title ?? '';
          return path ? (
            <Link component={RouterLink} to={path} underline="hover" onClick={(e) => e.stopPropagation()}>
              {title}
            </Link>
          ) : (
            title
          );
        },
      },
      {
        field: 'activePoints',
        headerName: t('processes.currentPoints'),
        flex: 1.2,
        minWidth: 200,
        sortable: false,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', gap: 0.5, overflow: 'hidden' }} data-testid="process-row-points">
            {row.activePoints.map((p) => (
              <Chip
                key={p.id}
                size="small"
                variant="outlined"
                color={p.task?.overdue ? 'error' : 'default'}
                label={`${pointLabel(t, p.id, p.name)}${p.task?.performer ? ` · ${p.task.performer.fullName}` : ''}`}
              />
            ))}
          </Box>
        ),
      },
      {
        field: 'deadline',
        headerName: t('processes.deadline'),
        width: 150,
        valueGetter: (_v, row) => nearestDeadline(row),
        renderCell: ({ row }) => (
          <Typography variant="body2" component="span" color={row.overdue ? 'error' : 'text.primary'} sx={{ fontWeight: row.overdue ? 600 : 400 }}>
            {formatDateTime(nearestDeadline(row))}
          </Typography>
        ),
      },
      {
        field: 'status',
        headerName: t('processes.state'),
        width: 170,
        renderCell: ({ row }) => (
          <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', gap: 0.5 }}>
            <ProcessStatusChip status={row.status} result={row.result} />
            {row.overdue && <Chip size="small" color="error" label={t('processes.overdue')} data-testid="process-row-overdue" />}
          </Box>
        ),
      },
      { field: 'responsible', headerName: t('processes.responsible'), flex: 0.7, minWidth: 140, valueGetter: (_v, row) => row.responsible?.fullName ?? '' },
      { field: 'startedAt', headerName: t('processes.startedAt'), width: 140, valueFormatter: (v: string) => formatDateTime(v) },
    ],
    [t],
  );
  const visibility = useResponsiveColumns([], ['responsible', 'startedAt', 'subject']);
  const templateOptions = [...new Map((templates.data?.processTemplates ?? []).map((tp) => [tp.code, tp])).values()].map((tp) => ({
    value: tp.code,
    label: templateLabel(t, tp.code, tp.name),
  }));

  return (
    <>
      <PageHeader title={t('processes.monitor')} />
      <ListToolbar>
        <SelectFilter label={t('processes.template')} value={templateCode} onChange={(v) => setParam('template', v)} options={templateOptions} testId="processes-template-filter" />
        <SelectFilter
          label={t('processes.state')}
          value={status}
          onChange={(v) => setParam('status', v === 'RUNNING' ? null : v || 'all')}
          options={STATUSES.map((s) => ({ value: s, label: t(`processes.status.${s}`) }))}
          testId="processes-status-filter"
        />
        <UserFilter label={t('processes.responsible')} userId={responsibleId} onChange={(id) => setParam('responsible', id)} testId="processes-responsible-filter" width={240} />
        <ToggleFilter label={t('processes.onlyOverdue')} checked={overdue} onChange={(v) => setParam('overdue', v ? '1' : null)} testId="processes-overdue-filter" />
        <ToggleFilter label={t('processes.showNested')} checked={nested} onChange={(v) => setParam('nested', v ? '1' : null)} testId="processes-nested-filter" />
      </ListToolbar>
      <ErrorAlert error={data ? undefined : error} />
      <GridContainer testId="process-monitor">
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
          onRowClick={({ row }) => void navigate(`/processes/${row.id}`)}
          slotProps={{ row: { 'data-testid': 'process-row' } as object }}
          getRowClassName={({ row }) => (row.overdue ? 'process-overdue' : '')}
          localeText={localeText}
          disableRowSelectionOnClick
          density="compact"
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .process-overdue': { bgcolor: 'rgba(211, 47, 47, 0.06)' } }}
        />
      </GridContainer>
    </>
  );
}
