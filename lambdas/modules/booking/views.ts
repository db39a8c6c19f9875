/** Reservations and availability as the API shows them (api.md): instants in the facility's zone. */
import type { AvailabilityResponse, ReservationResponse } from '../../../contracts/http/booking';
import { calendarOf } from '../../domain/calendar';
import { toZonedIso } from '../../domain/format';
import type { Facility, Instant, LocalDate, Reservation, Space } from '../../domain/model';
import { dayAvailability } from './rules/availability';

export function availabilityView(
  facility: Facility,
  space: Space,
  date: LocalDate,
  held: ReadonlyMap<Instant, number>,
): AvailabilityResponse {
  const zone = facility.timeZone;
  return {
    spaceId: space.spaceId,
    date,
    slots: dayAvailability({ calendar: calendarOf(facility, space), date, capacity: space.capacity, held }).map(
      (slot) => ({
        start: toZonedIso(slot.start, zone),
        end: toZonedIso(slot.end, zone),
        remaining: slot.remaining,
        symbol: slot.symbol,
      }),
    ),
  };
}

/** A reservation as api.md shows it, instants in the facility's zone. */
export function reservationView(reservation: Reservation): ReservationResponse {
  const zoned = (t: Instant) => toZonedIso(t, reservation.timeZone);
  return {
    id: reservation.reservationId,
    // Reservations stored before numbers existed have none: the answer leaves it out rather than invent one.
    ...(reservation.number ? { number: reservation.number } : {}),
    memberId: reservation.memberId,
    ...(reservation.companyName ? { companyName: reservation.companyName } : {}),
    facilityId: reservation.facilityId,
    spaceId: reservation.spaceId,
    start: zoned(reservation.start),
    end: zoned(reservation.end),
    status: reservation.status,
    bookingType: reservation.bookingType,
    uses: reservation.uses,
    price: reservation.price,
    options: reservation.options,
    ...(reservation.cancellationFee === null ? {} : { cancellationFee: reservation.cancellationFee }),
    ...(reservation.checkedInAt === null ? {} : { checkedInAt: zoned(reservation.checkedInAt) }),
    ...(reservation.checkedOutAt === null ? {} : { checkedOutAt: zoned(reservation.checkedOutAt) }),
    ...(reservation.requestExpiresAt === null ? {} : { requestExpiresAt: zoned(reservation.requestExpiresAt) }),
    checkoutDeadline: zoned(reservation.end),
    createdAt: zoned(reservation.createdAt),
    ...keypadView(reservation),
  };
}

/** A keypad code shows while the stay it was issued for is checked in and the code not withdrawn. */
function keypadView(reservation: Reservation): Pick<ReservationResponse, 'keypadCode' | 'keypad'> {
  const keypad = reservation.keypad;
  if (reservation.status !== 'checkedIn' || !keypad || keypad.withdrawnAt !== null) return {};
  const zoned = (t: Instant) => toZonedIso(t, reservation.timeZone);
  return {
    keypadCode: keypad.code,
    keypad: {
      doorId: keypad.doorId,
      code: keypad.code,
      validFrom: zoned(keypad.validFrom),
      validUntil: zoned(keypad.validUntil),
    },
  };
}
