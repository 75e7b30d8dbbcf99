import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ProcessHistoryEntryFieldsFragment } from '../../../graphql/graphql';
import { formatDateTime } from '../../../lib/format';
import { pointLabel, resultLabel } from '../lib/process-meta';

/** Automatic steps without a result say little to a person; the path shows people's steps and decisions. */
function worthShowing(e: ProcessHistoryEntryFieldsFragment): boolean {
  return e.type === 'ACTION' || e.type === 'SUBPROCESS' || e.type === 'END' || e.kind === 'CANCELLED' || Boolean(e.result);
}

/** The passed path of a process: each point, who, when, with what result and comment. */
export function ProcessHistory({ entries, all = false }: { entries: readonly ProcessHistoryEntryFieldsFragment[]; all?: boolean }) {
  const { t } = useTranslation();
  const shown = all ? entries : entries.filter(worthShowing);
  if (shown.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('processes.historyEmpty')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid="process-history">
      <TableHead>
        <TableRow>
          <TableCell>{t('processes.when')}</TableCell>
          <TableCell>{t('processes.point')}</TableCell>
          <TableCell>{t('processes.who')}</TableCell>
          <TableCell>{t('processes.result')}</TableCell>
          <TableCell>{t('processes.comment')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shown.map((e) => (
          <TableRow key={e.seq} data-testid="process-history-entry" data-point-id={e.point} data-result={e.result ?? ''}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
            <TableCell>
              {e.taskId ? (
                <Link component={RouterLink} to={`/process-tasks/${e.taskId}`} underline="hover">
                  {pointLabel(t, e.point, e.name)}
                </Link>
              ) : (
                pointLabel(t, e.point, e.name)
              )}
            </TableCell>
            <TableCell>{e.by?.fullName ?? ''}</TableCell>
            <TableCell>{e.kind === 'CANCELLED' ? t('processes.cancelledWait') : resultLabel(t, e.result ?? e.exit)}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-line' }}>{e.comment ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
