import { DateTime } from 'luxon';
import {
  addWorkingDays,
  addWorkingMinutes,
  defaultCalendar,
  formatClock,
  isWorkingDay,
  isWorkingTime,
  NoWorkingTimeError,
  parseClock,
  workingMinutesBetween,
  type DayHours,
  type WorkCalendar,
} from './work-time';

/** A Moscow wall-clock time as an instant. */
const msk = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Moscow' }).toJSDate();
/** An instant as Moscow wall-clock time, to the minute. */
const inMsk = (d: Date) => DateTime.fromJSDate(d).setZone('Europe/Moscow').toFormat("yyyy-MM-dd'T'HH:mm");

const cal = defaultCalendar();
const withExceptions = (entries: Array<[string, DayHours | null]>, base: WorkCalendar = cal): WorkCalendar => ({ ...base, exceptions: new Map(entries) });

// 2026-03-06 is a Friday; 2026-03-09 a Monday.
describe('addWorkingMinutes', () => {
  it('adds inside one working day', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-04T10:00'), 90, cal))).toBe('2026-03-04T11:30');
  });

  it('ends at the close of the day when the minutes run out exactly then', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-04T17:00'), 60, cal))).toBe('2026-03-04T18:00');
  });

  it('carries over the night to the next morning', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-04T17:30'), 60, cal))).toBe('2026-03-05T09:30');
  });

  it('skips the weekend', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-06T17:00'), 120, cal))).toBe('2026-03-09T10:00');
  });

  it('counts a start before opening from the opening', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-04T06:15'), 30, cal))).toBe('2026-03-04T09:30');
  });

  it('counts a start after closing from the next opening', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-04T21:00'), 30, cal))).toBe('2026-03-05T09:30');
  });

  it('counts a start on a weekend from Monday morning', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-07T12:00'), 60, cal))).toBe('2026-03-09T10:00');
  });

  it('handles a start just after midnight UTC that is already morning in Moscow', () => {
    // 2026-03-04T06:30Z is 09:30 in Moscow.
    expect(inMsk(addWorkingMinutes(new Date('2026-03-04T06:30:00Z'), 30, cal))).toBe('2026-03-04T10:00');
  });

  it('spans several days: 3 working days of 9 hours from a Thursday noon end on Tuesday noon', () => {
    expect(inMsk(addWorkingMinutes(msk('2026-03-05T12:00'), 3 * 540, cal))).toBe('2026-03-10T12:00');
  });

  it('skips holidays', () => {
    const holidays = withExceptions([['2026-03-09', null], ['2026-03-10', null]]);
    expect(inMsk(addWorkingMinutes(msk('2026-03-06T17:00'), 120, holidays))).toBe('2026-03-11T10:00');
  });

  it('uses a shortened day\'s hours', () => {
    const short = withExceptions([['2026-03-06', { start: 540, end: 1020 }]]);
    expect(inMsk(addWorkingMinutes(msk('2026-03-06T16:00'), 90, short))).toBe('2026-03-09T09:30');
  });

  it('works on a weekend day made working', () => {
    const saturday = withExceptions([['2026-03-07', { start: 600, end: 900 }]]);
    expect(inMsk(addWorkingMinutes(msk('2026-03-06T17:30'), 60, saturday))).toBe('2026-03-07T10:30');
  });

  it('returns the start itself for zero minutes, even outside hours', () => {
    const start = msk('2026-03-07T12:00');
    expect(addWorkingMinutes(start, 0, cal).getTime()).toBe(start.getTime());
  });

  it('keeps seconds of the start', () => {
    expect(addWorkingMinutes(new Date('2026-03-04T07:00:30Z'), 1, cal).toISOString()).toBe('2026-03-04T07:01:30.000Z');
  });

  it('respects another time zone and its DST', () => {
    const berlin: WorkCalendar = { ...cal, timeZone: 'Europe/Berlin' };
    // 2026-03-27 is a Friday; Berlin moves to summer time on Sunday 2026-03-29.
    const end = addWorkingMinutes(DateTime.fromISO('2026-03-27T17:00', { zone: 'Europe/Berlin' }).toJSDate(), 120, berlin);
    expect(DateTime.fromJSDate(end).setZone('Europe/Berlin').toFormat("yyyy-MM-dd'T'HH:mm")).toBe('2026-03-30T10:00');
    expect(end.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  it('supports a day that works until midnight', () => {
    const lateShift: WorkCalendar = { ...cal, week: cal.week.map((h) => (h ? { start: 1200, end: 1440 } : null)) };
    expect(inMsk(addWorkingMinutes(msk('2026-03-04T23:30'), 60, lateShift))).toBe('2026-03-05T20:30');
  });

  it('refuses negative or non-finite minutes and invalid starts', () => {
    expect(() => addWorkingMinutes(msk('2026-03-04T10:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingMinutes(msk('2026-03-04T10:00'), Number.NaN, cal)).toThrow(RangeError);
    expect(() => addWorkingMinutes(new Date('nope'), 10, cal)).toThrow(RangeError);
  });

  it('gives up on a calendar without working days instead of looping', () => {
    expect(() => addWorkingMinutes(msk('2026-03-04T10:00'), 10, { ...cal, week: [null, null, null, null, null, null, null] })).toThrow(NoWorkingTimeError);
  });
});

describe('workingMinutesBetween', () => {
  it('counts inside a day', () => {
    expect(workingMinutesBetween(msk('2026-03-04T10:00'), msk('2026-03-04T12:30'), cal)).toBe(150);
  });

  it('counts nothing outside hours', () => {
    expect(workingMinutesBetween(msk('2026-03-04T18:00'), msk('2026-03-05T09:00'), cal)).toBe(0);
    expect(workingMinutesBetween(msk('2026-03-07T00:00'), msk('2026-03-09T00:00'), cal)).toBe(0);
  });

  it('counts across midnight and a weekend', () => {
    expect(workingMinutesBetween(msk('2026-03-06T17:00'), msk('2026-03-09T10:00'), cal)).toBe(120);
  });

  it('counts a whole week as five 9-hour days', () => {
    expect(workingMinutesBetween(msk('2026-03-09T00:00'), msk('2026-03-16T00:00'), cal)).toBe(5 * 540);
  });

  it('leaves holidays out and counts worked weekend days', () => {
    const c = withExceptions([['2026-03-09', null], ['2026-03-07', { start: 540, end: 600 }]]);
    expect(workingMinutesBetween(msk('2026-03-06T17:00'), msk('2026-03-10T10:00'), c)).toBe(60 + 60 + 60);
  });

  it('is negative when the end is before the start, and zero for the same instant', () => {
    expect(workingMinutesBetween(msk('2026-03-04T12:00'), msk('2026-03-04T11:00'), cal)).toBe(-60);
    expect(workingMinutesBetween(msk('2026-03-04T12:00'), msk('2026-03-04T12:00'), cal)).toBe(0);
  });

  it('is fractional for bounds off whole minutes', () => {
    expect(workingMinutesBetween(new Date('2026-03-04T07:00:00Z'), new Date('2026-03-04T07:00:30Z'), cal)).toBe(0.5);
  });

  it('undoes addWorkingMinutes from any start (a sweep of 200 pseudo-random cases)', () => {
    const c = withExceptions([['2026-03-09', null], ['2026-03-14', { start: 600, end: 840 }], ['2026-03-13', { start: 540, end: 960 }]]);
    const base = msk('2026-03-01T00:00').getTime();
    // A fixed linear congruential sequence: varied starts (any minute of a month) and spans, the same every run.
    let seed = 20260301;
    const next = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % (max + 1);
    };
    for (let i = 0; i < 200; i++) {
      const start = new Date(base + next(30 * 24 * 60) * 60_000);
      const minutes = i % 10 === 0 ? 0 : next(20_000);
      const end = addWorkingMinutes(start, minutes, c);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(workingMinutesBetween(start, end, c)).toBe(minutes);
      // The earliest such moment: a minute earlier not enough time has passed.
      if (minutes > 0) expect(workingMinutesBetween(start, new Date(end.getTime() - 60_000), c)).toBeLessThan(minutes);
    }
  });
});

describe('addWorkingDays', () => {
  it('moves to the same time N working days later, skipping the weekend', () => {
    expect(inMsk(addWorkingDays(msk('2026-03-05T11:00'), 3, cal))).toBe('2026-03-10T11:00');
  });

  it('skips holidays and counts a worked Saturday', () => {
    const c = withExceptions([['2026-03-09', null], ['2026-03-07', { start: 540, end: 1080 }]]);
    expect(inMsk(addWorkingDays(msk('2026-03-06T15:00'), 1, c))).toBe('2026-03-07T15:00');
    expect(inMsk(addWorkingDays(msk('2026-03-06T15:00'), 2, c))).toBe('2026-03-10T15:00');
  });

  it('counts from the next working day when starting on a day off', () => {
    expect(inMsk(addWorkingDays(msk('2026-03-07T10:00'), 1, cal))).toBe('2026-03-09T10:00');
  });

  it('returns the start for 0 and refuses negative or fractional days', () => {
    expect(addWorkingDays(msk('2026-03-07T10:00'), 0, cal).getTime()).toBe(msk('2026-03-07T10:00').getTime());
    expect(() => addWorkingDays(msk('2026-03-07T10:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(msk('2026-03-07T10:00'), 1.5, cal)).toThrow(RangeError);
  });

  it('uses the local date: late evening UTC may already be the next day in Moscow', () => {
    // 2026-03-06T22:30Z is Saturday 01:30 in Moscow: the next working day is Monday.
    expect(inMsk(addWorkingDays(new Date('2026-03-06T22:30:00Z'), 1, cal))).toBe('2026-03-09T01:30');
  });
});

describe('helpers', () => {
  it('tells working time and days', () => {
    expect(isWorkingTime(msk('2026-03-06T09:00'), cal)).toBe(true);
    expect(isWorkingTime(msk('2026-03-06T18:00'), cal)).toBe(false);
    expect(isWorkingTime(msk('2026-03-07T12:00'), cal)).toBe(false);
    expect(isWorkingDay('2026-03-06', cal)).toBe(true);
    expect(isWorkingDay('2026-03-07', cal)).toBe(false);
    expect(isWorkingDay('2026-03-06', withExceptions([['2026-03-06', null]]))).toBe(false);
  });

  it('parses and formats clock times', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeNull();
    expect(parseClock('9:00')).toBeNull();
    expect(parseClock('12:60')).toBeNull();
    expect(formatClock(1035)).toBe('17:15');
  });
});
