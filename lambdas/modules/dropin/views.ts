/** Visits as the API shows them (api.md "Drop-in visits"): instants in the facility's zone. */
import type {
  OperatorVisitResponse,
  PresentVisitResponse,
  VisitGuestResponse,
  VisitResponse,
} from '../../../contracts/http/visits';
import { toZonedIso } from '../../domain/format';
import type { Instant } from '../../domain/model';
import { guestsIn, type Visit, type VisitGuest } from './rules/visit';

const zonedOrAbsent = <K extends string>(key: K, t: Instant | null, zone: string) =>
  (t === null ? {} : { [key]: toZonedIso(t, zone) }) as Partial<Record<K, string>>;

/** A guest of a visit: their own in, out and charge. */
export function guestView(guest: VisitGuest, zone: string): VisitGuestResponse {
  return {
    guestId: guest.guestId,
    checkedInAt: toZonedIso(guest.checkedInAt, zone),
    ...zonedOrAbsent('checkedOutAt', guest.checkedOutAt, zone),
    ...(guest.charge ? { charge: guest.charge } : {}),
  };
}

/** A visit as its member sees it. */
export function visitView(visit: Visit): VisitResponse {
  const zone = visit.timeZone;
  return {
    id: visit.visitId,
    number: visit.number,
    memberId: visit.memberId,
    facilityId: visit.facilityId,
    spaceId: visit.spaceId,
    status: visit.status,
    checkedInAt: toZonedIso(visit.checkedInAt, zone),
    ...zonedOrAbsent('checkedOutAt', visit.checkedOutAt, zone),
    ...zonedOrAbsent('limitEndsAt', visit.limitEndsAt, zone),
    ...zonedOrAbsent('closesAt', visit.closesAt, zone),
    uses: visit.uses,
    guests: visit.guests.map((guest) => guestView(guest, zone)),
    ...(visit.charge ? { charge: visit.charge } : {}),
  };
}

/** A visit as the partner sees it: the company and the member number, never the member. */
export function operatorVisitView(visit: Visit): OperatorVisitResponse {
  const { memberId: _memberId, ...shown } = visitView(visit);
  return { ...shown, companyName: visit.companyName, memberNumber: visit.memberNumber };
}

/** Someone in one of the partner's open spaces now, as the current-usage screen lists them. */
export function presentVisitView(visit: Visit): PresentVisitResponse {
  return {
    visitId: visit.visitId,
    number: visit.number,
    companyName: visit.companyName,
    memberNumber: visit.memberNumber,
    facilityId: visit.facilityId,
    spaceId: visit.spaceId,
    checkedInAt: toZonedIso(visit.checkedInAt, visit.timeZone),
    ...zonedOrAbsent('limitEndsAt', visit.limitEndsAt, visit.timeZone),
    guests: guestsIn(visit),
  };
}
