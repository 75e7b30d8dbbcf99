import Chip from '@mui/material/Chip';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import BuildOutlined from '@mui/icons-material/BuildOutlined';
import HelpOutlineOutlined from '@mui/icons-material/HelpOutlineOutlined';
import ReportProblemOutlined from '@mui/icons-material/ReportProblemOutlined';
import WhatshotOutlined from '@mui/icons-material/WhatshotOutlined';
import { useTranslation } from 'react-i18next';
import type { ClientRequestChannel, ClientRequestKind, ClientRequestPriority, ClientRequestState } from '../../../graphql/graphql';

/** The life of a request in the order a person reads it; the board's columns follow it. */
export const REQUEST_STATES: readonly ClientRequestState[] = ['REGISTERED', 'IN_PROGRESS', 'WAITING_FOR_CLIENT', 'REOPENED', 'RESOLVED', 'CLOSED', 'REJECTED'];
export const REQUEST_KINDS: readonly ClientRequestKind[] = ['QUESTION', 'CLAIM', 'SERVICE'];
export const REQUEST_CHANNELS: readonly ClientRequestChannel[] = ['PHONE', 'EMAIL', 'WEB', 'VISIT', 'MESSENGER'];
export const REQUEST_PRIORITIES: readonly ClientRequestPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

/** States in which the request still waits for someone to act (the SLA may run). */
export const OPEN_STATES: readonly string[] = ['REGISTERED', 'IN_PROGRESS', 'WAITING_FOR_CLIENT', 'REOPENED'];

export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return (list as readonly string[]).includes(value ?? '');
}

const STATE_COLOR: Record<string, 'default' | 'primary' | 'info' | 'warning' | 'success' | 'error'> = {
  REGISTERED: 'info',
  IN_PROGRESS: 'primary',
  WAITING_FOR_CLIENT: 'warning',
  REOPENED: 'warning',
  RESOLVED: 'success',
  CLOSED: 'default',
  REJECTED: 'default',
};

export function RequestStateChip({ state, testId }: { state: string; testId?: string }) {
  const { t } = useTranslation();
  const closed = state === 'CLOSED' || state === 'REJECTED';
  return (
    <Chip
      size="small"
      color={STATE_COLOR[state] ?? 'default'}
      variant={closed ? 'outlined' : 'filled'}
      label={t(`requestState.${state}`)}
      data-testid={testId}
      data-state={state}
    />
  );
}

/** «Критичное»: a problem the supervisor controls. */
export function CriticalChip({ critical }: { critical: boolean }) {
  const { t } = useTranslation();
  if (!critical) return null;
  return <Chip size="small" color="error" icon={<WhatshotOutlined />} label={t('request.critical')} data-testid="request-critical-mark" />;
}

export function RequestKindIcon({ kind, ...props }: { kind: string } & SvgIconProps) {
  const { t } = useTranslation();
  const common = { titleAccess: t(`requestKind.${kind}`), ...props };
  if (kind === 'CLAIM') return <ReportProblemOutlined {...common} />;
  if (kind === 'SERVICE') return <BuildOutlined {...common} />;
  return <HelpOutlineOutlined {...common} />;
}

/** Priority as a chip; normal priority goes without one (most requests). */
export function PriorityChip({ priority }: { priority: ClientRequestPriority }) {
  const { t } = useTranslation();
  if (priority === 'NORMAL') return null;
  const color = priority === 'URGENT' ? 'error' : priority === 'HIGH' ? 'warning' : 'default';
  return <Chip size="small" variant="outlined" color={color} label={t(`requestPriority.${priority}`)} data-testid="request-priority-mark" />;
}
