import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { InterestState, StageSemantic } from '../../../graphql/graphql';
import { useTimeZone } from '../../../app/auth';

export const INTEREST_STATES: readonly InterestState[] = ['ACTIVE', 'SUSPENDED', 'WON', 'LOST'];

const STATE_COLOR: Record<InterestState, 'primary' | 'warning' | 'success' | 'error'> = {
  ACTIVE: 'primary',
  SUSPENDED: 'warning',
  WON: 'success',
  LOST: 'error',
};

export function InterestStateChip({ state, testId, size = 'small' }: { state: InterestState; testId?: string; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  return (
    <Chip
      size={size}
      color={STATE_COLOR[state]}
      variant={state === 'ACTIVE' ? 'outlined' : 'filled'}
      label={t(`interestState.${state}`)}
      data-testid={testId}
      data-state={state}
    />
  );
}

export const SEMANTIC_COLOR: Record<StageSemantic, 'primary' | 'success' | 'error'> = {
  IN_PROGRESS: 'primary',
  SUCCESS: 'success',
  FAILURE: 'error',
};

/** Today's calendar date (YYYY-MM-DD) in a time zone: the planned close date is a date in the manager's day. */
export function todayIn(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export function useToday(): string {
  return todayIn(useTimeZone());
}

/** An open interest whose planned close date has passed: the manager should close it or move the date. */
export function isCloseOverdue(i: { state: InterestState; plannedCloseDate?: string | null }, today: string): boolean {
  return Boolean(i.plannedCloseDate && i.plannedCloseDate.slice(0, 10) < today && (i.state === 'ACTIVE' || i.state === 'SUSPENDED'));
}

/** Whole days from a moment until now (for "no contact for N days"). */
export function daysSince(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.now() - new Date(iso).getTime();
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 86_400_000)) : null;
}
