import type { Instant } from './model';
import { localParts, toIso } from './zone';

/** Parses an ISO 8601 instant that carries an offset or `Z`; `null` when it does not (the wire rule, in contracts/). */
export { parseInstant } from '../../contracts/instant';

/** An instant as ISO 8601 in the facility's zone, without milliseconds: `2026-11-24T14:00:00+09:00`. */
export function toZonedIso(t: Instant, timeZone: string): string {
  const zoned = localParts(t, timeZone);
  if (zoned === null) throw new RangeError(`Cannot format ${t} in ${timeZone}`);
  return toIso(zoned, timeZone);
}
