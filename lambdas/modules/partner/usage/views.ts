/**
 * The usage lists as the API shows them (api.md "Partner routes"; contracts/http/usage.ts): operator views (company
 * name and member number, never the member), with the names of facilities and spaces, instants in the facility's zone.
 */
import type {
  SalesLineResponse,
  UsageGuestResponse,
  UsageReservationResponse,
  UsageVisitResponse,
} from '../../../../contracts/http/usage';
import { guestView, operatorVisitView } from '../../dropin';
import { type SalesRecord, salesLineView } from '../../ledger';
import { operatorReservationView } from '../../requests';
import type { UsageGuest, UsagePage, UsageReservation, UsageVisit } from './service';

export function usageVisitView({ visit, facilityName, spaceName }: UsageVisit): UsageVisitResponse {
  return { ...operatorVisitView(visit), facilityName, spaceName };
}

export function usageGuestView({ visit, guest, facilityName, spaceName }: UsageGuest): UsageGuestResponse {
  return {
    visitId: visit.visitId,
    visitNumber: visit.number,
    companyName: visit.companyName,
    memberNumber: visit.memberNumber,
    facilityId: visit.facilityId,
    spaceId: visit.spaceId,
    facilityName,
    spaceName,
    ...guestView(guest, visit.timeZone),
  };
}

/** A record's lines as api.md's `SalesLine`s, each named by its record and its own id within it. */
export function salesLinesView(record: SalesRecord): SalesLineResponse[] {
  return record.lines.map((line) => salesLineView(record, line));
}

/**
 * A reservation of the usage list: the operator's view without a door's keypad code, its options named as the space
 * names them now (else as its sales line did, else by id), and its sales lines.
 */
export function usageReservationView({
  reservation,
  facilityName,
  spaceName,
  space,
  records,
}: UsageReservation): UsageReservationResponse {
  const { keypadCode: _keypadCode, keypad: _keypad, ...view } = operatorReservationView(reservation);
  const salesLines = records.flatMap(salesLinesView);
  const nameOf = (optionId: string) =>
    space?.options.find((o) => o.optionId === optionId)?.name ??
    salesLines.find((l) => l.item === 'option' && l.lineId.endsWith(`/option:${optionId}`))?.description ??
    optionId;
  return {
    ...view,
    facilityName,
    spaceName,
    options: reservation.options.map(({ optionId, quantity }) => ({ optionId, name: nameOf(optionId), quantity })),
    salesLines,
  };
}

/** A page of a list as the API shows it: its items in their view, and the next page's cursor when there is one. */
export const usagePageView = <T, R>(page: UsagePage<T>, view: (item: T) => R): { items: R[]; nextCursor?: string } => ({
  items: page.items.map(view),
  ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
});
