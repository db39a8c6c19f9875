/**
 * A partner reads and changes its spaces' calendars (api.md "Partner routes": calendar; domain-rules §2). A change
 * that would leave held bookings outside open hours is refused and names them (409 `CALENDAR_CONFLICT`).
 *
 * No booking can slip past that check: a change is first stored as the space's pending calendar (its version
 * moves, so a booking decided on the old calendar is decided again, and from then on a booking must fit both);
 * then the space's held bookings are read (strongly consistent) and checked; then the change is stored or dropped.
 * A change interrupted half-way leaves a pending calendar that narrows bookings for at most `CALENDAR_CHANGE_MAX_MS`
 * (then it is ignored, and the next change replaces it); its version has moved, so the partner reads again.
 */
import { calendarOf, localDateOf } from '../../../domain/calendar';
import type { Facility, Instant, Space } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import type { Ids } from '../../../platform/ports';
import { ApiError, calendarConflict, notFound } from '../../../platform/problems';
import { retryOnStale, STALE } from '../../../platform/retry';
import type { CatalogDeps } from '../../catalog';
import { ownSpace } from '../spaces';
import { applyCalendarEdit, type CalendarEdit, type HeldBooking, strandedBookings } from './rules/edits';

export type CalendarPorts = {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility'>;
  spaces: Pick<CatalogDeps['spaces'], 'getSpace' | 'beginCalendarChange' | 'endCalendarChange'>;
  /** The space's held bookings (requested, confirmed, checked in) ending after a time: strongly consistent. */
  holds: { holdsOfSpace(spaceId: string, endingAfter: Instant): Promise<HeldBooking[]> };
  ids: Ids;
};

const stale = () => new ApiError('VERSION_MISMATCH', 'The calendar changed since you read it: read it again');

/** A change as the routes ask for it; a new closure gets its id here. */
export type CalendarChange =
  | Exclude<CalendarEdit, { kind: 'closure' }>
  | Omit<Extract<CalendarEdit, { kind: 'closure' }>, 'closureId'>;

/**
 * Changes the calendar of one of the caller's partner's spaces, on the calendar version the caller read
 * (`If-Match`): 412 when it is not the current one or another change lands first, 422 when the change breaks a
 * rule, 404 for a special day or closure that is not there, 409 when it would strand held bookings. Nothing is
 * changed then. Answers the space with its new calendar (and the id of a closure it made).
 *
 * Without a version (adding a closure, a `POST` that needs no `If-Match`) the change is made on the calendar as
 * it stands, and made again on the new one when another change lands first.
 */
export function changeCalendar(
  deps: CalendarPorts,
  identity: Identity,
  spaceId: string,
  change: CalendarChange,
  expectedVersion: number | undefined,
  now: Instant,
): Promise<{ space: Space; facility: Facility; closureId?: string }> {
  return retryOnStale(async () => {
    try {
      return await changeOnce(deps, identity, spaceId, change, expectedVersion, now);
    } catch (error) {
      if (expectedVersion === undefined && error instanceof ApiError && error.code === 'VERSION_MISMATCH') return STALE;
      throw error;
    }
  }, stale);
}

async function changeOnce(
  deps: CalendarPorts,
  identity: Identity,
  spaceId: string,
  change: CalendarChange,
  asked: number | undefined,
  now: Instant,
): Promise<{ space: Space; facility: Facility; closureId?: string }> {
  const { space, facility } = await ownSpace(deps, identity, spaceId);
  const expectedVersion = asked ?? space.calendarVersion;
  if (space.calendarVersion !== expectedVersion) throw stale();
  const closureId = change.kind === 'closure' ? deps.ids.next() : undefined;
  const edit: CalendarEdit = change.kind === 'closure' ? { ...change, closureId: closureId as string } : change;
  const outcome = applyCalendarEdit(space.calendar, edit, {
    spaceType: space.type,
    today: localDateOf(now, facility.timeZone),
  });
  if (!outcome.ok) {
    if (outcome.code === 'NOT_FOUND') throw notFound(outcome.what);
    const detail = outcome.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new ApiError('INVALID_SPACE_CONFIG', detail, outcome.problems);
  }
  const { calendar } = outcome;
  if (!(await deps.spaces.beginCalendarChange(spaceId, expectedVersion, calendar, now))) throw stale();
  const began = expectedVersion + 1;
  const holds = await deps.holds.holdsOfSpace(spaceId, now);
  const stranded = strandedBookings(calendarOf(facility, { calendar }), holds, now);
  if (stranded.length > 0) {
    await deps.spaces.endCalendarChange(spaceId, began, null);
    throw calendarConflict(stranded);
  }
  if (!(await deps.spaces.endCalendarChange(spaceId, began, calendar))) throw stale();
  const changed: Space = { ...space, calendar, calendarVersion: began + 1, calendarPending: null };
  return { space: changed, facility, ...(closureId ? { closureId } : {}) };
}
