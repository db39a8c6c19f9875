import { MAX_BOOKING_MINUTES } from '../core/booking-rules';
import type { Instant, Reservation } from '../core/model';
import { type ReservationScope, scopeOf } from '../core/scopes';
import type { ReservationRepository } from '../data/reservations';

/** How many past reservations one answer lists, newest first. */
export const PAST_LIMIT = 100;
/** A booking started this long ago may still be running (the longest booking, plus its extensions). */
const LONGEST_STAY_MS = 2 * MAX_BOOKING_MINUTES * 60_000;

/** A member's reservations in one scope: one query on the member's index, narrowed by start. */
export async function reservationsInScope(
  reservations: ReservationRepository,
  memberId: string,
  scope: ReservationScope,
  now: Instant,
): Promise<Reservation[]> {
  const candidates =
    scope === 'upcoming'
      ? await reservations.listOfMember(memberId, { from: now })
      : scope === 'current'
        ? await reservations.listOfMember(memberId, { from: now - LONGEST_STAY_MS, to: now + 1 })
        : await reservations.listOfMember(memberId, { descending: true });
  const inScope = candidates.filter((r) => scopeOf(r, now) === scope);
  return scope === 'past' ? inScope.slice(0, PAST_LIMIT) : inScope;
}
