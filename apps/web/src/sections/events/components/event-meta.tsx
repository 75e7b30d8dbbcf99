import Chip from '@mui/material/Chip';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import AlternateEmailOutlined from '@mui/icons-material/AlternateEmailOutlined';
import CallMadeOutlined from '@mui/icons-material/CallMadeOutlined';
import CallReceivedOutlined from '@mui/icons-material/CallReceivedOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import FlightTakeoffOutlined from '@mui/icons-material/FlightTakeoffOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import MailOutlined from '@mui/icons-material/MailOutlined';
import PhoneOutlined from '@mui/icons-material/PhoneOutlined';
import { useTranslation } from 'react-i18next';
import type { EventDirection, EventKind, EventState, Importance } from '../../../graphql/graphql';

export const EVENT_KINDS: readonly EventKind[] = ['CALL', 'MEETING', 'TRIP', 'LETTER', 'EMAIL', 'OTHER'];
export const EVENT_DIRECTIONS: readonly EventDirection[] = ['OUTGOING', 'INCOMING'];
export const EVENT_STATES: readonly EventState[] = ['PLANNED', 'COMPLETED', 'CANCELLED'];
export const IMPORTANCES: readonly Importance[] = ['HIGH', 'NORMAL', 'LOW'];

export function isEventKind(v: string | null | undefined): v is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(v ?? '');
}

/** One icon per kind of event, the same in lists, the calendar and the Tasks tab. */
export function EventKindIcon({ kind, ...props }: { kind: EventKind } & SvgIconProps) {
  const { t } = useTranslation();
  const common = { titleAccess: t(`eventKind.${kind}`), ...props };
  switch (kind) {
    case 'CALL':
      return <PhoneOutlined {...common} />;
    case 'MEETING':
      return <GroupsOutlined {...common} />;
    case 'TRIP':
      return <FlightTakeoffOutlined {...common} />;
    case 'LETTER':
      return <MailOutlined {...common} />;
    case 'EMAIL':
      return <AlternateEmailOutlined {...common} />;
    default:
      return <EventNoteOutlined {...common} />;
  }
}

/** Incoming (↙: something to check happened) or outgoing (↗: something to do). */
export function DirectionIcon({ direction, ...props }: { direction: EventDirection } & SvgIconProps) {
  const { t } = useTranslation();
  return direction === 'INCOMING' ? (
    <CallReceivedOutlined titleAccess={t('eventDirection.INCOMING')} color="info" {...props} />
  ) : (
    <CallMadeOutlined titleAccess={t('eventDirection.OUTGOING')} color="success" {...props} />
  );
}

/** State as a chip; a planned event past its end reads "Overdue" in red. */
export function EventStateChip({ state, overdue, testId }: { state: EventState; overdue?: boolean; testId?: string }) {
  const { t } = useTranslation();
  if (state === 'PLANNED' && overdue) {
    return <Chip size="small" color="error" label={t('event.overdue')} data-testid={testId} />;
  }
  const color = state === 'COMPLETED' ? 'success' : state === 'CANCELLED' ? 'default' : 'primary';
  return <Chip size="small" color={color} variant={state === 'PLANNED' ? 'outlined' : 'filled'} label={t(`eventState.${state}`)} data-testid={testId} />;
}

export function ImportanceChip({ importance }: { importance: Importance }) {
  const { t } = useTranslation();
  if (importance === 'NORMAL') return null;
  return (
    <Chip
      size="small"
      color={importance === 'HIGH' ? 'warning' : 'default'}
      variant="outlined"
      label={t(`importance.${importance}`)}
    />
  );
}
