/**
 * When the system's timers fire (domain-rules §3, §5).
 */
import { addDays, atLocal, localDateOf } from './calendar';
import type { Instant } from './model';

/** The local time at which unanswered requests are cancelled. */
export const REQUEST_EXPIRY_TIME = '01:00';

/**
 * When an unanswered booking request is cancelled automatically: 01:00 (facility time) on the second day
 * after the local date it was made (made 2020-12-10 14:24 Tokyo → 2020-12-12 01:00 Tokyo).
 */
export function requestExpiresAt(requestedAt: Instant, zone: string): Instant {
  return atLocal(addDays(localDateOf(requestedAt, zone), 2), REQUEST_EXPIRY_TIME, zone);
}
