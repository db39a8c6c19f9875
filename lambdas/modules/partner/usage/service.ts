/**
 * The partner's usage screens (api.md "Partner routes": usage/current, visits, guests, reservations; 004 §3-3), for
 * every operator role of the partner, never another's: who is in now, and the visits, guests and reservations of a date
 * range. A facility or space named must be the partner's (404 otherwise, as for anything not theirs); the lists read
 * only the partner's own partition of the usage index, so nothing of another partner is ever listed.
 */
import type { GuestStatus } from '../../../../contracts/http/usage';
import type { VisitStatus } from '../../../../contracts/http/visits';
import type { Facility, Reservation, Space } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import { partnerIdOf } from '../../../platform/identity';
import { ownedBy, ownedByPartner } from '../../../platform/tenancy';
import type { ReservationRepository } from '../../booking';
import type { CatalogReads, FacilityRepository, SpaceRepository } from '../../catalog';
import type { Visit, VisitGuest, VisitRepository } from '../../dropin';
import { feeRecordId, reservationRecordId, type SalesLedger, type SalesRecord } from '../../ledger';
import {
  checkCsvSize,
  decodeListCursor,
  encodeListCursor,
  type IndexRead,
  inRange,
  type ListPage,
  type ListPosition,
  readPage,
  type UsageList,
} from './listing';
import { guestsInSearch, indexRange, reservationInSearch, type UsageSearch, visitInSearch } from './rules/search';

export interface UsagePorts {
  facilities: CatalogReads['facilities'] & Pick<FacilityRepository, 'listFacilities'>;
  spaces: CatalogReads['spaces'] & Pick<SpaceRepository, 'getSpaces'>;
  visits: Pick<VisitRepository, 'presentAt' | 'pageOfPartner'>;
  reservations: Pick<ReservationRepository, 'pageOfPartner'>;
  ledger: Pick<SalesLedger, 'getMany'>;
}

export async function currentUsage(
  deps: Pick<UsagePorts, 'facilities' | 'visits'>,
  identity: Identity,
  facilityId?: string,
): Promise<Visit[]> {
  if (facilityId) ownedByPartner(identity, await deps.facilities.getFacility(facilityId), 'Facility');
  return deps.visits.presentAt(partnerIdOf(identity), facilityId);
}

/** Where an item of a list is: its facility's and its space's names (the site shows names), and the space. */
export interface Place {
  facilityName: string;
  spaceName: string;
  /** The space as it is now (its options' names); absent if it is gone. */
  space?: Space;
}

/** A page of a list's rows, and the cursor of the page after it. */
export interface UsagePage<R> {
  items: R[];
  nextCursor?: string;
}

/** The facilities and spaces read so far, by id. */
interface Known {
  facilities: Map<string, Facility>;
  spaces: Map<string, Space>;
}

/**
 * The facilities the search covers, read once (their names and zones known afterwards): the facility it names, or the
 * one of the space it names, each the partner's (404 otherwise: another partner's, none, or a space of another
 * facility than the one named); else every facility of the partner's.
 */
async function ownSearch(deps: UsagePorts, partnerId: string, search: UsageSearch): Promise<Known> {
  const known: Known = { facilities: new Map(), spaces: new Map() };
  if (search.facilityId !== undefined) {
    const facility = ownedBy(partnerId, await deps.facilities.getFacility(search.facilityId), 'Facility');
    known.facilities.set(facility.facilityId, facility);
  }
  if (search.spaceId !== undefined) {
    const space = await deps.spaces.getSpace(search.spaceId);
    const inNamed =
      space && (search.facilityId === undefined || space.facilityId === search.facilityId) ? space : undefined;
    const facility = inNamed
      ? (known.facilities.get(inNamed.facilityId) ?? (await deps.facilities.getFacility(inNamed.facilityId)))
      : undefined;
    const own = ownedBy(partnerId, facility, 'Space');
    known.facilities.set(own.facilityId, own);
    if (inNamed) known.spaces.set(inNamed.spaceId, inNamed);
  }
  if (known.facilities.size === 0) {
    for (const facility of await deps.facilities.listFacilities()) {
      if (facility.partnerId === partnerId) known.facilities.set(facility.facilityId, facility);
    }
  }
  return known;
}

/**
 * The place of each item: the spaces not read yet, read at once (a batch); the facilities are the search's, read
 * before (one that is not, or no longer, the partner's is named by its id).
 */
async function placesOf(
  deps: UsagePorts,
  known: Known,
  items: readonly { spaceId: string }[],
): Promise<(item: { facilityId: string; spaceId: string }) => Place> {
  const spaceIds = [...new Set(items.map((i) => i.spaceId))].filter((id) => !known.spaces.has(id));
  if (spaceIds.length > 0) {
    for (const space of await deps.spaces.getSpaces(spaceIds)) known.spaces.set(space.spaceId, space);
  }
  return ({ facilityId, spaceId }) => {
    const space = known.spaces.get(spaceId);
    return {
      facilityName: known.facilities.get(facilityId)?.name ?? facilityId,
      spaceName: space?.name ?? spaceId,
      ...(space ? { space } : {}),
    };
  };
}

/**
 * What a list reads: the facilities searched, the index range of the search's dates in their zones, and where the
 * page starts (its cursor, checked to be of this list before anything is read, and of this search's range). Null when
 * the search covers no facility: nothing to list.
 */
async function searchOf(list: UsageList, deps: UsagePorts, partnerId: string, search: UsageSearch, page: ListPage) {
  const cursor = page.cursor === undefined ? undefined : decodeListCursor(list, page.cursor);
  const known = await ownSearch(deps, partnerId, search);
  const range = indexRange(
    search,
    [...known.facilities.values()].map((f) => f.timeZone),
  );
  if (!range) return null;
  return { known, range, ...(cursor ? { start: inRange(cursor, range) } : {}) };
}

/** The next page's cursor, if any. */
const cursorOf = (list: UsageList, next: ListPosition | undefined) =>
  next ? { nextCursor: encodeListCursor(list, next) } : {};

/** Reads of the partner's visits by check-in within `range` (again at a visit whose other guests are to come). */
const visitReads =
  (deps: UsagePorts, partnerId: string, range: { from: number; to: number }): IndexRead<Visit> =>
  (start, limit) =>
    deps.visits.pageOfPartner(partnerId, range, {
      limit,
      ...(start ? { start: { checkedInAt: start.at, visitId: start.id, inclusive: start.guestId !== undefined } } : {}),
    });

const visitPosition = (visit: Visit): ListPosition => ({ at: visit.checkedInAt, id: visit.visitId });

/** A visit of the visits list, with its place. */
export interface UsageVisit extends Place {
  visit: Visit;
}

/**
 * The partner's open-space visits that checked in on a date of the search (facility time), newest first: a page, or
 * the whole search for a CSV answer (422 over its lines).
 */
export async function usageVisits(
  deps: UsagePorts,
  identity: Identity,
  search: UsageSearch & { status?: VisitStatus },
  page: ListPage,
): Promise<UsagePage<UsageVisit>> {
  const partnerId = partnerIdOf(identity);
  const searched = await searchOf('visits', deps, partnerId, search, page);
  if (!searched) return { items: [] };
  const { known, range, start } = searched;
  const { rows, next } = await readPage(
    visitReads(deps, partnerId, range),
    visitPosition,
    (visit) => (visitInSearch(visit, search) ? [{ row: visit }] : []),
    { ...page, ...(start ? { start } : {}) },
  );
  checkCsvSize(page, rows.length);
  const placeOf = await placesOf(deps, known, rows);
  return { items: rows.map((visit) => ({ visit, ...placeOf(visit) })), ...cursorOf('visits', next) };
}

/** A guest of the guests list: the guest, its visit, their place. */
export interface UsageGuest extends Place {
  visit: Visit;
  guest: VisitGuest;
}

/**
 * The guests of the partner's open-space visits that checked in on a date of the search, newest visit first and each
 * visit's guests in their order: a page (which may end within a visit's guests), or the whole search for a CSV answer.
 */
export async function usageGuests(
  deps: UsagePorts,
  identity: Identity,
  search: UsageSearch & { status?: GuestStatus },
  page: ListPage,
): Promise<UsagePage<UsageGuest>> {
  const partnerId = partnerIdOf(identity);
  const searched = await searchOf('guests', deps, partnerId, search, page);
  if (!searched) return { items: [] };
  const { known, range, start } = searched;
  const { rows, next } = await readPage(
    visitReads(deps, partnerId, range),
    visitPosition,
    (visit, afterGuest) =>
      guestsInSearch(visit, search, afterGuest).map((guest) => ({ row: { visit, guest }, guestId: guest.guestId })),
    { ...page, ...(start ? { start } : {}) },
  );
  checkCsvSize(page, rows.length);
  const placeOf = await placesOf(
    deps,
    known,
    rows.map((r) => r.visit),
  );
  return { items: rows.map((row) => ({ ...row, ...placeOf(row.visit) })), ...cursorOf('guests', next) };
}

/** A reservation of the reservations list: its place, and its own sales records (settlement first, then its fee). */
export interface UsageReservation extends Place {
  reservation: Reservation;
  records: SalesRecord[];
}

/** Reservations that still hold their time: nothing is billed for them yet (lines come at settlement or cancellation). */
const HELD: readonly Reservation['status'][] = ['requested', 'confirmed', 'checkedIn'];

/**
 * The partner's reservations that start on a date of the search (facility time), latest start first, each with its
 * own sales records (its settlement's and its cancellation fee's, read at once): a page, or the whole search for CSV.
 */
export async function usageReservations(
  deps: UsagePorts,
  identity: Identity,
  search: UsageSearch & { status?: Reservation['status'] },
  page: ListPage,
): Promise<UsagePage<UsageReservation>> {
  const partnerId = partnerIdOf(identity);
  const searched = await searchOf('reservations', deps, partnerId, search, page);
  if (!searched) return { items: [] };
  const { known, range, start } = searched;
  const { rows, next } = await readPage<Reservation, Reservation>(
    (from, limit) =>
      deps.reservations.pageOfPartner(partnerId, range, {
        limit,
        ...(from ? { after: { start: from.at, reservationId: from.id } } : {}),
      }),
    (reservation) => ({ at: reservation.start, id: reservation.reservationId }),
    (reservation) => (reservationInSearch(reservation, search) ? [{ row: reservation }] : []),
    { ...page, ...(start ? { start } : {}) },
  );
  checkCsvSize(page, rows.length);
  const placeOf = await placesOf(deps, known, rows);
  const ended = rows.filter((r) => !HELD.includes(r.status)).map((r) => r.reservationId);
  const recordIds = ended.flatMap((id) => [reservationRecordId(id), feeRecordId(id)]);
  const records = recordIds.length > 0 ? await deps.ledger.getMany(recordIds) : [];
  const recordsOf = (id: string) =>
    [reservationRecordId(id), feeRecordId(id)].flatMap((recordId) => records.filter((r) => r.recordId === recordId));
  return {
    items: rows.map((reservation) => ({
      reservation,
      ...placeOf(reservation),
      records: recordsOf(reservation.reservationId),
    })),
    ...cursorOf('reservations', next),
  };
}
