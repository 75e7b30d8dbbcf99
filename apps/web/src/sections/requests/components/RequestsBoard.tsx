import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { BoardColumnFragment, ClientRequestListItemFragment, ClientRequestState } from '../../../graphql/graphql';
import { AFTER_MY_REQUEST_CHANGE } from '../../../app/live/request-queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { refreshActive } from '../../../lib/live-refresh';
import {
  CloseClientRequestMutation,
  ReopenClientRequestMutation,
  RequestsBoardQuery,
  ResumeClientRequestMutation,
  SuspendClientRequestMutation,
  TakeClientRequestIntoWorkMutation,
} from '../graphql/requests.graphql';
import { readAppliedSolution } from './applied-solution';
import { ListDeadline, slaTone } from './ListDeadline';
import { RejectDialog } from './RejectDialog';
import { requestErrorTexts } from './request-errors';
import { CriticalChip, PriorityChip, REQUEST_STATES, RequestKindIcon } from './request-meta';
import { ResolveDialog } from './ResolveDialog';
import { useRequestFilters } from './RequestsList';

const PER_COLUMN = 30;
const COLUMN_WIDTH = 270;

type Move = 'take' | 'suspend' | 'resume' | 'resolve' | 'close' | 'reopen' | 'reject';

/**
 * Which drop means which action (the life cycle of a request). Only to offer the right columns while dragging:
 * the server decides, and its refusal (a critical request closed unconfirmed) is shown as it says.
 */
function moveBetween(from: ClientRequestState, to: ClientRequestState): Move | null {
  if (to === 'IN_PROGRESS') return from === 'REGISTERED' || from === 'REOPENED' ? 'take' : from === 'WAITING_FOR_CLIENT' ? 'resume' : null;
  if (to === 'WAITING_FOR_CLIENT') return from === 'IN_PROGRESS' ? 'suspend' : null;
  if (to === 'RESOLVED') return from === 'IN_PROGRESS' ? 'resolve' : null;
  if (to === 'CLOSED') return from === 'RESOLVED' ? 'close' : null;
  if (to === 'REOPENED') return from === 'RESOLVED' ? 'reopen' : null;
  if (to === 'REJECTED') return from === 'REGISTERED' || from === 'IN_PROGRESS' ? 'reject' : null;
  return null;
}

const ALIAS: Record<ClientRequestState, 'registered' | 'inProgress' | 'waiting' | 'reopened' | 'resolved' | 'closed' | 'rejected'> = {
  REGISTERED: 'registered',
  IN_PROGRESS: 'inProgress',
  WAITING_FOR_CLIENT: 'waiting',
  REOPENED: 'reopened',
  RESOLVED: 'resolved',
  CLOSED: 'closed',
  REJECTED: 'rejected',
};

/** The board by state: drag a request to the next state to take it, put it on hold, resolve, close, reopen. */
export function RequestsBoard() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { filter } = useRequestFilters();
  const { data, previousData, loading, error } = useQuery(RequestsBoardQuery, {
    variables: {
      first: PER_COLUMN,
      search: filter.search ?? null,
      kind: filter.kind ?? null,
      priority: filter.priority ?? null,
      critical: filter.critical ?? null,
      overdue: filter.overdue ?? null,
      aboutToBreach: filter.aboutToBreach ?? null,
      responsibleId: filter.responsibleId ?? null,
    },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const [dragged, setDragged] = useState<ClientRequestListItemFragment | null>(null);
  const [resolving, setResolving] = useState<ClientRequestListItemFragment | null>(null);
  const [rejecting, setRejecting] = useState<ClientRequestListItemFragment | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [take] = useMutation(TakeClientRequestIntoWorkMutation);
  const [suspend] = useMutation(SuspendClientRequestMutation);
  const [resume] = useMutation(ResumeClientRequestMutation);
  const [close] = useMutation(CloseClientRequestMutation);
  const [reopen] = useMutation(ReopenClientRequestMutation);
  // A small move before a drag starts, so a click on a card still opens it.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }));

  const changed = () => void refreshActive(client, AFTER_MY_REQUEST_CHANGE);
  const direct: Partial<Record<Move, (id: string) => Promise<unknown>>> = {
    take: (id) => take({ variables: { id } }),
    suspend: (id) => suspend({ variables: { id } }),
    resume: (id) => resume({ variables: { id } }),
    close: (id) => close({ variables: { id } }),
    reopen: (id) => reopen({ variables: { id } }),
  };

  const onDragStart = (event: DragStartEvent) => setDragged((event.active.data.current?.request as ClientRequestListItemFragment | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const request = event.active.data.current?.request as ClientRequestListItemFragment | undefined;
    const to = event.over?.id as ClientRequestState | undefined;
    if (!request || !to || to === request.state) return;
    const move = moveBetween(request.state, to);
    if (!move) return;
    setErrors([]);
    if (move === 'resolve') return setResolving(request);
    if (move === 'reject') return setRejecting(request);
    setSaving(request.id);
    direct[move]!(request.id)
      .then(changed)
      .catch((e: unknown) => setErrors(requestErrorTexts(t, e)))
      .finally(() => setSaving(null));
  };

  return (
    <>
      <Box sx={{ height: 4, mb: 1 }}>{loading && <LinearProgress aria-label={t('common.loading')} />}</Box>
      <ErrorAlert error={shown ? undefined : error} />
      <ErrorAlert messages={errors} />
      <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
        <Box sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', pb: 1, alignItems: 'flex-start' }} data-testid="requests-board">
          {REQUEST_STATES.map((state) => (
            <Column
              key={state}
              state={state}
              column={shown?.[ALIAS[state]]}
              droppable={Boolean(dragged && moveBetween(dragged.state, state))}
              dragging={Boolean(dragged)}
              saving={saving}
            />
          ))}
        </Box>
        <DragOverlay dropAnimation={null}>{dragged ? <CardBody request={dragged} lifted /> : null}</DragOverlay>
      </DndContext>
      <ResolveDialog
        request={resolving}
        applied={resolving ? readAppliedSolution(resolving.id) : null}
        onClose={() => setResolving(null)}
        onDone={() => {
          setResolving(null);
          changed();
        }}
      />
      <RejectDialog
        request={rejecting}
        onClose={() => setRejecting(null)}
        onDone={() => {
          setRejecting(null);
          changed();
        }}
      />
    </>
  );
}

function Column({
  state,
  column,
  droppable,
  dragging,
  saving,
}: {
  state: ClientRequestState;
  column: BoardColumnFragment | undefined;
  droppable: boolean;
  dragging: boolean;
  saving: string | null;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: state, disabled: !droppable });
  const cards = column?.edges.map((e) => e.node) ?? [];
  const more = (column?.totalCount ?? 0) - cards.length;
  return (
    <Paper
      ref={setNodeRef}
      variant="outlined"
      data-testid="board-column"
      data-state={state}
      sx={{
        width: COLUMN_WIDTH,
        flexShrink: 0,
        bgcolor: isOver && droppable ? 'action.selected' : 'background.default',
        borderColor: droppable ? 'primary.main' : 'divider',
        borderStyle: dragging && droppable ? 'dashed' : 'solid',
        opacity: dragging && !droppable ? 0.55 : 1,
        transition: 'opacity 120ms',
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2" component="h2" sx={{ flex: 1 }}>
          {t(`requestState.${state}`)}
        </Typography>
        <Chip size="small" label={column?.totalCount ?? '…'} data-testid="board-column-count" />
      </Stack>
      <Stack spacing={1} sx={{ p: 1, minHeight: 80 }}>
        {cards.length === 0 && column && (
          <Typography variant="body2" color="text.secondary" sx={{ textAlign: 'center', py: 2 }}>
            {t('requests.boardEmpty')}
          </Typography>
        )}
        {cards.map((r) => (
          <DraggableCard key={r.id} request={r} saving={saving === r.id} />
        ))}
        {more > 0 && (
          <Link component={RouterLink} to={`/requests?view=list&state=${state}`} variant="body2" sx={{ textAlign: 'center' }}>
            {t('requests.boardMore', { count: more })}
          </Link>
        )}
      </Stack>
    </Paper>
  );
}

function DraggableCard({ request, saving }: { request: ClientRequestListItemFragment; saving: boolean }) {
  const movable = request.state !== 'CLOSED' && request.state !== 'REJECTED';
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id: request.id, data: { request }, disabled: !movable || saving });
  return (
    <Box ref={setNodeRef} {...listeners} {...attributes} sx={{ opacity: isDragging || saving ? 0.4 : 1, touchAction: 'manipulation', outline: 'none' }}>
      <CardBody request={request} />
    </Box>
  );
}

function CardBody({ request: r, lifted }: { request: ClientRequestListItemFragment; lifted?: boolean }) {
  const tone = slaTone(r);
  return (
    <Paper
      variant={lifted ? 'elevation' : 'outlined'}
      elevation={lifted ? 8 : 0}
      data-testid="board-card"
      data-request-id={r.id}
      data-sla={tone}
      sx={{
        p: 1.25,
        cursor: lifted ? 'grabbing' : 'grab',
        borderLeft: 4,
        borderLeftColor: tone === 'breached' ? 'error.main' : tone === 'soon' ? 'warning.main' : r.critical ? 'error.light' : 'divider',
      }}
    >
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'flex-start' }}>
        <RequestKindIcon kind={r.kind} fontSize="small" color={r.critical ? 'error' : 'action'} sx={{ mt: 0.25 }} />
        <Link component={RouterLink} to={`/requests/${r.id}`} underline="hover" variant="body2" sx={{ fontWeight: 500, wordBreak: 'break-word', flex: 1 }}>
          {r.subject}
        </Link>
      </Stack>
      <Typography variant="caption" color="text.secondary" component="div" noWrap>
        {[r.number, r.counterparty?.name ?? r.contactPerson?.fullName].filter(Boolean).join(' · ')}
      </Typography>
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ mt: 0.75, flexWrap: 'wrap', alignItems: 'center' }}>
        <ListDeadline request={r} />
        <CriticalChip critical={r.critical} />
        <PriorityChip priority={r.priority} />
      </Stack>
      {r.responsible && (
        <Typography variant="caption" color="text.secondary" component="div" noWrap sx={{ mt: 0.5 }}>
          {r.responsible.fullName}
        </Typography>
      )}
    </Paper>
  );
}
