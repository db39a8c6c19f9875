import { DateTime } from 'luxon';
import type { Instant } from './model';

/** Parses an ISO 8601 instant that carries an offset or `Z`; `null` when it does not (the wire rule, in contracts/). */
export { parseInstant } from '../../contracts/instant';

/** An instant as ISO 8601 in the facility's zone, without milliseconds: `2026-11-24T14:00:00+09:00`. */
export function toZonedIso(t: Instant, timeZone: string): string {
  const iso = DateTime.fromMillis(t, { zone: timeZone }).toISO({ suppressMilliseconds: true });
  if (iso === null) throw new RangeError(`Cannot format ${t} in ${timeZone}`);
  return iso;
}
