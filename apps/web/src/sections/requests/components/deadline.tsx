import { useSyncExternalStore } from 'react';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

/** How close to a deadline counts as "about to breach" when the server does not say (amber). */
export const SOON_MS = 2 * 60 * 60 * 1000;

/** One clock for every countdown on screen (a list shows dozens): ticks while anything listens. */
const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: number | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = window.setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, moving every half minute: a countdown on screen moves without asking the server anything. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}

function snapshot(): number {
  // With no clock running (nothing shown for a while) the last tick is stale: start from the real time.
  if (timer === undefined && Date.now() - now > TICK_MS) now = Date.now();
  return now;
}

/** «2 д 3 ч», «3 ч 10 мин», «12 мин»: the two largest units, enough to act on. */
export function formatDuration(t: TFunction, ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? t('requestDeadline.daysHours', { d: days, h: hours }) : t('requestDeadline.days', { d: days });
  if (hours > 0) return mins > 0 ? t('requestDeadline.hoursMinutes', { h: hours, m: mins }) : t('requestDeadline.hours', { h: hours });
  return t('requestDeadline.minutes', { m: mins });
}

export type DeadlineStatus = 'none' | 'met' | 'metLate' | 'paused' | 'breached' | 'soon' | 'running';

export interface DeadlineInput {
  deadline: string | null | undefined;
  /** When the deadline was met (reaction recorded, request resolved); null while it still runs. */
  metAt?: string | null;
  /** The SLA clock is stopped (waiting for the client, or the request is closed/rejected). */
  paused?: boolean;
  /** The server's own verdict, preferred over the local clock when given. */
  breached?: boolean | null;
  soon?: boolean | null;
}

export function deadlineStatus(input: DeadlineInput, now: number): DeadlineStatus {
  if (!input.deadline) return 'none';
  const due = new Date(input.deadline).getTime();
  if (input.metAt) return new Date(input.metAt).getTime() > due ? 'metLate' : 'met';
  if (input.breached || due <= now) return 'breached';
  if (input.paused) return 'paused';
  if (input.soon || due - now <= SOON_MS) return 'soon';
  return 'running';
}

const COLOR = {
  none: 'default',
  met: 'success',
  metLate: 'warning',
  paused: 'default',
  breached: 'error',
  soon: 'warning',
  running: 'default',
} as const;

/**
 * A deadline as a chip: red when breached, amber when about to be, a countdown while it runs, "met" once the
 * reaction or resolution happened. The exact time is in the tooltip.
 */
export function DeadlineChip({ label, testId, ...input }: DeadlineInput & { label?: string; testId?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const status = deadlineStatus(input, now);
  if (status === 'none') return null;
  const due = new Date(input.deadline!).getTime();
  const text =
    status === 'met'
      ? t('requestDeadline.met')
      : status === 'metLate'
        ? t('requestDeadline.metLate', { by: formatDuration(t, new Date(input.metAt!).getTime() - due) })
        : status === 'breached'
          ? t('requestDeadline.breachedBy', { by: formatDuration(t, now - due) })
          : status === 'paused'
            ? t('requestDeadline.paused')
            : t('requestDeadline.left', { left: formatDuration(t, due - now) });
  return (
    <Tooltip title={`${label ? `${label}: ` : ''}${formatDateTime(input.deadline)}`}>
      <Chip
        size="small"
        color={COLOR[status]}
        variant={status === 'running' || status === 'paused' ? 'outlined' : 'filled'}
        label={label ? `${label}: ${text}` : text}
        data-testid={testId}
        data-status={status}
      />
    </Tooltip>
  );
}
