/**
 * What a reservation bills when its use is settled (checkout, forced checkout, no-show) or when it is cancelled with a
 * fee (domain-rules §7): its sales record, written by the caller in the same transaction as the change, under the
 * reservation's id (a retried settlement writes it once). The charge is the reserved time at the prices in force on
 * the use date, read from the space as it stands at settlement (004 資料1 ※1).
 */
import { reservedChargeOn } from '../../domain/billing';
import { calendarOf } from '../../domain/calendar';
import type { Facility, Instant, Reservation, Space } from '../../domain/model';
import type { TaggedItem } from '../../platform/dynamo/transactions';
import type { CatalogReads } from '../catalog';
import { cancellationFeeRecord, reservationRecord, type SalesLedger, type SalesParty } from '../ledger';

export interface SettlementPorts extends CatalogReads {
  ledger: Pick<SalesLedger, 'recordItems'>;
}

const partyOf = (reservation: Reservation): SalesParty => ({
  partnerId: reservation.partnerId,
  companyId: reservation.ledger.companyId,
  companyName: reservation.companyName ?? null,
  memberNumber: reservation.memberNumber,
  facilityId: reservation.facilityId,
  spaceId: reservation.spaceId,
});

/**
 * The items that record a settled reservation's sales (its reserved time and its options), from its space and
 * facility as the caller read them (the charge reads the facility's hours).
 */
export function settlementItems(
  deps: Pick<SettlementPorts, 'ledger'>,
  reservation: Reservation,
  now: Instant,
  { space, facility }: { space: Space; facility: Facility },
): TaggedItem[] {
  const amount = reservedChargeOn(space, {
    start: reservation.start,
    end: reservation.end,
    calendar: calendarOf(facility, space),
  });
  return deps.ledger.recordItems(reservationRecord(reservation, partyOf(reservation), space, amount, now));
}

/** The items that record a cancellation's fee; none without a fee. */
export function cancellationFeeItems(
  deps: Pick<SettlementPorts, 'ledger'>,
  reservation: Reservation,
  space: Pick<Space, 'name'>,
  fee: number | null,
  now: Instant,
): TaggedItem[] {
  const record = cancellationFeeRecord(reservation, partyOf(reservation), space, fee ?? 0, now);
  return record ? deps.ledger.recordItems(record) : [];
}
