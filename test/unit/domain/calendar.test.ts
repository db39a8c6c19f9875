import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  atLocal,
  bookingCalendars,
  CALENDAR_CHANGE_MAX_MS,
  calendarOf,
  ceilToGrid,
  closingTimeAfter,
  closureIntervals,
  dayGrid,
  daysBetween,
  floorToGrid,
  type Interval,
  isOnGrid,
  isoWeekday,
  isWithinBusinessHours,
  localDateOf,
  mergeIntervals,
  minutesOfDay,
  openIntervals,
  openIntervalsBetween,
  SLOT_MINUTES,
  SLOT_MS,
  scheduledIntervals,
  slotStarts,
  subtractIntervals,
  unitedCalendar,
} from '../../../lambdas/domain/calendar';
import type { Calendar, SpaceCalendar } from '../../../lambdas/domain/model';
import { allDayCalendar, DAY, HOUR, MIN, officeCalendar, tokyo, ZONE } from '../../fixtures/domain';

const span = (date: string, from: string, to: string): Interval => [tokyo(`${date}T${from}`), tokyo(`${date}T${to}`)];

describe('constants', () => {
  it('uses a 15-minute grid', () => {
    expect(SLOT_MINUTES).toBe(15);
    expect(SLOT_MS).toBe(15 * MIN);
  });
});

describe('local dates and times', () => {
  it.each([
    ['2024-06-10T00:00', '2024-06-10'],
    ['2024-06-10T23:59:59.999', '2024-06-10'],
    ['2024-06-11T00:00', '2024-06-11'],
  ])('localDateOf(%s Tokyo) = %s', (local, date) => {
    expect(localDateOf(tokyo(local), ZONE)).toBe(date);
  });

  it('localDateOf uses the zone, not UTC (15:00 UTC is the next day in Tokyo)', () => {
    expect(localDateOf(Date.UTC(2024, 5, 10, 15, 0), ZONE)).toBe('2024-06-11');
    expect(localDateOf(Date.UTC(2024, 5, 10, 15, 0), 'UTC')).toBe('2024-06-10');
  });

  it.each([
    ['2024-06-10', '09:00', '2024-06-10T09:00'],
    ['2024-06-10', '00:00', '2024-06-10T00:00'],
    ['2024-06-10', '23:45', '2024-06-10T23:45'],
    ['2024-06-10', '24:00', '2024-06-11T00:00'],
    ['2024-12-31', '24:00', '2025-01-01T00:00'],
  ])('atLocal(%s, %s) is %s Tokyo', (date, time, expected) => {
    expect(atLocal(date, time, ZONE)).toBe(tokyo(expected));
  });

  it('atLocal keeps wall-clock time across a DST change', () => {
    expect(atLocal('2024-03-10', '09:00', 'America/New_York')).toBe(Date.UTC(2024, 2, 10, 13, 0));
    expect(atLocal('2024-03-09', '09:00', 'America/New_York')).toBe(Date.UTC(2024, 2, 9, 14, 0));
  });

  it.each(['25:00', '24:30', '9:00', '09:60', 'noon', ''])('atLocal rejects the time %j', (time) => {
    expect(() => atLocal('2024-06-10', time, ZONE)).toThrow(RangeError);
  });

  it.each(['2024-02-30', '2024-6-1', 'tomorrow'])('rejects the date %j', (date) => {
    expect(() => atLocal(date, '09:00', ZONE)).toThrow(RangeError);
    expect(() => addDays(date, 1)).toThrow(RangeError);
  });

  it('rejects an unknown zone', () => {
    expect(() => atLocal('2024-06-10', '09:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDateOf(0, 'Mars/Olympus')).toThrow(RangeError);
  });

  it.each([
    ['00:00', 0],
    ['09:15', 555],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('minutesOfDay(%s) = %i', (time, minutes) => {
    expect(minutesOfDay(time)).toBe(minutes);
  });

  it.each([
    ['2024-06-10', 1, '2024-06-11'],
    ['2024-06-30', 1, '2024-07-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-06-10', -10, '2024-05-31'],
    ['2024-06-10', 0, '2024-06-10'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2024-06-10', '2024-06-10', 0],
    ['2024-06-10', '2024-06-17', 7],
    ['2024-06-17', '2024-06-10', -7],
    ['2024-12-31', '2025-01-01', 1],
    ['2024-02-01', '2024-03-01', 29],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2024-06-10', 1],
    ['2024-06-12', 3],
    ['2024-06-15', 6],
    ['2024-06-16', 7],
  ])('isoWeekday(%s) = %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});

describe('interval helpers', () => {
  it('mergeIntervals sorts, merges overlapping and touching intervals, drops empty ones', () => {
    expect(
      mergeIntervals([
        [10, 20],
        [0, 5],
        [5, 7],
        [15, 30],
        [40, 40],
      ]),
    ).toEqual([
      [0, 7],
      [10, 30],
    ]);
  });

  it('subtractIntervals cuts holes and trims edges', () => {
    expect(
      subtractIntervals(
        [
          [0, 100],
          [200, 300],
        ],
        [
          [10, 20],
          [90, 210],
          [400, 500],
        ],
      ),
    ).toEqual([
      [0, 10],
      [20, 90],
      [210, 300],
    ]);
  });

  it('closureIntervals: all day is the whole local date', () => {
    expect(closureIntervals(officeCalendar, '2024-06-12')).toEqual([span('2024-06-12', '00:00', '24:00')]);
    expect(closureIntervals(officeCalendar, '2024-06-10')).toEqual([]);
  });

  it('scheduledIntervals ignores an entry whose close is not after its open', () => {
    const cal: Calendar = { ...officeCalendar, regularHours: [{ weekday: 1, open: '18:00', close: '09:00' }] };
    expect(scheduledIntervals(cal, '2024-06-10')).toEqual([]);
  });
});

describe('openIntervals (§2: regular hours, special open days, closures)', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['Monday: regular hours', '2024-06-10', [['09:00', '18:00']]],
    ['Saturday: its own hours', '2024-06-15', [['10:00', '17:00']]],
    ['Sunday: no regular hours', '2024-06-09', []],
    ['special open Sunday', '2024-06-16', [['10:00', '15:00']]],
    ['special hours replace Friday regular hours', '2024-06-14', [['12:00', '20:00']]],
    ['all-day closure', '2024-06-12', []],
    [
      'closure 12:00–13:00',
      '2024-06-13',
      [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
    ],
  ])('%s (%s)', (_label, date, expected) => {
    expect(openIntervals(officeCalendar, date)).toEqual(expected.map(([from, to]) => span(date, from, to)));
  });

  it('unites several entries of the same weekday', () => {
    const cal: Calendar = {
      ...officeCalendar,
      regularHours: [
        { weekday: 1, open: '13:00', close: '18:00' },
        { weekday: 1, open: '09:00', close: '12:00' },
        { weekday: 1, open: '11:00', close: '12:30' },
      ],
    };
    expect(openIntervals(cal, '2024-06-10')).toEqual([
      span('2024-06-10', '09:00', '12:30'),
      span('2024-06-10', '13:00', '18:00'),
    ]);
  });

  it('merges 00:00–24:00 days across midnight, stopping at a closure', () => {
    expect(openIntervalsBetween(allDayCalendar, '2024-06-18', '2024-06-20')).toEqual([
      [tokyo('2024-06-18T00:00'), tokyo('2024-06-20T00:00')],
      [tokyo('2024-06-20T06:00'), tokyo('2024-06-21T00:00')],
    ]);
  });
});

describe('isWithinBusinessHours (§2: a booking lies wholly inside open hours and outside closures)', () => {
  it.each([
    ['inside Monday hours', officeCalendar, '2024-06-10T09:00', '2024-06-10T18:00', true],
    ['starts before opening', officeCalendar, '2024-06-10T08:45', '2024-06-10T10:00', false],
    ['ends after closing', officeCalendar, '2024-06-10T17:00', '2024-06-10T18:15', false],
    ['closed Sunday', officeCalendar, '2024-06-09T10:00', '2024-06-09T11:00', false],
    ['special open Sunday', officeCalendar, '2024-06-16T10:00', '2024-06-16T15:00', true],
    ['special Friday after regular close', officeCalendar, '2024-06-14T18:00', '2024-06-14T20:00', true],
    ['special Friday before its opening', officeCalendar, '2024-06-14T09:00', '2024-06-14T10:00', false],
    ['all-day closure', officeCalendar, '2024-06-12T10:00', '2024-06-12T11:00', false],
    ['ends where a closure starts', officeCalendar, '2024-06-13T11:00', '2024-06-13T12:00', true],
    ['starts where a closure ends', officeCalendar, '2024-06-13T13:00', '2024-06-13T14:00', true],
    ['spans a closure', officeCalendar, '2024-06-13T11:45', '2024-06-13T13:15', false],
    ['overnight at a closed-at-night facility', officeCalendar, '2024-06-10T17:00', '2024-06-11T10:00', false],
    ['00:00–24:00 facility across midnight 23:00–01:00', allDayCalendar, '2024-06-10T23:00', '2024-06-11T01:00', true],
    ['00:00–24:00 facility into a closure', allDayCalendar, '2024-06-19T23:00', '2024-06-20T01:00', false],
    ['00:00–24:00 facility after a closure', allDayCalendar, '2024-06-20T06:00', '2024-06-20T07:00', true],
    ['empty interval', officeCalendar, '2024-06-10T10:00', '2024-06-10T10:00', false],
    ['reversed interval', officeCalendar, '2024-06-10T11:00', '2024-06-10T10:00', false],
  ])('%s → %s', (_label, calendar, start, end, expected) => {
    expect(isWithinBusinessHours(calendar, tokyo(start), tokyo(end))).toBe(expected);
  });
});

describe('closingTimeAfter', () => {
  it.each([
    ['Monday morning', officeCalendar, '2024-06-10T10:00', '2024-06-10T18:00'],
    ['Monday opening instant', officeCalendar, '2024-06-10T09:00', '2024-06-10T18:00'],
    ['last minute of Monday', officeCalendar, '2024-06-10T17:59:59.999', '2024-06-10T18:00'],
    ['before a timed closure', officeCalendar, '2024-06-13T11:00', '2024-06-13T12:00'],
    ['special Friday', officeCalendar, '2024-06-14T15:00', '2024-06-14T20:00'],
    ['00:00–24:00 runs on to the next closure', allDayCalendar, '2024-06-18T23:00', '2024-06-20T00:00'],
  ])('%s: %s closes at %s', (_label, calendar, t, expected) => {
    expect(closingTimeAfter(calendar, tokyo(t))).toBe(tokyo(expected));
  });

  it.each([
    ['at closing time (half-open)', '2024-06-10T18:00'],
    ['before opening', '2024-06-10T08:59'],
    ['inside a timed closure', '2024-06-13T12:30'],
    ['all-day closure', '2024-06-12T10:00'],
  ])('%s → null', (_label, t) => {
    expect(closingTimeAfter(officeCalendar, tokyo(t))).toBeNull();
  });

  it('a facility open around the clock closes at the lookahead horizon', () => {
    const always: Calendar = { ...allDayCalendar, closures: [] };
    expect(closingTimeAfter(always, tokyo('2024-06-10T10:00'), 2)).toBe(tokyo('2024-06-13T00:00'));
    expect(closingTimeAfter(always, tokyo('2024-06-10T10:00'))).toBe(tokyo('2024-06-10T00:00') + 32 * DAY);
  });
});

describe('15-minute grid', () => {
  it.each([
    ['2024-06-10T10:00', true],
    ['2024-06-10T10:45', true],
    ['2024-06-10T10:07', false],
    ['2024-06-10T10:15:30', false],
    ['2024-06-10T10:15:00.001', false],
  ])('isOnGrid(%s) = %s', (t, expected) => {
    expect(isOnGrid(tokyo(t), ZONE)).toBe(expected);
  });

  it('uses local minutes (Asia/Kathmandu is UTC+05:45)', () => {
    expect(isOnGrid(Date.UTC(2024, 5, 10, 0, 0), 'Asia/Kathmandu')).toBe(true);
    expect(isOnGrid(Date.UTC(2024, 5, 10, 0, 15), 'Asia/Kathmandu')).toBe(true);
    expect(isOnGrid(Date.UTC(2024, 5, 10, 0, 5), 'Asia/Kathmandu')).toBe(false);
  });

  it.each([
    ['2024-06-10T10:00', '2024-06-10T10:00'],
    ['2024-06-10T10:00:00.001', '2024-06-10T10:15'],
    ['2024-06-10T10:07', '2024-06-10T10:15'],
    ['2024-06-10T10:15:01', '2024-06-10T10:30'],
    ['2024-06-10T23:50', '2024-06-11T00:00'],
  ])('ceilToGrid(%s) = %s', (t, expected) => {
    expect(ceilToGrid(tokyo(t), ZONE)).toBe(tokyo(expected));
  });

  it.each([
    ['2024-06-10T10:00', '2024-06-10T10:00'],
    ['2024-06-10T10:14:59.999', '2024-06-10T10:00'],
    ['2024-06-10T10:29', '2024-06-10T10:15'],
  ])('floorToGrid(%s) = %s', (t, expected) => {
    expect(floorToGrid(tokyo(t), ZONE)).toBe(tokyo(expected));
  });

  it('slotStarts lists every slot start of [start, end)', () => {
    expect(slotStarts(tokyo('2024-06-10T10:00'), tokyo('2024-06-10T11:00'))).toEqual(
      ['10:00', '10:15', '10:30', '10:45'].map((t) => tokyo(`2024-06-10T${t}`)),
    );
    expect(slotStarts(tokyo('2024-06-10T10:00'), tokyo('2024-06-10T10:00'))).toEqual([]);
  });

  it('ceilToGrid is on the grid, at or after t, less than 15 minutes later', () => {
    fc.assert(
      fc.property(fc.integer({ min: tokyo('2020-01-01T00:00'), max: tokyo('2030-01-01T00:00') }), (t) => {
        const c = ceilToGrid(t, ZONE);
        expect(isOnGrid(c, ZONE)).toBe(true);
        expect(c).toBeGreaterThanOrEqual(t);
        expect(c - t).toBeLessThan(SLOT_MS);
      }),
    );
  });
});

describe('dayGrid', () => {
  it('Monday: 36 open slots 09:00–18:00', () => {
    const grid = dayGrid(officeCalendar, '2024-06-10');
    expect(grid).toHaveLength(36);
    expect(grid[0]).toEqual({ start: tokyo('2024-06-10T09:00'), end: tokyo('2024-06-10T09:15'), open: true });
    expect(grid.at(-1)?.end).toBe(tokyo('2024-06-10T18:00'));
    expect(grid.every((s) => s.open)).toBe(true);
  });

  it('Thursday: the four closure slots 12:00–13:00 are closed', () => {
    const grid = dayGrid(officeCalendar, '2024-06-13');
    expect(grid).toHaveLength(36);
    expect(grid.filter((s) => !s.open).map((s) => s.start)).toEqual(
      ['12:00', '12:15', '12:30', '12:45'].map((t) => tokyo(`2024-06-13T${t}`)),
    );
  });

  it('all-day closure: the regular hours shown, every slot closed', () => {
    const grid = dayGrid(officeCalendar, '2024-06-12');
    expect(grid).toHaveLength(36);
    expect(grid.some((s) => s.open)).toBe(false);
  });

  it('special open Sunday: 10:00–15:00', () => {
    const grid = dayGrid(officeCalendar, '2024-06-16');
    expect(grid).toHaveLength(20);
    expect(grid[0]?.start).toBe(tokyo('2024-06-16T10:00'));
  });

  it('no hours that day → []', () => {
    expect(dayGrid(officeCalendar, '2024-06-09')).toEqual([]);
  });

  it('gaps between two entries of a day are closed slots', () => {
    const cal: Calendar = {
      ...officeCalendar,
      regularHours: [
        { weekday: 1, open: '09:00', close: '10:00' },
        { weekday: 1, open: '10:30', close: '11:00' },
      ],
    };
    expect(dayGrid(cal, '2024-06-10').map((s) => s.open)).toEqual([true, true, true, true, false, false, true, true]);
  });

  it('off-grid hours are widened to the grid; partial slots are closed', () => {
    const cal: Calendar = {
      ...officeCalendar,
      regularHours: [{ weekday: 1, open: '09:10', close: '09:50' }],
    };
    const grid = dayGrid(cal, '2024-06-10');
    expect(grid.map((s) => [s.start, s.open])).toEqual([
      [tokyo('2024-06-10T09:00'), false],
      [tokyo('2024-06-10T09:15'), true],
      [tokyo('2024-06-10T09:30'), true],
      [tokyo('2024-06-10T09:45'), false],
    ]);
  });

  it('a booking is within business hours iff every one of its slots is an open grid slot', () => {
    const openSlots = new Set<number>();
    for (let date = '2024-06-09'; date <= '2024-06-17'; date = addDays(date, 1)) {
      for (const slot of dayGrid(officeCalendar, date)) if (slot.open) openSlots.add(slot.start);
    }
    const base = tokyo('2024-06-09T00:00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 * 96 }), fc.integer({ min: 1, max: 48 }), (k, n) => {
        const start = base + k * SLOT_MS;
        const end = start + n * SLOT_MS;
        const allOpen = slotStarts(start, end).every((s) => openSlots.has(s));
        expect(isWithinBusinessHours(officeCalendar, start, end)).toBe(allOpen);
      }),
    );
  });

  it('grid slots are 15 minutes long and contiguous', () => {
    const grid = dayGrid(officeCalendar, '2024-06-14');
    expect(grid.every((s) => s.end - s.start === SLOT_MS)).toBe(true);
    expect(grid.slice(1).every((s, i) => s.start === grid[i]?.end)).toBe(true);
    expect(grid.at(-1)?.end).toBe(tokyo('2024-06-14T20:00'));
    expect((grid.at(-1)?.end ?? 0) - (grid[0]?.start ?? 0)).toBe(8 * HOUR);
  });
});

describe('unitedCalendar (§2: what a facility shows of its spaces’ calendars)', () => {
  const seats: SpaceCalendar = {
    regularHours: [
      { weekday: 1, open: '09:00', close: '12:00' },
      { weekday: 2, open: '09:00', close: '18:00' },
    ],
    specialOpenDays: [{ date: '2024-06-16', open: '10:00', close: '12:00', title: '社内用' }],
    closures: [
      { closureId: 'a', date: '2024-06-12', allDay: true },
      { closureId: 'b', date: '2024-06-13', from: '12:00', to: '13:00' },
      { closureId: 'c', date: '2024-06-14', from: '09:00', to: '10:00' },
    ],
  };
  const room: SpaceCalendar = {
    regularHours: [
      { weekday: 1, open: '12:00', close: '20:00' },
      { weekday: 6, open: '10:00', close: '24:00' },
    ],
    specialOpenDays: [{ date: '2024-06-16', open: '11:00', close: '15:00' }],
    closures: [
      { closureId: 'x', date: '2024-06-12', from: '00:00', to: '24:00' },
      { closureId: 'y', date: '2024-06-13', allDay: true },
    ],
  };

  it('unites the hours of each weekday and special day (touching ranges merge), without titles', () => {
    const united = unitedCalendar([seats, room]);
    expect(united.regularHours).toEqual([
      { weekday: 1, open: '09:00', close: '20:00' },
      { weekday: 2, open: '09:00', close: '18:00' },
      { weekday: 6, open: '10:00', close: '24:00' },
    ]);
    expect(united.specialOpenDays).toEqual([{ date: '2024-06-16', open: '10:00', close: '15:00' }]);
  });

  it('shows only the closures that close every space', () => {
    expect(unitedCalendar([seats, room]).closures).toEqual([
      { date: '2024-06-12', allDay: true },
      { date: '2024-06-13', from: '12:00', to: '13:00' },
    ]);
    expect(unitedCalendar([seats]).closures).toHaveLength(3);
  });

  it('is closed every day without spaces', () => {
    expect(unitedCalendar([])).toEqual({ regularHours: [], specialOpenDays: [], closures: [] });
  });

  it('is what calendarOf and bookingCalendars zone: a pending change is a second calendar to fit', () => {
    const facility = { timeZone: ZONE };
    expect(calendarOf(facility, { calendar: seats })).toEqual({ timeZone: ZONE, ...seats });
    const now = tokyo('2024-06-10T10:00');
    expect(bookingCalendars(facility, { calendar: seats, calendarPending: null }, now)).toHaveLength(1);
    const pending = { calendar: room, since: now - CALENDAR_CHANGE_MAX_MS + 1 };
    expect(bookingCalendars(facility, { calendar: seats, calendarPending: pending }, now)[1]).toEqual({
      timeZone: ZONE,
      ...room,
    });
    // a change pending longer than any API call was interrupted: it narrows nothing any more
    const interrupted = { calendar: room, since: now - CALENDAR_CHANGE_MAX_MS };
    expect(bookingCalendars(facility, { calendar: seats, calendarPending: interrupted }, now)).toHaveLength(1);
  });
});
