import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { objectRefPath } from '../../../lib/entity-paths';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { ProcessHistory } from '../components/ProcessHistory';
import type { PointPass } from '../components/RouteMapDiagram';
import { readRouteMap } from '../components/route-map';
import { CancelProcessMutation, ProcessInstanceQuery, TaskAssignedSubscription, TaskUpdatedSubscription } from '../graphql/processes.graphql';
import { processErrorMessages } from '../lib/process-errors';
import { ProcessStatusChip, pointLabel, resultLabel, templateLabel } from '../lib/process-meta';

// React Flow (and its stylesheet) arrive only with a diagram.
const RouteMapDiagram = lazy(() => import('../components/RouteMapDiagram'));

/**
 * One process: its route map with the points where it waits highlighted and the passed path in green (who, when,
 * with what result), the list of open waits, nested processes and the full history.
 */
export default function ProcessInstancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const { data, loading, error, refetch } = useQuery(ProcessInstanceQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  // A task of mine in this process moved on: the path changed.
  const reread = () => void refetch().catch(() => undefined);
  useSubscription(TaskAssignedSubscription, { onData: reread });
  useSubscription(TaskUpdatedSubscription, { onData: reread });
  const [cancel, cancelState] = useMutation(CancelProcessMutation);
  const instance = data?.processInstance;

  const point = useCallback((pointId: string, name: string) => pointLabel(t, pointId, name), [t]);
  const result = useCallback((r: string) => resultLabel(t, r), [t]);

  const view = useMemo(() => {
    if (!instance) return null;
    const map = readRouteMap(instance.template.map);
    const active = new Set(instance.activePoints.map((p) => p.id));
    const overdue = new Set(instance.activePoints.filter((p) => p.task?.overdue).map((p) => p.id));
    const passed = new Map<string, PointPass>();
    for (const e of instance.history) {
      if (e.kind === 'PASSED') passed.set(e.point, { by: e.by?.fullName, at: e.at, result: e.result ?? e.exit });
    }
    const reached = (p: string) => passed.has(p) || active.has(p);
    const passedEdges = new Set((map?.edges ?? []).filter((e) => passed.has(e.from) && reached(e.to)).map((e) => `${e.from}>${e.to}`));
    const captions = new Map(
      instance.activePoints.map((p) => [
        p.id,
        [p.task?.performer?.fullName ?? (p.child ? templateLabel(t, null, p.child.name) : null), p.deadline ? formatDateTime(p.deadline) : null, p.branches ? `${p.arrived ?? 0}/${p.branches}` : null]
          .filter(Boolean)
          .join(' · '),
      ]),
    );
    return { map, active, overdue, passed, passedEdges, captions };
  }, [instance, t]);

  if (!instance && loading) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('processes.notFound')} />;
  if (!instance || !view) return <ErrorAlert error={error} />;
  const subjectPath = objectRefPath(instance.subject);

  return (
    <>
      <PageHeader
        title={`${templateLabel(t, instance.templateCode, instance.name)}${instance.subject?.title ? ` · ${instance.subject.title}` : ''}`}
        titleTestId="process-title"
        subtitle={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ProcessStatusChip status={instance.status} result={instance.result} />
            {instance.overdue && <Chip size="small" color="error" label={t('processes.overdue')} />}
            <span>{t('processes.templateVersion', { version: instance.template.version })}</span>
          </Stack>
        }
        actions={
          <>
            {instance.parentInstanceId && (
              <Button component={RouterLink} to={`/processes/${instance.parentInstanceId}`} data-testid="process-parent">
                {t('processes.parent')}
              </Button>
            )}
            {instance.viewerCan.cancel && instance.status === 'RUNNING' && (
              <Button color="error" startIcon={<StopCircleOutlined />} onClick={() => setCancelling(true)} data-testid="process-cancel">
                {t('processes.cancel')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert messages={processErrorMessages(t, cancelState.error)} />
      {instance.cancelReason && <Alert severity="info" sx={{ mb: 2 }}>{t('processes.cancelReason', { reason: instance.cancelReason })}</Alert>}
      <FormSection title={t('processes.routeMap')}>
        {view.map ? (
          <Suspense fallback={<LoadingBlock />}>
            <RouteMapDiagram
              map={view.map}
              activePointIds={view.active}
              overduePointIds={view.overdue}
              passed={view.passed}
              passedEdges={view.passedEdges}
              activeCaptions={view.captions}
              pointLabel={point}
              resultLabel={result}
              formatAt={formatDateTime}
            />
          </Suspense>
        ) : (
          <Alert severity="warning">{t('processes.mapUnreadable')}</Alert>
        )}
      </FormSection>
      <FormSection title={t('processes.details')}>
        <DetailsList
          items={[
            {
              label: t('processes.subject'),
              value: instance.subject ? (
                subjectPath ? (
                  <Link component={RouterLink} to={subjectPath}>
                    {instance.subject.title ?? t('processes.subjectHidden')}
                  </Link>
                ) : (
                  instance.subject.title
                )
              ) : null,
            },
            { label: t('processes.responsible'), value: instance.responsible?.fullName },
            { label: t('processes.startedBy'), value: instance.startedBy?.fullName },
            { label: t('processes.startedAt'), value: formatDateTime(instance.startedAt) },
            { label: t('processes.finishedAt'), value: instance.finishedAt ? formatDateTime(instance.finishedAt) : null },
          ]}
        />
      </FormSection>
      {instance.activePoints.length > 0 && (
        <FormSection title={t('processes.waitsAt')} testId="process-active-points">
          <List dense disablePadding>
            {instance.activePoints.map((p) => (
              <ListItem key={p.id} disableGutters data-testid="process-active-point" data-point-id={p.id}>
                <ListItemText
                  primary={
                    p.task ? (
                      <Link component={RouterLink} to={`/process-tasks/${p.task.id}`} color={p.task.overdue ? 'error' : 'primary'}>
                        {point(p.id, p.name)}
                      </Link>
                    ) : p.child ? (
                      <Link component={RouterLink} to={`/processes/${p.child.id}`}>
                        {point(p.id, p.name)} → {p.child.name}
                      </Link>
                    ) : (
                      point(p.id, p.name)
                    )
                  }
                  secondary={view.captions.get(p.id) || t(`processes.waitingFor.${p.waitingFor}`)}
                />
              </ListItem>
            ))}
          </List>
        </FormSection>
      )}
      {instance.children.length > 0 && (
        <FormSection title={t('processes.children')}>
          <List dense disablePadding>
            {instance.children.map((c) => (
              <ListItem key={c.id} disableGutters>
                <ListItemText
                  primary={
                    <Link component={RouterLink} to={`/processes/${c.id}`}>
                      {c.name}
                    </Link>
                  }
                  secondary={<ProcessStatusChip status={c.status} result={c.result} />}
                  slotProps={{ secondary: { component: 'div' } }}
                />
              </ListItem>
            ))}
          </List>
        </FormSection>
      )}
      <FormSection title={t('processes.history')} testId="process-path">
        <ProcessHistory entries={instance.history} />
      </FormSection>
      <ConfirmDialog
        open={cancelling}
        title={t('processes.cancelTitle')}
        text={t('processes.cancelText')}
        confirmLabel={t('processes.cancel')}
        danger
        busy={cancelState.loading}
        onClose={() => setCancelling(false)}
        onConfirm={() => {
          setCancelling(false);
          void cancel({ variables: { id: instance.id } })
            .then(reread)
            .catch(() => undefined);
        }}
      />
    </>
  );
}
