/**
 * Calendar rules (domain-rules §2): local dates in the facility's zone, business hours, special open days,
 * temporary closures and the 15-minute grid. All zone math goes through `./zone` (Intl-based; it answers as luxon did,
 * DST gaps and overlaps included).
 *
 * Choices where the rules are silent:
 * - An hours entry whose close is not after its open is ignored (no overnight entries: a facility open past
 *   midnight registers `…–24:00` and `00:00–…` on the next day; such intervals merge).
 * - Several entries for the same weekday (or special date) are united.
 * - An all-day closure closes the whole local date `[00:00, 24:00)` (TIMEWORK stores it as 00:00–23:59).
 */
import type { Calendar, Closure, Facility, Instant, LocalDate, LocalTime, Space, SpaceCalendar } from './model';
import {
  type CivilDate,
  dateOfDayNumber,
  dayNumber,
  formatDate,
  instantOf,
  isRealDate,
  localParts,
  resolveLocal,
  weekdayOf,
  type Zoned,
} from './zone';

/** A space's calendar in its facility's zone: what the rules below read for that space. */
export function calendarOf(facility: Pick<Facility, 'timeZone'>, space: Pick<Space, 'calendar'>): Calendar {
  return { timeZone: facility.timeZone, ...space.calendar };
}

/**
 * How long a calendar change may be pending. A change is one API call (API Gateway ends every call within 30 s): one
 * still pending after this was interrupted, and no longer narrows bookings.
 */
export const CALENDAR_CHANGE_MAX_MS = 60_000;

/**
 * The calendars a new booking (or extension) of a space must fit at `now`: its calendar and, while a change of it is
 * being checked against held bookings, the pending one too.
 */
export function bookingCalendars(
  facility: Pick<Facility, 'timeZone'>,
  space: Pick<Space, 'calendar' | 'calendarPending'>,
  now: Instant,
): Calendar[] {
  const pending = space.calendarPending;
  const checked = pending && now - pending.since < CALENDAR_CHANGE_MAX_MS;
  return [calendarOf(facility, space), ...(checked ? [{ timeZone: facility.timeZone, ...pending.calendar }] : [])];
}

/** Length of one booking slot, in minutes. */
export const SLOT_MINUTES = 15;
/** One minute, in milliseconds. */
export const MINUTE_MS = 60_000;
/** Length of one booking slot, in milliseconds. */
export const SLOT_MS = SLOT_MINUTES * MINUTE_MS;
/** How many days `closingTimeAfter` follows an interval that stays open across midnight. */
export const CLOSING_LOOKAHEAD_DAYS = 31;

/** A half-open interval `[start, end)` of instants. */
export type Interval = [Instant, Instant];

/** One 15-minute cell of a day's grid. */
export interface GridSlot {
  start: Instant;
  end: Instant;
  open: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** A local date's parts, with its ISO weekday (1 = Monday … 7 = Sunday). */
export interface ParsedDate extends CivilDate {
  readonly weekday: number;
}

/**
 * A local date's parts (for pure date arithmetic).
 * @throws RangeError when the text is not a real `YYYY-MM-DD` date.
 */
export function parseLocalDate(date: LocalDate): ParsedDate {
  const m = DATE_RE.exec(date);
  const d = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!d || !isRealDate(d)) throw new RangeError(`Invalid local date: ${date}`);
  return { ...d, weekday: weekdayOf(d) };
}

function inZone(t: Instant, zone: string): Zoned {
  const z = localParts(t, zone);
  if (z === null) throw new RangeError(`Invalid instant or time zone: ${t} ${zone}`);
  return z;
}

/**
 * Minutes since local midnight of an `HH:mm` time (`24:00` → 1440).
 * @throws RangeError when the text is not a valid `HH:mm` (or `24:00`).
 */
export function minutesOfDay(time: LocalTime): number {
  const m = TIME_RE.exec(time);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  const valid = m !== null && minutes < 60 && (hours < 24 || (hours === 24 && minutes === 0));
  if (!valid) throw new RangeError(`Invalid local time: ${time}`);
  return hours * 60 + minutes;
}

/** The `YYYY-MM-DD` text of a date's parts. */
export function formatLocalDate(d: CivilDate): LocalDate {
  return formatDate(d);
}

/** The local date (`YYYY-MM-DD`) of an instant in `zone`. */
export function localDateOf(t: Instant, zone: string): LocalDate {
  return formatDate(inZone(t, zone).local);
}

/**
 * The instant of a local date and time in `zone`; `24:00` is the next day's 00:00. A time that happens twice (clocks
 * set back) is its first occurrence; a time that does not exist (clocks set forward) moves forward by the gap
 * (see {@link instantOf}).
 */
export function atLocal(date: LocalDate, time: LocalTime, zone: string): Instant {
  const minutes = minutesOfDay(time);
  const t = instantOf(parseLocalDate(date), minutes, zone);
  if (Number.isNaN(t)) throw new RangeError(`Invalid time zone: ${zone}`);
  return t;
}

/** The local date `n` days after `date` (negative `n` goes back). */
export function addDays(date: LocalDate, n: number): LocalDate {
  return formatDate(dateOfDayNumber(dayNumber(parseLocalDate(date)) + Math.floor(n)));
}

/** Calendar days from `from` to `to` (0 on the same date, negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(parseLocalDate(to)) - dayNumber(parseLocalDate(from));
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return parseLocalDate(date).weekday;
}

/** Sorts intervals and merges the overlapping or touching ones; empty intervals are dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Removes every `cuts` interval from `intervals`; the result is merged and sorted. */
export function subtractIntervals(intervals: readonly Interval[], cuts: readonly Interval[]): Interval[] {
  let rest = mergeIntervals(intervals);
  for (const [cs, ce] of mergeIntervals(cuts)) {
    rest = rest.flatMap(([s, e]): Interval[] => {
      if (ce <= s || cs >= e) return [[s, e]];
      const parts: Interval[] = [];
      if (s < cs) parts.push([s, cs]);
      if (ce < e) parts.push([ce, e]);
      return parts;
    });
  }
  return rest;
}

/**
 * A date's hours before closures: the special open day's hours when the date has one (they replace the
 * regular hours), else the regular hours of its weekday. Sorted, merged; `[]` when closed.
 */
export function scheduledIntervals(calendar: Calendar, date: LocalDate): Interval[] {
  const special = calendar.specialOpenDays.filter((d) => d.date === date);
  const weekday = isoWeekday(date);
  const entries = special.length > 0 ? special : calendar.regularHours.filter((h) => h.weekday === weekday);
  return mergeIntervals(
    entries.map((e): Interval => [atLocal(date, e.open, calendar.timeZone), atLocal(date, e.close, calendar.timeZone)]),
  );
}

function closureInterval(closure: Closure, zone: string): Interval {
  if (closure.allDay === true) return [atLocal(closure.date, '00:00', zone), atLocal(closure.date, '24:00', zone)];
  return [atLocal(closure.date, closure.from, zone), atLocal(closure.date, closure.to, zone)];
}

/** The temporary closures registered for `date`, as intervals. */
export function closureIntervals(calendar: Calendar, date: LocalDate): Interval[] {
  return mergeIntervals(
    calendar.closures.filter((c) => c.date === date).map((c) => closureInterval(c, calendar.timeZone)),
  );
}

/**
 * The open intervals of a local date: special-day hours (or regular hours) minus that date's closures.
 * Sorted and non-overlapping.
 */
export function openIntervals(calendar: Calendar, date: LocalDate): Interval[] {
  return subtractIntervals(scheduledIntervals(calendar, date), closureIntervals(calendar, date));
}

/** The open intervals of every date from `from` to `to` (inclusive), merged across midnight. */
export function openIntervalsBetween(calendar: Calendar, from: LocalDate, to: LocalDate): Interval[] {
  const all: Interval[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) all.push(...openIntervals(calendar, date));
  return mergeIntervals(all);
}

/**
 * Whether `[start, end)` lies wholly inside the facility's open hours (closures excluded). Open intervals
 * that touch across midnight merge, so a 00:00–24:00 facility accepts 23:00–01:00. `end ≤ start` → false.
 */
export function isWithinBusinessHours(calendar: Calendar, start: Instant, end: Instant): boolean {
  if (!(end > start)) return false;
  const zone = calendar.timeZone;
  const open = openIntervalsBetween(calendar, localDateOf(start, zone), localDateOf(end - 1, zone));
  return open.some(([s, e]) => s <= start && end <= e);
}

/**
 * The end of the merged open interval containing `t`, following it across midnight for at most
 * `lookaheadDays` days (a facility open around the clock "closes" there); `null` when `t` is closed.
 */
export function closingTimeAfter(
  calendar: Calendar,
  t: Instant,
  lookaheadDays: number = CLOSING_LOOKAHEAD_DAYS,
): Instant | null {
  let date = localDateOf(t, calendar.timeZone);
  const containing = openIntervals(calendar, date).find(([s, e]) => s <= t && t < e);
  if (!containing) return null;
  let close = containing[1];
  for (let i = 0; i < lookaheadDays; i++) {
    date = addDays(date, 1);
    const next = openIntervals(calendar, date).find(([s]) => s === close);
    if (!next) break;
    close = next[1];
  }
  return close;
}

/** Whether `t` is on the local 15-minute grid: minutes a multiple of 15, zero seconds and milliseconds. */
export function isOnGrid(t: Instant, zone: string): boolean {
  const { minute, second, millisecond } = inZone(t, zone).local;
  return minute % SLOT_MINUTES === 0 && second === 0 && millisecond === 0;
}

/**
 * The latest local 15-minute boundary at or before `t`: the local minute's start (resolved from `t`'s own offset, so
 * it stays on the same side of a clocks-back change), then whole minutes back in elapsed time.
 */
export function floorToGrid(t: Instant, zone: string): Instant {
  const z = inZone(t, zone);
  const minuteStart = resolveLocal({ ...z.local, second: 0, millisecond: 0 }, z.offset, zone);
  if (minuteStart === null) throw new RangeError(`Invalid instant or time zone: ${t} ${zone}`);
  return minuteStart.ts - (z.local.minute % SLOT_MINUTES) * MINUTE_MS;
}

/** `t` when it is on the grid, else the next local 15-minute boundary. */
export function ceilToGrid(t: Instant, zone: string): Instant {
  return isOnGrid(t, zone) ? t : floorToGrid(t, zone) + SLOT_MS;
}

/** Every 15-minute slot start in `[start, end)`, stepping from `start`. */
export function slotStarts(start: Instant, end: Instant): Instant[] {
  const out: Instant[] = [];
  for (let t = start; t < end; t += SLOT_MS) out.push(t);
  return out;
}

/**
 * The 15-minute grid of a date: slots from the first opening to the last closing of its scheduled hours
 * (special-day or regular hours, before closures); a slot is open only when wholly inside an open interval
 * (closures and gaps between entries are closed). No hours that day → `[]`.
 */
export function dayGrid(calendar: Calendar, date: LocalDate): GridSlot[] {
  const scheduled = scheduledIntervals(calendar, date);
  const first = scheduled[0];
  const last = scheduled[scheduled.length - 1];
  if (!first || !last) return [];
  const open = openIntervals(calendar, date);
  const zone = calendar.timeZone;
  return slotStarts(floorToGrid(first[0], zone), ceilToGrid(last[1], zone)).map((start) => {
    const end = start + SLOT_MS;
    return { start, end, open: open.some(([s, e]) => s <= start && end <= e) };
  });
}

const timeOfMinutes = (minutes: number): LocalTime =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Unites `[open, close)` local-time ranges: sorted, overlapping or touching ones merged, empty ones dropped. */
function uniteTimes(entries: ReadonlyArray<{ open: LocalTime; close: LocalTime }>) {
  const merged = mergeIntervals(entries.map((e): Interval => [minutesOfDay(e.open), minutesOfDay(e.close)]));
  return merged.map(([open, close]) => ({ open: timeOfMinutes(open), close: timeOfMinutes(close) }));
}

/** Whether closure `c` (its date, all day or a range) lies inside one of `others` on the same date. */
function closureCovered(c: Closure, others: readonly Closure[]): boolean {
  const range = (x: Closure): [number, number] =>
    x.allDay === true ? [0, 24 * 60] : [minutesOfDay(x.from), minutesOfDay(x.to)];
  const [from, to] = range(c);
  return others.some((o) => {
    if (o.date !== c.date) return false;
    const [s, e] = range(o);
    return s <= from && to <= e;
  });
}

/**
 * What a facility shows of the calendars of its active spaces (domain-rules §2): on each weekday and special
 * day the union of their hours, and the closures that close every one of them. Titles are the partner's own and
 * are dropped. No spaces → closed every day.
 */
export function unitedCalendar(calendars: readonly SpaceCalendar[]): SpaceCalendar {
  const regularHours = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
    uniteTimes(calendars.flatMap((c) => c.regularHours.filter((h) => h.weekday === weekday))).map((h) => ({
      weekday,
      ...h,
    })),
  );
  const dates = [...new Set(calendars.flatMap((c) => c.specialOpenDays.map((d) => d.date)))].sort();
  const specialOpenDays = dates.flatMap((date) =>
    uniteTimes(calendars.flatMap((c) => c.specialOpenDays.filter((d) => d.date === date))).map((d) => ({
      date,
      ...d,
    })),
  );
  const [first, ...rest] = calendars;
  const closures = (first?.closures ?? [])
    .filter((c) => rest.every((other) => closureCovered(c, other.closures)))
    .map(
      (c): Closure => (c.allDay === true ? { date: c.date, allDay: true } : { date: c.date, from: c.from, to: c.to }),
    );
  return { regularHours, specialOpenDays, closures };
}
