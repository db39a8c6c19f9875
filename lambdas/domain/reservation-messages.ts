/**
 * The outbox messages about a reservation (api.md "Notifications"), as the changes that cause them write them: the
 * reservation as its mails show it (number, facility and space by name, its times in the facility's zone), who booked as
 * a facility may see it (member number and company, never the member's name or id). Pure: the change gives the names it
 * read; a facility or space gone since is named by its id rather than losing the message.
 */
import type {
  BookingMadeMessage,
  BookingReminderMessage,
  ForcedCheckoutMessage,
  ReservationExtendedMessage,
  ReservationFields,
} from '../../contracts/events';
import { toZonedIso } from './format';
import type { Instant, Reservation } from './model';

/** The names of the reservation's facility and space, as the change read them (absent: gone). */
export interface ReservationNames {
  facility?: { name: string } | undefined;
  space?: { name: string } | undefined;
}

/** What every message about `reservation` carries. */
export function reservationFields(reservation: Reservation, names: ReservationNames): ReservationFields {
  return {
    reservationId: reservation.reservationId,
    reservationNumber: reservation.number ?? reservation.reservationId,
    memberId: reservation.memberId,
    facilityId: reservation.facilityId,
    spaceId: reservation.spaceId,
    facilityName: names.facility?.name ?? reservation.facilityId,
    spaceName: names.space?.name ?? reservation.spaceId,
    start: toZonedIso(reservation.start, reservation.timeZone),
    end: toZonedIso(reservation.end, reservation.timeZone),
  };
}

const booker = (reservation: Reservation) => ({
  memberNumber: reservation.memberNumber,
  companyName: reservation.companyName ?? null,
});

/** A booking just made: confirmed (an instant space) or requested (with the moment it is cancelled unless answered). */
export function bookingMade(reservation: Reservation, names: ReservationNames): BookingMadeMessage {
  return {
    kind: 'bookingMade',
    status: reservation.status === 'requested' ? 'requested' : 'confirmed',
    ...reservationFields(reservation, names),
    ...booker(reservation),
    requestExpiresAt:
      reservation.status === 'requested' && reservation.requestExpiresAt !== null
        ? toZonedIso(reservation.requestExpiresAt, reservation.timeZone)
        : null,
  };
}

/** An extension of `before` to `after` (the reservation as the extension writes it: its new end and version). */
export function reservationExtended(
  before: Reservation,
  after: Reservation,
  names: ReservationNames,
): ReservationExtendedMessage {
  return {
    kind: 'reservationExtended',
    ...reservationFields(after, names),
    ...booker(after),
    previousEnd: toZonedIso(before.end, before.timeZone),
    version: after.version,
  };
}

/** A stay closed by the forced checkout at `closedAt`. */
export function forcedCheckout(
  reservation: Reservation,
  names: ReservationNames,
  closedAt: Instant,
): ForcedCheckoutMessage {
  return {
    kind: 'forcedCheckout',
    ...reservationFields(reservation, names),
    closedAt: toZonedIso(closedAt, reservation.timeZone),
  };
}

/** A confirmed booking's reminder, an hour before its start (the member's; the space's message is read at send time). */
export function bookingReminder(reservation: Reservation, names: ReservationNames): BookingReminderMessage {
  return { kind: 'bookingReminder', ...reservationFields(reservation, names) };
}
