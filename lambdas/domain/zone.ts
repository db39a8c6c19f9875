/**
 * Time-zone math on the platform's `Intl.DateTimeFormat`, without a date library: offsets, local fields, local
 * date/time → instant, ISO text, and pure calendar-date arithmetic.
 *
 * Why not luxon: it was ~70 KiB of every Lambda bundle for the handful of operations below (issue 19). Why it
 * mirrors luxon step by step: the answers must stay exactly what they were — same instant for a local time that
 * does not exist or happens twice (DST), same ISO text — and the property tests (test/unit/domain/zone.test.ts)
 * prove it against luxon 3.7 as an oracle. So the algorithms below are luxon's (IANAZone.offset, fixOffset,
 * tsToObj, toISO), re-stated; do not "simplify" them without rerunning those tests. One deliberate difference: luxon
 * read the wall clock to resolve a local midnight, this does not (see {@link instantOf}).
 *
 * Zone names are resolved as luxon resolves them: `utc`/`gmt` (any case) are the fixed zero offset (ISO `Z`),
 * `utc+3`/`UTC-05:30` fixed offsets, `local`/`system`/`default` the runtime's own zone, anything else an IANA name
 * that `Intl` must know (else the zone is invalid and every answer is `NaN`/`null`).
 */

/** Epoch milliseconds (as `Instant` in model.ts). */
type Millis = number;

/** A date of the proleptic Gregorian calendar, without a zone. */
export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** A wall-clock date and time (as luxon's `DateTime.c`). */
export interface LocalFields extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** An instant seen in a zone: the instant, the zone's offset there (minutes east of UTC), and its wall clock. */
export interface Zoned {
  readonly ts: Millis;
  /** Minutes east of UTC; fractional for the few historic offsets with seconds (as luxon: `-44.5` → `-00:44`). */
  readonly offset: number;
  readonly local: LocalFields;
}

/** A resolved zone: its offset at an instant, and whether it is a fixed offset (luxon's `isUniversal`). */
interface Zone {
  readonly valid: boolean;
  readonly fixed: boolean;
  offset(ts: Millis): number;
}

/** The largest |epoch ms| a `Date` holds; luxon calls anything beyond an invalid instant. */
const MAX_DATE = 8.64e15;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// ── Zones ────────────────────────────────────────────────────────────────────────────────────────────────────

const zones = new Map<string, Zone>();

const INVALID_ZONE: Zone = { valid: false, fixed: false, offset: () => Number.NaN };
const SYSTEM_ZONE: Zone = { valid: true, fixed: false, offset: (ts) => -new Date(ts).getTimezoneOffset() };
const fixedZone = (minutes: number): Zone => ({ valid: true, fixed: true, offset: () => minutes });

/** luxon's `FixedOffsetZone.parseSpecifier`: `utc`, `utc+9`, `utc-05:30` (case-insensitive). */
const FIXED_RE = /^utc(?:([+-]\d{1,2})(?::(\d{2}))?)?$/i;

function fixedSpecifier(name: string): Zone | null {
  const m = FIXED_RE.exec(name);
  if (!m) return null;
  let hours = Number.parseInt(m[1] ?? '', 10);
  if (Number.isNaN(hours)) hours = 0;
  const minutes = Number.parseInt(m[2] ?? '', 10) || 0;
  // `-0:30` is half an hour west: the sign is the hours' even when they are (minus) zero.
  return fixedZone(hours * 60 + (hours < 0 || Object.is(hours, -0) ? -minutes : minutes));
}

/**
 * One formatter per IANA zone, reused: creating an `Intl.DateTimeFormat` costs far more than formatting with one.
 * The options are luxon's (en-US, 24-hour, with the era so that years before 1 AD read right).
 */
function ianaZone(name: string): Zone {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat('en-US', {
      hour12: false,
      timeZone: name,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    dtf.format();
  } catch {
    return INVALID_ZONE;
  }
  // Offsets already asked for, by instant: a zone's offset at an instant never changes while the process runs, and
  // callers ask for the same instants again (a day's slots end where the next begin; every request of a warm function
  // reads the same days). Emptied when full, which keeps it small.
  const known = new Map<Millis, number>();
  return {
    valid: true,
    fixed: false,
    offset(ts) {
      const cached = known.get(ts);
      if (cached !== undefined) return cached;
      const offset = ianaOffset(dtf, ts);
      if (known.size >= OFFSET_CACHE_SIZE) known.clear();
      known.set(ts, offset);
      return offset;
    },
  };
}

/** How many offsets each zone keeps (a day of 15-minute slots is 97 instants). */
const OFFSET_CACHE_SIZE = 2048;

/** luxon's `IANAZone.offset`: the zone's wall clock at `ts` (to the second) less `ts` (floored to its second). */
function ianaOffset(dtf: Intl.DateTimeFormat, ts: Millis): number {
  const date = new Date(ts);
  if (Number.isNaN(date.getTime())) return Number.NaN;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const { type, value } of dtf.formatToParts(date)) {
    if (type === 'year') year = Number.parseInt(value, 10);
    else if (type === 'month') month = Number.parseInt(value, 10);
    else if (type === 'day') day = Number.parseInt(value, 10);
    else if (type === 'hour') hour = Number.parseInt(value, 10);
    else if (type === 'minute') minute = Number.parseInt(value, 10);
    else if (type === 'second') second = Number.parseInt(value, 10);
    else if (type === 'era') bc = value === 'BC';
  }
  if (bc) year = -Math.abs(year) + 1;
  // Some ICU versions print midnight as 24 with `hour12: false`.
  if (hour === 24) hour = 0;
  const asUtc = localMillis({ year, month, day, hour, minute, second, millisecond: 0 });
  // The wall clock has whole seconds: compare it with the instant floored to its second.
  const over = ts % 1000;
  const flooredTs = ts - (over >= 0 ? over : 1000 + over);
  return (asUtc - flooredTs) / MINUTE_MS;
}

function resolveZone(name: string): Zone {
  const lowered = name.toLowerCase();
  if (lowered === 'default' || lowered === 'local' || lowered === 'system') return SYSTEM_ZONE;
  if (lowered === 'utc' || lowered === 'gmt') return fixedZone(0);
  return fixedSpecifier(lowered) ?? (name ? ianaZone(name) : INVALID_ZONE);
}

function zoneOf(name: string): Zone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = resolveZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/** Whether `zone` names a zone (an IANA name the runtime knows, `UTC`, a `utc±h[:mm]` offset). */
export function isValidZone(zone: string): boolean {
  return zoneOf(zone).valid;
}

/** The offset of `zone` at `t`, in minutes east of UTC (`540` in Tokyo); `NaN` for an invalid zone or instant. */
export function offsetAt(t: Millis, zone: string): number {
  return zoneOf(zone).offset(t);
}

// ── Wall clocks ──────────────────────────────────────────────────────────────────────────────────────────────

/** Epoch ms of a wall clock read as if it were UTC; out-of-range fields roll over (day 32 → next month). */
function localMillis(f: LocalFields): Millis {
  const ms = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  if (f.year >= 0 && f.year < 100) {
    // Date.UTC reads years 0–99 as 1900–1999: set the year again (and the month and day, for 29 Feb).
    const d = new Date(ms);
    d.setUTCFullYear(f.year, f.month - 1, f.day);
    return d.getTime();
  }
  return ms;
}

function fieldsAt(ts: Millis, offset: number): LocalFields {
  const d = new Date(ts + offset * MINUTE_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

function zoned(ts: Millis, offset: number): Zoned | null {
  const local = fieldsAt(ts, offset);
  return Number.isNaN(local.year) ? null : { ts, offset, local };
}

/**
 * `t` seen in `zone` (luxon's `DateTime.fromMillis(t, { zone })`); `null` for an invalid zone or an instant out of
 * the `Date` range.
 */
export function localParts(t: Millis, zone: string): Zoned | null {
  const z = zoneOf(zone);
  if (!z.valid || t < -MAX_DATE || t > MAX_DATE) return null;
  return zoned(t, z.offset(t));
}

/**
 * The instant of a wall clock in `zone`, starting from a guessed offset `guess` (luxon's `fixOffset`; `null` for an
 * invalid zone). Where the answer is not unique the guess decides, which is why callers pass the offset of a nearby
 * instant:
 * - An ordinary wall clock: the guess is checked, and corrected once when the zone's offset there differs.
 * - A wall clock that happens twice (clocks set back): the first offset tried that agrees with itself wins, so a
 *   guess from before the change (e.g. that day's midnight) picks the earlier offset, the first occurrence.
 * - A wall clock that never happens (clocks set forward, e.g. 02:30 on a spring-forward day in New York): the two
 *   offsets tried disagree; the time is read with the offset from before the change (the smaller one), which lands
 *   after the change, i.e. it moves forward by the gap (02:30 EST = 03:30 EDT).
 * The result's offset is the one luxon keeps for it (the larger one in a gap).
 */
export function resolveLocal(local: LocalFields, guess: number, zone: string): Zoned | null {
  const z = zoneOf(zone);
  if (!z.valid) return null;
  const localTs = localMillis(local);
  let utcGuess = localTs - guess * MINUTE_MS;
  const o2 = z.offset(utcGuess);
  if (guess === o2) return zoned(utcGuess, guess);
  utcGuess -= (o2 - guess) * MINUTE_MS;
  const o3 = z.offset(utcGuess);
  if (o2 === o3) return zoned(utcGuess, o2);
  return zoned(localTs - Math.min(o2, o3) * MINUTE_MS, Math.max(o2, o3));
}

/**
 * The instant of `date` at `minutes` after its midnight in `zone` (1440 = the next day's 00:00); `NaN` for an invalid
 * zone. As luxon's `DateTime.fromObject(date, { zone }).set({ hour, minute })` (or `.plus({ days: 1 })` for 1440):
 * midnight first, then the time from midnight's offset, so a time that happens twice on a clocks-back day is its
 * first occurrence and a time that does not exist moves forward by the gap. A midnight that does not exist (zones
 * that change at 00:00) becomes the first wall clock after the gap, and the times of that day keep its date;
 * `24:00` then keeps its hour too (as luxon does).
 *
 * Midnight itself is resolved from the offset a day before it (the offset in force before any change that day), so
 * a midnight that happens twice (clocks set back at 01:00 to 00:00, as in Havana) is its first occurrence. luxon
 * guessed from the offset in force at the moment of the call instead, which made that one case depend on the season
 * the code ran in; pure rules read no wall clock (test/unit/architecture), and every other answer is the same.
 */
export function instantOf(date: CivilDate, minutes: number, zone: string): Millis {
  const fields = { year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, millisecond: 0 };
  const midnight = resolveLocal(fields, offsetAt(localMillis(fields) - DAY_MS, zone), zone);
  if (midnight === null) return Number.NaN;
  const target =
    minutes === 24 * 60
      ? { ...midnight.local, day: midnight.local.day + 1 }
      : { ...midnight.local, hour: Math.floor(minutes / 60), minute: minutes % 60 };
  return resolveLocal(target, midnight.offset, zone)?.ts ?? Number.NaN;
}

// ── Text ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** luxon's `padStart`: zero-padded digits, the sign in front (`-1`, 4 → `-0001`). */
const pad = (n: number, width = 2): string =>
  n < 0 ? `-${String(-n).padStart(width, '0')}` : String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a date (luxon's `toFormat('yyyy-MM-dd')`: `10000-01-01`, `-0001-12-31`). */
export function formatDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * ISO 8601 with the offset, milliseconds only when not zero (luxon's `toISO({ suppressMilliseconds: true })`):
 * `2026-11-24T14:00:00+09:00`; `Z` only in a fixed zero-offset zone (`UTC`), `+00:00` in London in winter.
 */
export function toIso(z: Zoned, zone: string): string {
  const { year, month, day, hour, minute, second, millisecond } = z.local;
  const long = year > 9999 || year < 0;
  let text = `${long && year >= 0 ? '+' : ''}${pad(year, long ? 6 : 4)}-${pad(month)}-${pad(day)}`;
  text += `T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (millisecond !== 0) text += `.${pad(millisecond, 3)}`;
  const o = z.offset;
  if (zoneOf(zone).fixed && o === 0) return `${text}Z`;
  const abs = Math.abs(o);
  return `${text}${o < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}:${pad(Math.trunc(abs % 60))}`;
}

// ── Calendar dates ───────────────────────────────────────────────────────────────────────────────────────────

const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** The month `n` months after `year`-`month` (negative `n` goes back): `2026-11` + 3 = `2027-02`. */
export function monthsAfter(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + Math.trunc(n);
  const y = Math.floor(index / 12);
  return { year: y, month: index - y * 12 + 1 };
}

/** Days in a month; `month` may run past 1–12 (month 13 = January of the next year). */
export function daysInMonth(year: number, month: number): number {
  const m = (((month - 1) % 12) + 12) % 12;
  const y = year + (month - 1 - m) / 12;
  return m === 1 ? (isLeapYear(y) ? 29 : 28) : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m] as number);
}

/** Days from 1970-01-01 to `d` (negative before). Integer arithmetic, no `Date` (Hinnant's days_from_civil). */
export function dayNumber(d: CivilDate): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `n` days after 1970-01-01 (Hinnant's civil_from_days). */
export function dateOfDayNumber(n: number): CivilDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(d: CivilDate): number {
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** Whether year, month and day name a real date (any integer year, as luxon allows). */
export function isRealDate(d: CivilDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}
