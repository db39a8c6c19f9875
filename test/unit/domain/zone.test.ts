/**
 * The Intl-based zone math (lambdas/domain/zone.ts and what calendar, format, usage-period and contract build on it)
 * answers exactly as the luxon code it replaced: luxon 3.7 (a devDependency) is the oracle, and the functions below
 * marked "luxon" are the replaced implementations, verbatim but for one deliberate change (see `luxon.atLocal`). Random instants over 1970–2100 (and the whole `Date`
 * range), random local dates and times, and every DST change of the test zones with the minutes around it.
 */
import fc from 'fast-check';
import { DateTime, type DateTimeJSOptions } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  atLocal,
  ceilToGrid,
  daysBetween,
  floorToGrid,
  formatLocalDate,
  isOnGrid,
  isoWeekday,
  localDateOf,
  parseLocalDate,
} from '../../../lambdas/domain/calendar';
import { contractPeriod, contractPeriodStart } from '../../../lambdas/domain/contract';
import { toZonedIso } from '../../../lambdas/domain/format';
import { calendarMonth } from '../../../lambdas/domain/usage-period';
import { isValidZone, localParts, offsetAt } from '../../../lambdas/domain/zone';

// ── The replaced luxon implementations (the oracle) ───────────────────────────────────────────────────────────

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const luxon = {
  parseLocalDate(date: string): DateTime<true> {
    const d = DATE_RE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
    if (!d?.isValid) throw new RangeError(`Invalid local date: ${date}`);
    return d;
  },
  inZone(t: number, zone: string): DateTime<true> {
    const dt = DateTime.fromMillis(t, { zone });
    if (!dt.isValid) throw new RangeError(`Invalid instant or time zone: ${t} ${zone}`);
    return dt;
  },
  localDateOf: (t: number, zone: string) => luxon.inZone(t, zone).toFormat('yyyy-MM-dd'),
  atLocal(date: string, time: string, zone: string): number {
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    const minutes = hh * 60 + mm;
    const d = luxon.parseLocalDate(date);
    // The one deliberate change: midnight is resolved from the offset a day before it, not the offset at the time of
    // the call (luxon's `specificOffset` is that guess; without it luxon reads the wall clock).
    const dayBefore = Date.UTC(d.year, d.month - 1, d.day) - 86_400_000;
    const specificOffset = DateTime.fromMillis(dayBefore, { zone }).offset;
    const midnight = DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, {
      zone,
      specificOffset,
    } as DateTimeJSOptions);
    if (!midnight.isValid) throw new RangeError(`Invalid time zone: ${zone}`);
    if (minutes === 24 * 60) return midnight.plus({ days: 1 }).toMillis();
    return midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
  },
  addDays: (date: string, n: number) => luxon.parseLocalDate(date).plus({ days: n }).toFormat('yyyy-MM-dd'),
  daysBetween: (from: string, to: string) =>
    Math.round(luxon.parseLocalDate(to).diff(luxon.parseLocalDate(from), 'days').days),
  isOnGrid(t: number, zone: string): boolean {
    const dt = luxon.inZone(t, zone);
    return dt.minute % 15 === 0 && dt.second === 0 && dt.millisecond === 0;
  },
  floorToGrid(t: number, zone: string): number {
    const dt = luxon.inZone(t, zone);
    return dt
      .startOf('minute')
      .minus({ minutes: dt.minute % 15 })
      .toMillis();
  },
  ceilToGrid: (t: number, zone: string) => (luxon.isOnGrid(t, zone) ? t : luxon.floorToGrid(t, zone) + 15 * 60_000),
  toZonedIso(t: number, timeZone: string): string {
    const iso = DateTime.fromMillis(t, { zone: timeZone }).toISO({ suppressMilliseconds: true });
    if (iso === null) throw new RangeError(`Cannot format ${t} in ${timeZone}`);
    return iso;
  },
  calendarMonth(date: string) {
    const day = DateTime.fromISO(date, { zone: 'UTC' });
    return { start: day.startOf('month').toISODate() as string, end: day.endOf('month').toISODate() as string };
  },
  contractPeriodStart(contractStart: string, k: number): string {
    const purchase = luxon.parseLocalDate(contractStart);
    const month = purchase.startOf('month').plus({ months: k });
    return month.set({ day: Math.min(purchase.day, month.daysInMonth) }).toFormat('yyyy-MM-dd');
  },
  contractPeriod(contractStart: string, today: string) {
    const s = luxon.parseLocalDate(contractStart);
    const t = luxon.parseLocalDate(today);
    let k = Math.max(0, (t.year - s.year) * 12 + (t.month - s.month));
    if (k > 0 && today < luxon.contractPeriodStart(contractStart, k)) k -= 1;
    return {
      start: luxon.contractPeriodStart(contractStart, k),
      end: luxon.addDays(luxon.contractPeriodStart(contractStart, k + 1), -1),
    };
  },
};

/** Both answer the same value, or both throw a RangeError. */
function same<T>(actual: () => T, expected: () => T): void {
  let want: { value: T } | { error: unknown };
  try {
    want = { value: expected() };
  } catch (error) {
    want = { error };
  }
  if ('error' in want) {
    expect(want.error).toBeInstanceOf(RangeError);
    expect(actual).toThrow(RangeError);
  } else {
    expect(actual()).toStrictEqual(want.value);
  }
}

// ── Inputs ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Tokyo (the facilities' zone), UTC, and zones with what can go wrong: DST at 02:00 (New York), at 01:00 UTC
 * (London, which also kept +01:00 all year until 1971), a 30-minute DST (Lord Howe), a +05:45 offset that was +05:30
 * until 1986 (Kathmandu), DST changes at midnight (Havana, Santiago, São Paulo until 2019), a whole day skipped
 * (Apia, 2011-12-30), an offset with seconds (Monrovia, -00:44:30 until 1972), and the fixed-offset names luxon reads
 * itself.
 */
const IANA_ZONES = [
  'Asia/Tokyo',
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Havana',
  'America/Santiago',
  'America/Sao_Paulo',
  'Pacific/Apia',
  'Africa/Monrovia',
  'Etc/UTC',
];
const ZONES = [...IANA_ZONES, 'utc', 'GMT', 'utc+3', 'UTC-05:30', 'utc-0:30', 'local', 'system', 'default'];
const INVALID_ZONES = ['', 'Mars/Olympus', 'utc+', 'Asia/Tokyo ', '+09:00'];

const zone = fc.constantFrom(...ZONES);
const T_1970 = Date.UTC(1970, 0, 1);
const T_2100 = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
/** An instant over 1970–2100, to the millisecond or on whole minutes (as bookings are). */
const instant = fc.oneof(
  fc.integer({ min: T_1970, max: T_2100 }),
  fc.integer({ min: T_1970 / 60_000, max: Math.floor(T_2100 / 60_000) }).map((m) => m * 60_000),
);
const MAX_DATE = 8.64e15;
const anyInstant = fc.oneof(fc.integer({ min: -MAX_DATE - 1e9, max: MAX_DATE + 1e9 }), instant);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** `YYYY-MM-DD` texts over 1970–2100, some not real dates (day 29–31 of short months). */
const localDate = fc
  .record({
    year: fc.integer({ min: 1970, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`);
/** Any text of the `YYYY-MM-DD` shape (years 0000–9999, months 00–19, days 00–39), and some of no such shape. */
const anyDateText = fc.oneof(
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 19 }),
      day: fc.integer({ min: 0, max: 39 }),
    })
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`),
  fc.constantFrom('2024-2-01', '20240201', '2024-02-01T00:00', '', '2024-W05-1'),
);
const localTime = fc.oneof(
  fc.integer({ min: 0, max: 24 * 4 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 24 * 60 }),
);
const timeText = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * Every offset change of the IANA test zones over 1970–2100, to the minute: found with luxon (the oracle), day by
 * day, then by bisection.
 */
function transitions(name: string): number[] {
  const found: number[] = [];
  const off = (t: number) => DateTime.fromMillis(t, { zone: name }).offset;
  // A week apart: no test zone changes its offset twice within a week.
  const WEEK = 7 * 86_400_000;
  let before = off(T_1970);
  for (let t = T_1970; t < T_2100; t += WEEK) {
    const after = off(t + WEEK);
    if (after !== before) {
      let [lo, hi] = [t, t + WEEK];
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (off(mid) === before) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    before = after;
  }
  return found;
}

const CHANGES = IANA_ZONES.flatMap((name) => transitions(name).map((t) => ({ zone: name, t })));

/** A local date and time within 3 hours of a DST (or other offset) change, on either side's wall clock. */
const nearChange = fc
  .record({
    change: fc.constantFrom(...CHANGES),
    delta: fc.integer({ min: -180, max: 180 }),
    side: fc.constantFrom(-1, 0),
  })
  .map(({ change, delta, side }) => {
    // The wall clock just before (side -1) or at the change, `delta` minutes later on the same date (clamped).
    const wall = DateTime.fromMillis(change.t + side * 60_000, { zone: change.zone });
    const minutes = Math.min(24 * 60, Math.max(0, wall.hour * 60 + wall.minute + delta));
    return {
      zone: change.zone,
      date: wall.toFormat('yyyy-MM-dd'),
      time: timeText(minutes),
      t: change.t + delta * 60_000,
    };
  });

afterEach(() => {
  vi.useRealTimers();
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────────────────────

describe('zone.ts against luxon', () => {
  it('finds the DST changes it is tested on', () => {
    const count = (name: string) => CHANGES.filter((c) => c.zone === name).length;
    expect(count('America/New_York')).toBeGreaterThan(250);
    expect(count('Australia/Lord_Howe')).toBeGreaterThan(200);
    expect(count('Asia/Kathmandu')).toBe(1);
    expect(count('Pacific/Apia')).toBeGreaterThan(10);
    expect(count('Asia/Tokyo')).toBe(0);
  });

  it('validates zone names as luxon does', () => {
    for (const name of [...ZONES, ...INVALID_ZONES]) {
      expect(isValidZone(name), name).toBe(DateTime.fromMillis(0, { zone: name }).isValid);
    }
  });

  it('offsetAt and localParts: the offset and wall clock of any instant, in any zone', () => {
    fc.assert(
      fc.property(anyInstant, zone, (t, name) => {
        const dt = DateTime.fromMillis(t, { zone: name });
        const z = localParts(t, name);
        if (!dt.isValid) {
          expect(z).toBeNull();
          return;
        }
        expect(offsetAt(t, name)).toBe(dt.offset);
        expect(z).toStrictEqual({ ts: t, offset: dt.offset, local: dt.toObject() });
      }),
      { numRuns: 3000 },
    );
  });

  it('the edges of the Date range, years 0–99 and before 1 AD: the same text', () => {
    const edges = [
      -MAX_DATE,
      MAX_DATE,
      -MAX_DATE - 1,
      MAX_DATE + 1,
      Date.UTC(2000, 0, 1) - 1,
      new Date('0050-02-28T23:30:00Z').getTime(),
      new Date('0000-02-29T12:00:00Z').getTime(),
      new Date('-000001-12-31T23:59:59.999Z').getTime(),
      Number.NaN,
    ];
    for (const t of edges) {
      for (const name of ZONES) {
        same(
          () => toZonedIso(t, name),
          () => luxon.toZonedIso(t, name),
        );
      }
    }
    for (const date of ['0000-01-01', '0050-02-28', '0099-12-31', '9999-12-31']) {
      for (const name of ZONES) {
        expect(atLocal(date, '00:00', name)).toBe(luxon.atLocal(date, '00:00', name));
        expect(atLocal(date, '24:00', name)).toBe(luxon.atLocal(date, '24:00', name));
      }
    }
  });

  it('an invalid zone has no offset and no wall clock', () => {
    for (const name of INVALID_ZONES) {
      expect(offsetAt(0, name)).toBeNaN();
      expect(localParts(0, name)).toBeNull();
    }
    expect(offsetAt(Number.NaN, 'Asia/Tokyo')).toBeNaN();
  });

  it('toZonedIso: the same text for any instant, in any zone', () => {
    fc.assert(
      fc.property(anyInstant, fc.constantFrom(...ZONES, ...INVALID_ZONES), (t, name) => {
        same(
          () => toZonedIso(t, name),
          () => luxon.toZonedIso(t, name),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('toZonedIso and localDateOf around every DST change', () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: -60_000, max: 60_000 }), ({ zone: name, t }, ms) => {
        expect(toZonedIso(t + ms, name)).toBe(luxon.toZonedIso(t + ms, name));
        expect(localDateOf(t + ms, name)).toBe(luxon.localDateOf(t + ms, name));
      }),
      { numRuns: 2000 },
    );
  });

  it('localDateOf, isOnGrid, floorToGrid, ceilToGrid: the same for any instant, in any zone', () => {
    fc.assert(
      fc.property(fc.oneof(instant, anyInstant), fc.constantFrom(...ZONES, ...INVALID_ZONES), (t, name) => {
        same(
          () => localDateOf(t, name),
          () => luxon.localDateOf(t, name),
        );
        same(
          () => isOnGrid(t, name),
          () => luxon.isOnGrid(t, name),
        );
        same(
          () => floorToGrid(t, name),
          () => luxon.floorToGrid(t, name),
        );
        same(
          () => ceilToGrid(t, name),
          () => luxon.ceilToGrid(t, name),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('floorToGrid and ceilToGrid around every DST change', () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: -900_000, max: 900_000 }), ({ zone: name, t }, ms) => {
        expect(floorToGrid(t + ms, name)).toBe(luxon.floorToGrid(t + ms, name));
        expect(ceilToGrid(t + ms, name)).toBe(luxon.ceilToGrid(t + ms, name));
      }),
      { numRuns: 2000 },
    );
  });

  it('atLocal: the same instant for any local date and time, in any zone', () => {
    fc.assert(
      fc.property(localDate, localTime, fc.constantFrom(...ZONES, ...INVALID_ZONES), (date, minutes, name) => {
        same(
          () => atLocal(date, timeText(minutes), name),
          () => luxon.atLocal(date, timeText(minutes), name),
        );
      }),
      { numRuns: 3000 },
    );
  });

  // luxon resolved a day's midnight from the offset in force *now*: a midnight that happens twice depended on the
  // season of the call. atLocal reads no clock: the same answers with "now" in either season of either hemisphere.
  it.each([
    ['January', Date.UTC(2026, 0, 15, 3)],
    ['July', Date.UTC(2026, 6, 15, 3)],
  ])('atLocal around every DST change: gaps move forward, overlaps as luxon (now in %s)', (_, now) => {
    vi.useFakeTimers({ toFake: ['Date'], now });
    fc.assert(
      fc.property(nearChange, ({ zone: name, date, time }) => {
        expect(atLocal(date, time, name)).toBe(luxon.atLocal(date, time, name));
      }),
      { numRuns: 3000 },
    );
  });

  it('atLocal on local dates that hold a change (all of 2024–2030, every 8th else), at every quarter hour', () => {
    const [from, to] = [Date.UTC(2024, 0, 1), Date.UTC(2031, 0, 1)];
    const sample = CHANGES.filter(({ t }, i) => (from <= t && t < to) || i % 8 === 0);
    const dates = new Set(
      sample.flatMap(({ zone: name, t }) => [
        `${name} ${luxon.localDateOf(t - 1, name)}`,
        `${name} ${luxon.localDateOf(t, name)}`,
      ]),
    );
    // Apia skipped 2011-12-30 altogether (from UTC-10 to UTC+14).
    dates.add('Pacific/Apia 2011-12-30');
    for (const entry of dates) {
      const [name, date] = entry.split(' ') as [string, string];
      for (let q = 0; q <= 96; q++) {
        expect(atLocal(date, timeText(q * 15), name), `${entry} ${timeText(q * 15)}`).toBe(
          luxon.atLocal(date, timeText(q * 15), name),
        );
      }
    }
  }, 60_000);

  it('atLocal: a midnight that happens twice is its first occurrence, whatever the season of the call', () => {
    // Havana set its clocks back from 01:00 to 00:00 on 2026-11-01: 00:00–01:00 happened twice.
    const havana = 'America/Havana';
    for (const now of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
      vi.useFakeTimers({ toFake: ['Date'], now });
      expect(toZonedIso(atLocal('2026-11-01', '00:00', havana), havana)).toBe('2026-11-01T00:00:00-04:00');
      expect(toZonedIso(atLocal('2026-11-01', '00:30', havana), havana)).toBe('2026-11-01T00:30:00-04:00');
      expect(toZonedIso(atLocal('2026-11-01', '01:00', havana), havana)).toBe('2026-11-01T01:00:00-05:00');
    }
  });

  it('atLocal: known answers in New York (02:30 does not exist, 01:30 happens twice)', () => {
    const ny = 'America/New_York';
    expect(toZonedIso(atLocal('2026-03-08', '02:30', ny), ny)).toBe('2026-03-08T03:30:00-04:00');
    expect(toZonedIso(atLocal('2026-11-01', '01:30', ny), ny)).toBe('2026-11-01T01:30:00-04:00');
    expect(toZonedIso(atLocal('2026-11-01', '24:00', ny), ny)).toBe('2026-11-02T00:00:00-05:00');
    expect(toZonedIso(atLocal('2026-11-24', '14:00', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe('2026-11-24T14:00:00+09:00');
    expect(toZonedIso(atLocal('2026-10-04', '02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe')).toBe(
      '2026-10-04T02:45:00+11:00',
    );
  });

  it('date arithmetic: parseLocalDate, addDays, daysBetween, isoWeekday, formatLocalDate', () => {
    fc.assert(
      fc.property(anyDateText, anyDateText, fc.integer({ min: -800_000, max: 800_000 }), (a, b, n) => {
        same(
          () => {
            const { year, month, day, weekday } = parseLocalDate(a);
            return { year, month, day, weekday };
          },
          () => {
            const { year, month, day, weekday } = luxon.parseLocalDate(a);
            return { year, month, day, weekday };
          },
        );
        same(
          () => formatLocalDate(parseLocalDate(a)),
          () => luxon.parseLocalDate(a).toFormat('yyyy-MM-dd'),
        );
        same(
          () => addDays(a, n),
          () => luxon.addDays(a, n),
        );
        same(
          () => addDays(a, n % 400),
          () => luxon.addDays(a, n % 400),
        );
        same(
          () => daysBetween(a, b),
          () => luxon.daysBetween(a, b),
        );
        same(
          () => isoWeekday(a),
          () => luxon.parseLocalDate(a).weekday,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('addDays with a fractional count moves as luxon did (by its floor)', () => {
    for (const n of [1.5, -1.5, 0.25, -0.25]) expect(addDays('2026-03-01', n)).toBe(luxon.addDays('2026-03-01', n));
  });

  it('calendarMonth, contractPeriodStart and contractPeriod: the same months', () => {
    fc.assert(
      fc.property(localDate, localDate, fc.integer({ min: -1300, max: 1300 }), (a, b, k) => {
        fc.pre(parseLocalDateOk(a));
        expect(calendarMonth(a)).toStrictEqual(luxon.calendarMonth(a));
        expect(contractPeriodStart(a, k)).toBe(luxon.contractPeriodStart(a, k));
        same(
          () => contractPeriod(a, b),
          () => luxon.contractPeriod(a, b),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('calendarMonth throws for a text that is not a date (luxon answered nulls)', () => {
    expect(() => calendarMonth('2024-02-30')).toThrow(RangeError);
  });
});

function parseLocalDateOk(date: string): boolean {
  try {
    luxon.parseLocalDate(date);
    return true;
  } catch {
    return false;
  }
}
