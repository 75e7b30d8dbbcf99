import { memo, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import PersonOutlineOutlined from '@mui/icons-material/PersonOutlineOutlined';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../lib/money';

export type StageSemantic = 'IN_PROGRESS' | 'SUCCESS' | 'FAILURE';

/** One interest on the board: only what a card shows (the page maps the API's type onto it). */
export interface BoardCard {
  id: string;
  number: string;
  counterpartyName: string | null;
  need?: string | null;
  amount: string | null;
  probability: number | null;
  /** YYYY-MM-DD. */
  plannedCloseDate: string | null;
  overdue: boolean;
  responsibleName: string | null;
  /** False: the card shows but cannot be dragged or moved (no right, or not active). */
  movable: boolean;
}

/** One stage of the scenario with its figures (as the server counted them) and the cards shown in it. */
export interface BoardColumn {
  id: string;
  name: string;
  semantic: StageSemantic;
  count: number;
  sum: string;
  weightedSum: string;
  cards: readonly BoardCard[];
}

interface Props {
  columns: readonly BoardColumn[];
  /** A card was dropped on (or moved through its menu to) another column. */
  onMove: (card: BoardCard, from: BoardColumn, to: BoardColumn) => void;
  /** Where a column's "and N more" leads (the list filtered by the stage). */
  moreLink?: (column: BoardColumn) => string;
  /** Cards whose move is being saved: shown dimmed. */
  savingIds?: ReadonlySet<string>;
}

const COLUMN_WIDTH = 280;

/** Pointer inside a column wins; else the column the dragged card overlaps most (drops between columns still land). */
const collision: CollisionDetection = (args) => {
  const inside = pointerWithin(args);
  return inside.length > 0 ? inside : rectIntersection(args);
};

/**
 * The pipeline as a kanban board: a column per stage with its count, sum and weighted sum; a card per interest.
 * Dragging a card to another column, or choosing the column from the card's «move to stage» menu (the keyboard way),
 * asks the page to move it; the page decides (it may ask for a loss reason first) and calls the server.
 * Wide screens show the columns side by side; phones scroll them horizontally one column at a time.
 */
export function KanbanBoard({ columns, onMove, moreLink, savingIds }: Props) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<{ card: BoardCard; from: BoardColumn } | null>(null);
  // A few pixels of travel before a drag starts, so clicks on the number link and the menu still work; on touch
  // a short press, so a swipe scrolls the board instead.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );

  const findColumn = (id: string) => columns.find((c) => c.id === id);

  const onDragStart = (e: DragStartEvent) => {
    const from = findColumn(String(e.active.data.current?.columnId));
    const card = from?.cards.find((c) => c.id === e.active.id);
    if (from && card) setDragged({ card, from });
  };
  const onDragEnd = (e: DragEndEvent) => {
    const current = dragged;
    setDragged(null);
    if (!current || !e.over) return;
    const to = findColumn(String(e.over.id));
    if (to && to.id !== current.from.id) onMove(current.card, current.from, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{
        screenReaderInstructions: { draggable: t('interests.board.dragInstructions') },
        announcements: {
          onDragStart: ({ active }) => t('interests.board.announceStart', { number: labelOf(columns, String(active.id)) }),
          onDragOver: ({ over }) => (over ? t('interests.board.announceOver', { stage: findColumn(String(over.id))?.name ?? '' }) : undefined),
          onDragEnd: ({ over }) => (over ? t('interests.board.announceDrop', { stage: findColumn(String(over.id))?.name ?? '' }) : t('interests.board.announceCancel')),
          onDragCancel: () => t('interests.board.announceCancel'),
        },
      }}
    >
      <Box
        data-testid="interests-board"
        role="list"
        aria-label={t('interests.board.label')}
        sx={{
          display: 'flex',
          gap: 1.5,
          overflowX: 'auto',
          pb: 1,
          alignItems: 'flex-start',
          // Phones: one column fills the screen and snaps into place while swiping.
          scrollSnapType: { xs: 'x mandatory', sm: 'none' },
          minHeight: 320,
        }}
      >
        {columns.map((column) => (
          <Column
            key={column.id}
            column={column}
            columns={columns}
            onMove={onMove}
            moreLink={moreLink}
            savingIds={savingIds}
            draggingFrom={dragged?.from.id ?? null}
          />
        ))}
      </Box>
      <DragOverlay dropAnimation={null}>
        {dragged ? <CardBody card={dragged.card} lifted /> : null}
      </DragOverlay>
    </DndContext>
  );
}

function labelOf(columns: readonly BoardColumn[], cardId: string): string {
  for (const c of columns) {
    const card = c.cards.find((x) => x.id === cardId);
    if (card) return card.number;
  }
  return '';
}

const SEMANTIC_COLOR: Record<StageSemantic, string> = {
  IN_PROGRESS: 'primary.main',
  SUCCESS: 'success.main',
  FAILURE: 'error.main',
};

function Column({
  column,
  columns,
  onMove,
  moreLink,
  savingIds,
  draggingFrom,
}: {
  column: BoardColumn;
  columns: readonly BoardColumn[];
  onMove: Props['onMove'];
  moreLink?: Props['moreLink'];
  savingIds?: ReadonlySet<string>;
  draggingFrom: string | null;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { semantic: column.semantic } });
  const hidden = column.count - column.cards.length;
  const target = draggingFrom !== null && draggingFrom !== column.id;
  return (
    <Paper
      ref={setNodeRef}
      variant="outlined"
      role="listitem"
      aria-label={column.name}
      data-testid="board-column"
      data-stage-id={column.id}
      data-semantic={column.semantic}
      sx={{
        flex: { xs: '0 0 calc(100% - 24px)', sm: `0 0 ${COLUMN_WIDTH}px` },
        scrollSnapAlign: 'start',
        bgcolor: isOver ? 'action.selected' : 'grey.50',
        borderTop: 3,
        borderTopColor: SEMANTIC_COLOR[column.semantic],
        outline: target ? '2px dashed' : 'none',
        outlineColor: isOver ? SEMANTIC_COLOR[column.semantic] : 'divider',
        outlineOffset: -2,
        transition: 'background-color 120ms',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 240,
      }}
    >
      <Box sx={{ px: 1.5, pt: 1, pb: 0.75 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="subtitle2" component="h2" sx={{ fontWeight: 600, minWidth: 0 }} noWrap title={column.name}>
            {column.semantic === 'SUCCESS' && <EmojiEventsOutlined fontSize="inherit" sx={{ mr: 0.5, verticalAlign: '-2px', color: 'success.main' }} />}
            {column.semantic === 'FAILURE' && <CancelOutlined fontSize="inherit" sx={{ mr: 0.5, verticalAlign: '-2px', color: 'error.main' }} />}
            {column.name}
          </Typography>
          <Chip size="small" label={column.count} data-testid="board-column-count" aria-label={t('interests.board.count', { count: column.count })} />
        </Stack>
        <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 500 }} data-testid="board-column-sum">
          {formatMoney(column.sum)}
        </Typography>
        <Tooltip title={t('interests.board.weightedHint')}>
          <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid="board-column-weighted">
            {t('interests.board.weighted')}: {formatMoney(column.weightedSum)}
          </Typography>
        </Tooltip>
      </Box>
      <Stack spacing={1} sx={{ px: 1, pb: 1, flex: 1 }}>
        {column.cards.map((card) => (
          <DraggableCard key={card.id} card={card} column={column} columns={columns} onMove={onMove} saving={savingIds?.has(card.id) ?? false} />
        ))}
        {column.cards.length === 0 && (
          <Typography variant="body2" color="text.disabled" sx={{ textAlign: 'center', py: 2 }}>
            {t('interests.board.emptyColumn')}
          </Typography>
        )}
        {hidden > 0 && moreLink && (
          <Link component={RouterLink} to={moreLink(column)} variant="body2" sx={{ textAlign: 'center', py: 0.5 }}>
            {t('interests.board.more', { count: hidden })}
          </Link>
        )}
      </Stack>
    </Paper>
  );
}

const DraggableCard = memo(function DraggableCard({
  card,
  column,
  columns,
  onMove,
  saving,
}: {
  card: BoardCard;
  column: BoardColumn;
  columns: readonly BoardColumn[];
  onMove: Props['onMove'];
  saving: boolean;
}) {
  const { setNodeRef, listeners, isDragging } = useDraggable({
    id: card.id,
    data: { columnId: column.id },
    disabled: !card.movable || saving,
  });
  return (
    <Box
      ref={setNodeRef}
      {...listeners}
      data-testid="interest-card"
      data-id={card.id}
      sx={{
        opacity: isDragging ? 0.35 : saving ? 0.6 : 1,
        cursor: card.movable ? 'grab' : 'default',
        touchAction: 'manipulation',
      }}
    >
      <CardBody
        card={card}
        menu={card.movable ? <MoveMenu card={card} column={column} columns={columns} onMove={onMove} disabled={saving} /> : null}
      />
    </Box>
  );
});

function CardBody({ card, menu, lifted }: { card: BoardCard; menu?: ReactNode; lifted?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper
      elevation={lifted ? 8 : 0}
      sx={{
        p: 1.25,
        border: lifted ? 0 : 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        cursor: lifted ? 'grabbing' : undefined,
        width: lifted ? COLUMN_WIDTH - 16 : undefined,
        '&:hover': { borderColor: lifted ? undefined : 'primary.light' },
      }}
    >
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Link
            component={RouterLink}
            to={`/client-interests/${card.id}`}
            variant="body2"
            underline="hover"
            sx={{ fontWeight: 600 }}
            data-testid="interest-card-number"
            // A click on the number opens the card; the board only starts a drag after the pointer travels.
            draggable={false}
          >
            {card.number}
          </Link>
          <Typography variant="body2" sx={{ wordBreak: 'break-word' }} data-testid="interest-card-counterparty">
            {card.counterpartyName ?? t('interests.noCounterparty')}
          </Typography>
          {card.need && (
            <Typography variant="caption" color="text.secondary" component="div" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
              {card.need}
            </Typography>
          )}
        </Box>
        {menu}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 0.75, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums' }} data-testid="interest-card-amount">
          {formatMoney(card.amount ?? '0')}
        </Typography>
        {card.probability !== null && (
          <Chip size="small" variant="outlined" label={`${card.probability}%`} aria-label={t('interests.probabilityValue', { value: card.probability })} />
        )}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 0.5, alignItems: 'center', flexWrap: 'wrap', color: 'text.secondary' }}>
        {card.plannedCloseDate && (
          <Tooltip title={card.overdue ? t('interests.closeOverdue') : t('interests.plannedCloseDate')}>
            <Typography
              variant="caption"
              sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, color: card.overdue ? 'error.main' : 'inherit', fontWeight: card.overdue ? 600 : 400 }}
              data-testid="interest-card-close"
              data-overdue={card.overdue ? 'true' : 'false'}
            >
              {card.overdue && <EventBusyOutlined sx={{ fontSize: 14 }} />}
              {formatDate(card.plannedCloseDate)}
              {card.overdue && <Box component="span" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{` (${t('interests.closeOverdue')})`}</Box>}
            </Typography>
          </Tooltip>
        )}
        {card.responsibleName && (
          <Typography variant="caption" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, minWidth: 0 }} noWrap>
            <PersonOutlineOutlined sx={{ fontSize: 14 }} />
            {card.responsibleName}
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}

/** The keyboard (and phone) way to move a card: a menu of the other stages. */
function MoveMenu({
  card,
  column,
  columns,
  onMove,
  disabled,
}: {
  card: BoardCard;
  column: BoardColumn;
  columns: readonly BoardColumn[];
  onMove: Props['onMove'];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        size="small"
        aria-label={t('interests.board.moveMenu', { number: card.number })}
        aria-haspopup="menu"
        disabled={disabled}
        data-testid="interest-move-menu"
        // The drag sensor listens on the card; a press on the button must not start one.
        onPointerDown={(e) => e.stopPropagation()}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ mt: -0.5, mr: -0.5 }}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <Typography variant="overline" color="text.secondary" sx={{ px: 2, display: 'block' }}>
          {t('interests.board.moveTo')}
        </Typography>
        {columns.map((target) => (
          <MenuItem
            key={target.id}
            disabled={target.id === column.id}
            selected={target.id === column.id}
            data-testid="move-to-stage"
            data-stage-id={target.id}
            onClick={() => {
              setAnchor(null);
              onMove(card, column, target);
            }}
          >
            <ListItemIcon>
              {target.semantic === 'SUCCESS' ? (
                <EmojiEventsOutlined fontSize="small" color="success" />
              ) : target.semantic === 'FAILURE' ? (
                <CancelOutlined fontSize="small" color="error" />
              ) : (
                <ArrowForwardOutlined fontSize="small" />
              )}
            </ListItemIcon>
            <ListItemText primary={target.name} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
