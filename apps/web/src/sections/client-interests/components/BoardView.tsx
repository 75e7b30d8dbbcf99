import { useCallback, useMemo, useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ClientInterestBoardQuery as BoardData } from '../../../graphql/graphql';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { ClientInterestBoardQuery, MoveClientInterestToStageMutation } from '../graphql/interest.graphql';
import { SalesErrorAlert, salesErrorTexts } from '../lib/errors';
import { isCloseOverdue, useToday } from '../lib/interest-meta';
import { formatMoney, subtractMoney, sumMoney, weighted } from '../lib/money';
import { KanbanBoard, type BoardCard, type BoardColumn } from './KanbanBoard';
import { MarkLostDialog } from './MarkLostDialog';

const CARDS_PER_COLUMN = 30;

interface Props {
  scenarioId: string | null;
  responsibleId: string | null;
  search: string;
  /** The list view filtered by a stage, for a column's "and N more". */
  listLink: (stageId: string) => string;
}

type Column = BoardData['clientInterestBoard']['columns'][number];

function toColumns(columns: readonly Column[], today: string): BoardColumn[] {
  return columns.map((c) => ({
    id: c.stage.id,
    name: c.stage.name,
    semantic: c.stage.semantic,
    count: c.count,
    sum: c.plannedAmount,
    weightedSum: c.weightedAmount,
    cards: c.cards.edges.map(({ node: n }) => ({
      id: n.id,
      number: n.number,
      counterpartyName: n.counterparty?.name ?? null,
      need: n.need,
      amount: n.plannedAmount,
      probability: n.probability,
      plannedCloseDate: n.plannedCloseDate ?? null,
      overdue: isCloseOverdue(n, today),
      responsibleName: n.responsible?.fullName ?? null,
      movable: n.viewerCan.move && n.state === 'ACTIVE',
    })),
  }));
}

/** Pending moves applied over the server's board: the card shows in its new column at once (optimistic). */
function applyMoves(columns: BoardColumn[], moves: ReadonlyMap<string, { from: string; to: string; probability: number }>): BoardColumn[] {
  if (moves.size === 0) return columns;
  const moved = new Map<string, BoardCard>();
  for (const c of columns) for (const card of c.cards) if (moves.has(card.id)) moved.set(card.id, card);
  return columns.map((c) => {
    let { count, sum, weightedSum } = c;
    let cards = c.cards.filter((card) => {
      const m = moves.get(card.id);
      if (m && m.to !== c.id) {
        count -= 1;
        sum = subtractMoney(sum, card.amount ?? '0');
        weightedSum = subtractMoney(weightedSum, weighted(card.amount, card.probability));
        return false;
      }
      return true;
    });
    const incoming: BoardCard[] = [];
    for (const [id, m] of moves) {
      const card = moved.get(id);
      if (m.to !== c.id || !card || c.cards.some((x) => x.id === id)) continue;
      const next = { ...card, probability: m.probability };
      incoming.push(next);
      count += 1;
      sum = sumMoney([sum, card.amount]);
      weightedSum = sumMoney([weightedSum, weighted(card.amount, m.probability)]);
    }
    cards = [...incoming, ...cards];
    return { ...c, count, sum, weightedSum, cards };
  });
}

/**
 * The board tab: the chosen scenario's stages as columns. A move shows at once; the server then decides — on
 * success the board is read again (the figures are the server's), on refusal the card goes back and the reason
 * is shown. Dropping on the "lost" column asks for the loss reason first.
 */
export function BoardView({ scenarioId, responsibleId, search, listLink }: Props) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const today = useToday();
  const variables = {
    scenarioId,
    filter: { responsibleId: responsibleId ?? undefined, search: search || undefined },
    cardsPerColumn: CARDS_PER_COLUMN,
  };
  const { data, previousData, loading, error, refetch } = useQuery(ClientInterestBoardQuery, { variables, fetchPolicy: 'cache-and-network' });
  const [move] = useMutation(MoveClientInterestToStageMutation);
  const [moves, setMoves] = useState<ReadonlyMap<string, { from: string; to: string; probability: number }>>(new Map());
  const [moveError, setMoveError] = useState<string | null>(null);
  const [losing, setLosing] = useState<{ id: string; number: string } | null>(null);

  const board = (data ?? previousData)?.clientInterestBoard;
  const serverColumns = useMemo(() => (board ? toColumns(board.columns, today) : []), [board, today]);
  const columns = useMemo(() => applyMoves(serverColumns, moves), [serverColumns, moves]);
  const saving = useMemo(() => new Set(moves.keys()), [moves]);

  const onMove = useCallback(
    (card: BoardCard, from: BoardColumn, to: BoardColumn) => {
      if (to.semantic === 'FAILURE') {
        setLosing({ id: card.id, number: card.number });
        return;
      }
      const stage = board?.columns.find((c) => c.stage.id === to.id)?.stage;
      setMoves((m) => new Map(m).set(card.id, { from: from.id, to: to.id, probability: stage?.probability ?? card.probability ?? 0 }));
      const done = () =>
        setMoves((m) => {
          const next = new Map(m);
          next.delete(card.id);
          return next;
        });
      move({ variables: { id: card.id, stageId: to.id } })
        .then(async () => {
          // The server's figures replace the preview; lists and the card elsewhere are asked again when shown.
          await refetch();
          client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'clientInterests' });
          client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'stalledClientInterests' });
          done();
        })
        .catch((e: unknown) => {
          done();
          setMoveError(salesErrorTexts(t, e).join(' ') || t('errors.INTERNAL_SERVER_ERROR'));
          // The refusal often means the board was stale (someone suspended or closed it): show how things are now.
          refetch().catch(() => undefined);
        });
    },
    [board, move, refetch, client, t],
  );

  if (loading && !board) return <LoadingBlock />;
  if (!board) return <SalesErrorAlert error={error} />;

  return (
    <Box>
      <SalesErrorAlert error={data ? undefined : error} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ mb: 1.5, flexWrap: 'wrap', alignItems: 'baseline' }} data-testid="board-summary">
        <Typography variant="body2" color="text.secondary">
          {t('interests.board.total', { count: board.totalCount })}
        </Typography>
        <Typography variant="body2">
          {t('interests.board.sum')}: <b>{formatMoney(board.plannedAmount)}</b>
        </Typography>
        <Typography variant="body2">
          {t('interests.board.weighted')}: <b>{formatMoney(board.weightedAmount)}</b>
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: { xs: 'none', md: 'inline' } }}>
          {t('interests.board.dragHint')}
        </Typography>
      </Stack>
      <KanbanBoard columns={columns} onMove={onMove} savingIds={saving} moreLink={(c) => listLink(c.id)} />
      <MarkLostDialog interest={losing} onClose={() => setLosing(null)} />
      <Snackbar
        open={moveError !== null}
        autoHideDuration={8000}
        onClose={(_e, reason) => reason !== 'clickaway' && setMoveError(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity="error" variant="filled" onClose={() => setMoveError(null)} data-testid="board-error" sx={{ width: '100%' }}>
          {t('interests.board.moveRefused')} {moveError}
        </Alert>
      </Snackbar>
    </Box>
  );
}
