import { addWorkingMinutes, type WorkCalendar } from '../work-calendar/work-time';
import { ClientRequestState } from './requests.enums';

/**
 * SLA of a client request: deadlines in working time from the registration, and the rules telling "breached" and
 * "about to breach" — in TypeScript for one request and in SQL for lists and counts, kept side by side.
 *
 * The resolution clock stops while the request waits for the client (and between a solution and a reopening):
 * the paused working minutes are added to the allowed time, so the deadline moves later by exactly the pause.
 */

/** A deadline is "about to breach" once this share of its allowed working time has passed. */
export const WARNING_SHARE = 0.8;

export interface SlaAllowance {
  reactionMinutes: number;
  resolutionMinutes: number;
}

export interface SlaTimes {
  reactionDeadline: Date;
  reactionWarningAt: Date;
  resolutionDeadline: Date;
  resolutionWarningAt: Date;
}

export function slaTimes(registeredAt: Date, allowance: SlaAllowance, pausedMinutes: number, cal: WorkCalendar): SlaTimes {
  const after = (minutes: number) => addWorkingMinutes(registeredAt, minutes, cal);
  return {
    reactionDeadline: after(allowance.reactionMinutes),
    reactionWarningAt: after(Math.floor(allowance.reactionMinutes * WARNING_SHARE)),
    resolutionDeadline: after(allowance.resolutionMinutes + pausedMinutes),
    resolutionWarningAt: after(Math.floor(allowance.resolutionMinutes * WARNING_SHARE) + pausedMinutes),
  };
}

/** States in which the resolution clock runs. */
export const RUNNING_STATES = [ClientRequestState.REGISTERED, ClientRequestState.IN_PROGRESS, ClientRequestState.REOPENED];

export interface SlaFacts extends SlaTimes {
  state: ClientRequestState;
  reactedAt: Date | null;
  resolvedAt: Date | null;
  pausedAt: Date | null;
}

const late = (at: Date | null, deadline: Date) => !!at && at.getTime() > deadline.getTime();

/** Whether each deadline was (or, while it runs, is now) missed; and whether the request is late or nearly so now. */
export function slaStatus(r: SlaFacts, now: Date) {
  const running = RUNNING_STATES.includes(r.state);
  const reactionBreached = r.reactedAt ? late(r.reactedAt, r.reactionDeadline) : r.state === ClientRequestState.REGISTERED && late(now, r.reactionDeadline);
  const resolutionEnd =
    r.state === ClientRequestState.RESOLVED || r.state === ClientRequestState.CLOSED ? r.resolvedAt : r.state === ClientRequestState.WAITING_FOR_CLIENT ? r.pausedAt : running ? now : null;
  const resolutionBreached = late(resolutionEnd, r.resolutionDeadline);
  const overdue =
    (r.state === ClientRequestState.REGISTERED && late(now, r.reactionDeadline)) ||
    (running && late(now, r.resolutionDeadline)) ||
    (r.state === ClientRequestState.WAITING_FOR_CLIENT && late(r.pausedAt, r.resolutionDeadline));
  const aboutToBreach =
    !overdue && ((r.state === ClientRequestState.REGISTERED && now.getTime() >= r.reactionWarningAt.getTime()) || (running && now.getTime() >= r.resolutionWarningAt.getTime()));
  return { reactionBreached, resolutionBreached, overdue, aboutToBreach };
}

const list = (states: string[]) => states.map((s) => `'${s}'`).join(',');

/** `slaStatus(...).overdue` in SQL, for alias `r` and the parameter holding "now". */
export const OVERDUE_SQL = (r: string, now: string) =>
  `((${r}.state = 'REGISTERED' AND ${r}.reaction_deadline < ${now})` +
  ` OR (${r}.state IN (${list(RUNNING_STATES)}) AND ${r}.resolution_deadline < ${now})` +
  ` OR (${r}.state = 'WAITING_FOR_CLIENT' AND ${r}.resolution_deadline < ${r}.paused_at))`;

/** `slaStatus(...).aboutToBreach` in SQL. */
export const ABOUT_TO_BREACH_SQL = (r: string, now: string) =>
  `(NOT ${OVERDUE_SQL(r, now)} AND ((${r}.state = 'REGISTERED' AND ${r}.reaction_warning_at <= ${now})` +
  ` OR (${r}.state IN (${list(RUNNING_STATES)}) AND ${r}.resolution_warning_at <= ${now})))`;
