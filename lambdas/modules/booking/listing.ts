import { MAX_BOOKING_MINUTES } from '../../domain/booking-rules';
import type { Instant, Reservation } from '../../domain/model';
import { badCursor, decodeCursor, encodeCursor } from '../../platform/cursor';
import type { MemberReservationPosition, MemberReservationRange, ReservationRepository } from './data/reservation';
import { type ReservationScope, scopeOf } from './rules/scopes';

/** Reservations one answer lists when the client does not say (and at most). */
export const PAGE_LIMIT = 100;
/** Queries one page may take when reservations out of the scope are skipped; a short page still has a cursor. */
export const MAX_PAGE_QUERIES = 3;
/** A booking started this long ago may still be running (the longest booking, plus its extensions). */
const LONGEST_STAY_MS = 2 * MAX_BOOKING_MINUTES * 60_000;

/** Where each scope looks on the member's index: upcoming and current by start ascending, past newest first. */
function rangeOf(scope: ReservationScope, now: Instant): MemberReservationRange {
  if (scope === 'upcoming') return { from: now };
  if (scope === 'current') return { from: now - LONGEST_STAY_MS, to: now + 1 };
  return { descending: true };
}

/** The opaque `nextCursor`: the scope and the last reservation read. */
export const encodeReservationCursor = (scope: ReservationScope, position: MemberReservationPosition): string =>
  encodeCursor([scope, new Date(position.start).toISOString(), position.reservationId]);

/**
 * The position a cursor names.
 * @throws ApiError VALIDATION_FAILED (naming `query.cursor`) when it was not made by {@link encodeReservationCursor}
 * for this scope
 */
export function decodeReservationCursor(scope: ReservationScope, cursor: string): MemberReservationPosition {
  const [cursorScope, start, reservationId] = decodeCursor(cursor, 3) as [string, string, string];
  if (Number.isNaN(Date.parse(start)) || !/^[0-9a-f-]{36}$/.test(reservationId)) {
    throw badCursor('Not a cursor of this API');
  }
  if (cursorScope !== scope) throw badCursor(`A cursor of scope ${cursorScope}, not ${scope}`);
  return { start: Date.parse(start), reservationId };
}

/**
 * One page of a member's reservations in a scope: queries of the member's index from the cursor on, keeping
 * those in the scope, until `limit` are found, the index ends, or {@link MAX_PAGE_QUERIES} were made. `next`
 * is where the following page starts; absent on the last page.
 */
export async function reservationsInScope(
  reservations: Pick<ReservationRepository, 'pageOfMember'>,
  memberId: string,
  scope: ReservationScope,
  now: Instant,
  page: { limit: number; after?: MemberReservationPosition },
): Promise<{ items: Reservation[]; next?: MemberReservationPosition }> {
  const range = rangeOf(scope, now);
  const items: Reservation[] = [];
  let after = page.after;
  for (let query = 0; query < MAX_PAGE_QUERIES; query++) {
    // one more than the page needs: whether another follows is then known without a further query
    const read = await reservations.pageOfMember(memberId, range, { limit: page.limit + 1, after });
    for (const [i, reservation] of read.items.entries()) {
      after = { start: reservation.start, reservationId: reservation.reservationId };
      if (scopeOf(reservation, now) === scope) items.push(reservation);
      if (items.length === page.limit) {
        const moreToRead = i < read.items.length - 1 || read.more;
        return moreToRead ? { items, next: after } : { items };
      }
    }
    if (!read.more) return { items };
  }
  return after ? { items, next: after } : { items };
}
