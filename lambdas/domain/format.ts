import { DateTime } from 'luxon';
import type { Instant } from './model';

/** An instant as ISO 8601 in the facility's zone, without milliseconds: `2026-11-24T14:00:00+09:00`. */
export function toZonedIso(t: Instant, timeZone: string): string {
  const iso = DateTime.fromMillis(t, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  if (iso === null) throw new RangeError(`Cannot format ${t} in ${timeZone}`);
  return iso;
}

/** `YYYY-MM-DDTHH:mm[:ss[.sss]]` with `Z` or `±HH:mm` (calendar dates only, at most milliseconds). */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant that carries an offset or `Z`; `null` when it does not. */
export function parseInstant(text: string): Instant | null {
  if (!INSTANT_PATTERN.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}
