/**
 * Which booking requests a partner's list shows (api.md, "Request list filters"): by space, and by the
 * booking's start date in the facility's zone within `[from, to]` (inclusive dates).
 */
import { localDateOf } from '../../../domain/calendar';
import type { LocalDate, Reservation } from '../../../domain/model';

/** The list's filters; an absent one does not filter. */
export interface RequestFilter {
  facilityId?: string;
  spaceId?: string;
  from?: LocalDate;
  to?: LocalDate;
}

/**
 * Whether a request passes the filter: its facility and space when given, and its start's local date (in the
 * reservation's own zone, the facility's) on or after `from` and on or before `to`.
 */
export function matchesFilter(
  reservation: Pick<Reservation, 'facilityId' | 'spaceId' | 'start' | 'timeZone'>,
  filter: RequestFilter,
): boolean {
  if (filter.facilityId !== undefined && reservation.facilityId !== filter.facilityId) return false;
  if (filter.spaceId !== undefined && reservation.spaceId !== filter.spaceId) return false;
  if (filter.from === undefined && filter.to === undefined) return true;
  const date = localDateOf(reservation.start, reservation.timeZone);
  return (filter.from === undefined || date >= filter.from) && (filter.to === undefined || date <= filter.to);
}
