import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import ForwardToInboxOutlined from '@mui/icons-material/ForwardToInboxOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { objectRefPath } from '../../../lib/entity-paths';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { refreshActive } from '../../../lib/live-refresh';
import { ProcessHistory } from '../components/ProcessHistory';
import { RedirectTaskDialog } from '../components/RedirectTaskDialog';
import {
  AcceptProcessTaskMutation,
  CompleteProcessTaskMutation,
  ProcessTaskQuery,
  TaskUpdatedSubscription,
} from '../graphql/processes.graphql';
import { processErrorMessages } from '../lib/process-errors';
import { TaskStateChip, pointLabel, resultActionLabel, resultColor, resultLabel, templateLabel } from '../lib/process-meta';

/** Lists that change when a task is completed or handed on. */
export const AFTER_TASK_CHANGE = ['MyProcessTasks', 'ProcessInstances', 'ProcessInstance', 'ProcessTask'] as const;

/**
 * The task form («задача»): what to do and on what, the process and its path so far, and one button per result
 * the point allows; the comment goes into the process history. Accept and redirect when the server allows them.
 */
export default function ProcessTaskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const client = useApolloClient();
  const [comment, setComment] = useState('');
  const [redirecting, setRedirecting] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, loading, error, refetch } = useQuery(ProcessTaskQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  // Someone else may act on it meanwhile (a supervisor redirects it, the process is cancelled): read it again.
  useSubscription(TaskUpdatedSubscription, {
    onData: ({ data: pushed }) => {
      if (pushed.data?.taskUpdated.id === id) void refetch().catch(() => undefined);
    },
  });
  const [accept, accepting] = useMutation(AcceptProcessTaskMutation);
  const [complete, completing] = useMutation(CompleteProcessTaskMutation);
  const busy = accepting.loading || completing.loading;

  const task = data?.processTask;
  if (!task && loading) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('processes.taskNotFound')} />;
  if (!task) return <ErrorAlert error={error} />;

  const open = task.state === 'OPEN' || task.state === 'ACCEPTED';
  const subjectPath = objectRefPath(task.subject);

  const run = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      void refreshActive(client, AFTER_TASK_CHANGE);
    } catch (e) {
      setActionError(e);
    }
  };

  const onComplete = (result: string) =>
    run(async () => {
      await complete({ variables: { id: task.id, input: { result, comment: comment.trim() || null } } });
      setComment('');
    });

  return (
    <>
      <PageHeader
        title={task.title}
        titleTestId="process-task-title"
        subtitle={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TaskStateChip state={task.state} />
            <span>
              {task.process && templateLabel(t, task.process.templateCode, task.process.name)} · {pointLabel(t, task.pointId, task.title)}
            </span>
          </Stack>
        }
        actions={
          task.process && (
            <Button component={RouterLink} to={`/processes/${task.process.id}`} startIcon={<AccountTreeOutlined />} data-testid="process-task-instance">
              {t('processes.openProcess')}
            </Button>
          )
        }
      />
      <ErrorAlert messages={processErrorMessages(t, actionError)} />
      {task.assigneeNote && <Alert severity="info" sx={{ mb: 2 }}>{task.assigneeNote}</Alert>}
      <FormSection title={t('processes.task')} testId="process-task-details">
        <DetailsList
          items={[
            {
              label: t('processes.subject'),
              testId: 'process-task-subject',
              value: task.subject ? (
                subjectPath ? (
                  <Link component={RouterLink} to={subjectPath} data-testid="process-task-subject-link">
                    {task.subject.title ?? t('processes.subjectHidden')}
                  </Link>
                ) : (
                  task.subject.title ?? t('processes.subjectHidden')
                )
              ) : null,
            },
            { label: t('processes.process'), value: task.process ? templateLabel(t, task.process.templateCode, task.process.name) : null },
            { label: t('processes.responsible'), value: task.process?.responsible?.fullName },
            { label: t('processes.point'), value: pointLabel(t, task.pointId, task.title) },
            {
              label: t('processes.deadline'),
              testId: 'process-task-deadline',
              value: task.deadline ? (
                <Typography component="span" variant="body2" color={task.overdue ? 'error' : 'text.primary'} sx={{ fontWeight: task.overdue ? 600 : 400 }}>
                  {formatDateTime(task.deadline)}
                  {task.overdue ? ` · ${t('processes.overdue')}` : ''}
                </Typography>
              ) : null,
            },
            { label: t('processes.performer'), value: task.performer?.fullName },
            { label: t('processes.redirectedFrom'), value: task.redirectedFrom?.fullName },
            { label: t('processes.givenAt'), value: formatDateTime(task.createdAt) },
            { label: t('processes.acceptedAt'), value: task.acceptedAt ? formatDateTime(task.acceptedAt) : null },
            { label: t('processes.description'), value: task.description },
            { label: t('processes.result'), value: task.result ? resultLabel(t, task.result) : null, testId: 'process-task-result' },
            { label: t('processes.comment'), value: task.comment },
            {
              label: t('processes.completedAt'),
              value: task.completedAt ? `${formatDateTime(task.completedAt)}${task.completedBy ? ` · ${task.completedBy.fullName}` : ''}` : null,
            },
          ]}
        />
      </FormSection>
      {open && (task.viewerCan.complete || task.viewerCan.accept || task.viewerCan.redirect) && (
        <FormSection title={t('processes.decision')} testId="process-task-decision">
          {task.viewerCan.complete && (
            <TextField
              label={t('processes.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              multiline
              minRows={2}
              fullWidth
              sx={{ mb: 2 }}
              slotProps={{ htmlInput: { 'data-testid': 'task-comment', maxLength: 4000 } }}
            />
          )}
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {task.viewerCan.complete &&
              task.results.map((result) => (
                <Button
                  key={result}
                  variant="contained"
                  color={resultColor(result)}
                  startIcon={<CheckCircleOutline />}
                  disabled={busy}
                  onClick={() => void onComplete(result)}
                  data-testid={`task-result-${result}`}
                >
                  {resultActionLabel(t, result)}
                </Button>
              ))}
            {task.viewerCan.accept && task.state === 'OPEN' && (
              <Button
                variant="outlined"
                startIcon={<PlayArrowOutlined />}
                disabled={busy}
                onClick={() => void run(() => accept({ variables: { id: task.id } }))}
                data-testid="task-accept"
              >
                {t('processes.accept')}
              </Button>
            )}
            {task.viewerCan.redirect && task.allowRedirect && (
              <Button variant="outlined" startIcon={<ForwardToInboxOutlined />} disabled={busy} onClick={() => setRedirecting(true)} data-testid="task-redirect">
                {t('processes.redirect')}
              </Button>
            )}
          </Stack>
        </FormSection>
      )}
      {task.process && (
        <FormSection title={t('processes.history')} testId="process-task-history">
          <ProcessHistory entries={task.process.history} />
        </FormSection>
      )}
      <RedirectTaskDialog taskId={redirecting ? task.id : null} onClose={() => setRedirecting(false)} onDone={() => void refreshActive(client, AFTER_TASK_CHANGE)} />
    </>
  );
}
