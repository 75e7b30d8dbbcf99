import { slaStatus, slaTimes, type SlaFacts } from './sla';
import { ClientRequestState } from './requests.enums';
import { defaultCalendar } from '../work-calendar/work-time';

const at = (s: string) => new Date(s);
// Deadlines on a plain Wednesday (UTC+3): reaction 10:00 (warning 09:48), resolution 17:00 (warning 15:00).
const base: SlaFacts = {
  state: ClientRequestState.REGISTERED,
  reactedAt: null,
  resolvedAt: null,
  pausedAt: null,
  reactionDeadline: at('2026-03-04T07:00:00Z'),
  reactionWarningAt: at('2026-03-04T06:48:00Z'),
  resolutionDeadline: at('2026-03-04T14:00:00Z'),
  resolutionWarningAt: at('2026-03-04T12:00:00Z'),
};

describe('slaTimes', () => {
  it('counts the deadlines and the 80% warnings in working time, the pause added to the resolution', () => {
    const t = slaTimes(at('2026-03-04T06:00:00Z'), { reactionMinutes: 60, resolutionMinutes: 480 }, 30, defaultCalendar());
    expect(t.reactionDeadline.toISOString()).toBe('2026-03-04T07:00:00.000Z');
    expect(t.reactionWarningAt.toISOString()).toBe('2026-03-04T06:48:00.000Z');
    expect(t.resolutionDeadline.toISOString()).toBe('2026-03-04T14:30:00.000Z');
    expect(t.resolutionWarningAt.toISOString()).toBe('2026-03-04T12:54:00.000Z');
  });
});

describe('slaStatus', () => {
  it('is calm before the warning, about to breach after it, overdue after the deadline', () => {
    expect(slaStatus(base, at('2026-03-04T06:30:00Z'))).toEqual({ reactionBreached: false, resolutionBreached: false, overdue: false, aboutToBreach: false });
    expect(slaStatus(base, at('2026-03-04T06:50:00Z'))).toMatchObject({ overdue: false, aboutToBreach: true });
    expect(slaStatus(base, at('2026-03-04T07:01:00Z'))).toMatchObject({ reactionBreached: true, overdue: true, aboutToBreach: false });
  });

  it('judges the reaction by when it came, and the resolution by when it was resolved', () => {
    const late = { ...base, state: ClientRequestState.RESOLVED, reactedAt: at('2026-03-04T07:30:00Z'), resolvedAt: at('2026-03-04T13:00:00Z') };
    expect(slaStatus(late, at('2026-03-09T00:00:00Z'))).toEqual({ reactionBreached: true, resolutionBreached: false, overdue: false, aboutToBreach: false });
  });

  it('freezes the resolution clock while waiting: breached only if it already was when the wait began', () => {
    const waiting = { ...base, state: ClientRequestState.WAITING_FOR_CLIENT, reactedAt: at('2026-03-04T06:10:00Z'), pausedAt: at('2026-03-04T13:00:00Z') };
    expect(slaStatus(waiting, at('2026-03-05T12:00:00Z'))).toMatchObject({ resolutionBreached: false, overdue: false, aboutToBreach: false });
    expect(slaStatus({ ...waiting, pausedAt: at('2026-03-04T15:00:00Z') }, at('2026-03-05T12:00:00Z'))).toMatchObject({ resolutionBreached: true, overdue: true });
  });

  it('never calls a rejected or closed request overdue', () => {
    for (const state of [ClientRequestState.REJECTED, ClientRequestState.CLOSED]) {
      expect(slaStatus({ ...base, state }, at('2027-01-01T00:00:00Z'))).toMatchObject({ overdue: false, aboutToBreach: false });
    }
  });
});
