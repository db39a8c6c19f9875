/**
 * Which visits, guests and reservations a partner's usage lists show (api.md "Partner routes": usage/visits, guests,
 * reservations; 004 §3-3): those of a date range in facility time, both dates included, on the visit's check-in or the
 * reservation's start, narrowed by facility, space, company (its name exactly) and status. Pure.
 */
import type { GuestStatus } from '../../../../../contracts/http/usage';
import type { VisitStatus } from '../../../../../contracts/http/visits';
import { atLocal, localDateOf } from '../../../../domain/calendar';
import type { Instant, LocalDate, Reservation } from '../../../../domain/model';

/** A usage list's search; an absent field does not narrow it. */
export interface UsageSearch {
  from: LocalDate;
  to: LocalDate;
  facilityId?: string;
  spaceId?: string;
  /** Matched exactly: the name as the answers show it. */
  companyName?: string;
}

/**
 * The instants `[from, to)` of the search's dates in the zones of the facilities searched (one, or each of the
 * partner's): what the index is read over (its keys are UTC), before each item is held to its own facility's dates
 * ({@link onSearchDates}). Null without a zone: the partner has no facility, so nothing to list.
 */
export function indexRange(
  search: Pick<UsageSearch, 'from' | 'to'>,
  zones: readonly string[],
): { from: Instant; to: Instant } | null {
  if (zones.length === 0) return null;
  return {
    from: Math.min(...zones.map((zone) => atLocal(search.from, '00:00', zone))),
    to: Math.max(...zones.map((zone) => atLocal(search.to, '24:00', zone))),
  };
}

/** Whether `t` falls on one of the search's dates in `zone` (the item's facility's). */
export function onSearchDates(t: Instant, zone: string, search: Pick<UsageSearch, 'from' | 'to'>): boolean {
  const date = localDateOf(t, zone);
  return date >= search.from && date <= search.to;
}

/** What the search narrows of an item of a facility's. */
interface Placed {
  facilityId: string;
  spaceId: string;
  companyName?: string | null;
  timeZone: string;
}

/** What the search reads of a guest of a visit (the drop-in module's `VisitGuest`). */
interface SearchedGuest {
  guestId: string;
  checkedOutAt: Instant | null;
}

/** What the search reads of a visit (the drop-in module's `Visit`). */
interface SearchedVisit<G extends SearchedGuest = SearchedGuest> extends Placed {
  checkedInAt: Instant;
  status: VisitStatus;
  guests: readonly G[];
}

function inSearch(item: Placed, at: Instant, search: UsageSearch): boolean {
  return (
    (search.facilityId === undefined || item.facilityId === search.facilityId) &&
    (search.spaceId === undefined || item.spaceId === search.spaceId) &&
    (search.companyName === undefined || item.companyName === search.companyName) &&
    onSearchDates(at, item.timeZone, search)
  );
}

/** Whether the visits list shows a visit: checked in on a date of the search, and in the status asked for. */
export const visitInSearch = (visit: SearchedVisit, search: UsageSearch & { status?: VisitStatus }): boolean =>
  inSearch(visit, visit.checkedInAt, search) && (search.status === undefined || visit.status === search.status);

/** Whether the reservations list shows a reservation: starting on a date of the search, in the status asked for. */
export const reservationInSearch = (
  reservation: Reservation,
  search: UsageSearch & { status?: Reservation['status'] },
): boolean =>
  inSearch(reservation, reservation.start, search) &&
  (search.status === undefined || reservation.status === search.status);

/** A guest is in until their own checkout. */
export const guestStatusOf = (guest: Pick<SearchedGuest, 'checkedOutAt'>): GuestStatus =>
  guest.checkedOutAt === null ? 'in' : 'out';

/**
 * The guests the guests list shows of a visit, in the visit's order: none unless the visit is in the search (its
 * check-in date, facility, space, company), then those in the status asked for; only those after `after` (a guest of
 * the visit listed on the page before) when given.
 */
export function guestsInSearch<G extends SearchedGuest>(
  visit: SearchedVisit<G>,
  search: UsageSearch & { status?: GuestStatus },
  after?: string,
): G[] {
  if (!inSearch(visit, visit.checkedInAt, search)) return [];
  const from = after === undefined ? 0 : visit.guests.findIndex((g) => g.guestId === after) + 1;
  return visit.guests
    .slice(from)
    .filter((guest) => search.status === undefined || guestStatusOf(guest) === search.status);
}
