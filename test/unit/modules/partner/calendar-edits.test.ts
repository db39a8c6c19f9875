import { describe, expect, it } from 'vitest';
import type { SpaceCalendar, SpaceType } from '../../../../lambdas/domain/model';
import {
  applyCalendarEdit,
  type CalendarEdit,
  closureIdOf,
  KEEP_PAST_DAYS,
  MAX_DATED_ENTRIES,
  strandedBookings,
} from '../../../../lambdas/modules/partner/calendar/rules/edits';
import { officeCalendar, spaceCalendarOf, tokyo } from '../../../fixtures/domain';

const today = '2024-06-10';
const seat: { spaceType: SpaceType; today: string } = { spaceType: 'seat', today };
const base: SpaceCalendar = spaceCalendarOf(officeCalendar);

const applied = (edit: CalendarEdit, calendar = base, context = seat) => {
  const outcome = applyCalendarEdit(calendar, edit, context);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
  return outcome.calendar;
};
const problemsOf = (edit: CalendarEdit, calendar = base, context = seat) => {
  const outcome = applyCalendarEdit(calendar, edit, context);
  if (outcome.ok || outcome.code !== 'INVALID_SPACE_CONFIG') throw new Error(`not refused: ${JSON.stringify(outcome)}`);
  return outcome.problems.map((p) => p.field);
};

describe('applyCalendarEdit: weekly hours', () => {
  it('replaces the week: named days open, left out or null closed', () => {
    const calendar = applied({ kind: 'hours', hours: { mon: { open: '08:00', close: '24:00' }, tue: null } });
    expect(calendar.regularHours).toEqual([{ weekday: 1, open: '08:00', close: '24:00' }]);
    // special days and closures are untouched
    expect(calendar.specialOpenDays).toEqual(base.specialOpenDays);
    expect(calendar.closures).toEqual(base.closures);
  });

  it('names every time off the 15-minute grid and every close not after its open', () => {
    expect(
      problemsOf({
        kind: 'hours',
        hours: {
          mon: { open: '09:10', close: '18:00' },
          wed: { open: '10:00', close: '10:00' },
          fri: { open: '12:00', close: '11:45' },
          sun: { open: '00:00', close: '23:59' },
        },
      }),
    ).toEqual(['body.mon.open', 'body.wed.close', 'body.fri.close', 'body.sun.close']);
  });
});

describe('applyCalendarEdit: special open days', () => {
  it('adds a day (with the partner’s title), replaces the one of the same date, keeps them by date', () => {
    const once = applied({ kind: 'specialDay', date: '2024-06-23', title: '臨時営業', open: '10:00', close: '15:00' });
    expect(once.specialOpenDays.map((d) => d.date)).toEqual(['2024-06-14', '2024-06-16', '2024-06-23']);
    const twice = applied({ kind: 'specialDay', date: '2024-06-23', open: '11:00', close: '16:00' }, once);
    expect(twice.specialOpenDays.filter((d) => d.date === '2024-06-23')).toEqual([
      { date: '2024-06-23', open: '11:00', close: '16:00', title: null },
    ]);
  });

  it('is for reservable spaces only, from today on, on the grid', () => {
    const day = { kind: 'specialDay', date: '2024-06-23', open: '10:00', close: '15:00' } as const;
    expect(problemsOf(day, base, { spaceType: 'openSpace', today })).toEqual(['path.spaceId']);
    expect(problemsOf({ ...day, date: '2024-06-09' })).toEqual(['path.date']);
    expect(problemsOf({ ...day, open: '10:05' })).toEqual(['body.open']);
    // today itself is fine
    expect(applied({ ...day, date: today }).specialOpenDays.some((d) => d.date === today)).toBe(true);
  });

  it('removes a day, or says it is not there', () => {
    expect(applied({ kind: 'removeSpecialDay', date: '2024-06-16' }).specialOpenDays.map((d) => d.date)).toEqual([
      '2024-06-14',
    ]);
    expect(applyCalendarEdit(base, { kind: 'removeSpecialDay', date: '2024-06-17' }, seat)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      what: 'Special day',
    });
  });
});

describe('applyCalendarEdit: closures', () => {
  it('adds an all-day closure without times and a timed one with them, each with its id and title', () => {
    const allDay = applied({ kind: 'closure', closureId: 'c1', title: '設備点検', date: '2024-06-20' });
    expect(allDay.closures.find((c) => c.closureId === 'c1')).toEqual({
      closureId: 'c1',
      title: '設備点検',
      date: '2024-06-20',
      allDay: true,
    });
    const timed = applied({ kind: 'closure', closureId: 'c2', date: '2024-06-21', from: '12:00', to: '13:30' });
    expect(timed.closures.find((c) => c.closureId === 'c2')).toEqual({
      closureId: 'c2',
      title: null,
      date: '2024-06-21',
      from: '12:00',
      to: '13:30',
    });
  });

  it('refuses a past date, times off the grid, and a range that does not close after it opens', () => {
    const closure = { kind: 'closure', closureId: 'c', date: '2024-06-20', from: '12:00', to: '13:00' } as const;
    expect(problemsOf({ ...closure, date: '2024-06-01' })).toEqual(['body.date']);
    expect(problemsOf({ ...closure, from: '12:07' })).toEqual(['body.from']);
    expect(problemsOf({ ...closure, to: '12:00' })).toEqual(['body.to']);
  });

  it('removes a closure by its id, or by the id made of its date and times when it has none', () => {
    const [allDay, timed] = base.closures;
    expect(closureIdOf(allDay as never)).toBe('2024-06-12-allday');
    expect(closureIdOf(timed as never)).toBe('2024-06-13-1200-1300');
    const left = applied({ kind: 'removeClosure', closureId: '2024-06-13-1200-1300' }).closures;
    expect(left).toEqual([allDay]);
    expect(applyCalendarEdit(base, { kind: 'removeClosure', closureId: 'nope' }, seat)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it(`keeps at most ${MAX_DATED_ENTRIES} closures, and drops entries older than ${KEEP_PAST_DAYS} days`, () => {
    const many: SpaceCalendar = {
      ...base,
      closures: Array.from({ length: MAX_DATED_ENTRIES }, (_, i) => ({
        closureId: `c${i}`,
        date: '2024-07-01',
        allDay: true as const,
      })),
    };
    expect(problemsOf({ kind: 'closure', closureId: 'x', date: '2024-07-02' }, many)).toEqual(['body.date']);
    const old: SpaceCalendar = { ...base, closures: [{ closureId: 'old', date: '2023-06-01', allDay: true }] };
    expect(applied({ kind: 'hours', hours: {} }, old).closures).toEqual([]);
  });
});

describe('strandedBookings', () => {
  const calendar = { ...officeCalendar, closures: [], specialOpenDays: [] };
  const now = tokyo('2024-06-10T10:05');
  const hold = (number: string, start: string, end: string) => ({ number, start: tokyo(start), end: tokyo(end) });

  it('names the held bookings that would lie outside open hours, sorted', () => {
    const holds = [
      hold('R-3', '2024-06-11T17:00', '2024-06-11T19:00'), // past the 18:00 close
      hold('R-1', '2024-06-11T10:00', '2024-06-11T11:00'), // inside
      hold('R-2', '2024-06-16T10:00', '2024-06-16T11:00'), // Sunday: closed
    ];
    expect(strandedBookings(calendar, holds, now)).toEqual(['R-2', 'R-3']);
  });

  it('checks a stay in progress from the current slot on, and ignores bookings that have ended', () => {
    const closedEarlyToday = { ...calendar, closures: [{ date: '2024-06-10', from: '09:00', to: '10:00' }] };
    const running = hold('R-9', '2024-06-10T09:00', '2024-06-10T11:00');
    const ended = hold('R-8', '2024-06-10T09:00', '2024-06-10T10:00');
    expect(strandedBookings(closedEarlyToday, [running, ended], now)).toEqual([]);
    const closedNow = { ...calendar, closures: [{ date: '2024-06-10', from: '10:00', to: '10:30' }] };
    expect(strandedBookings(closedNow, [running], now)).toEqual(['R-9']);
  });
});
