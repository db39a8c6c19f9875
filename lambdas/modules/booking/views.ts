/**
 * Domain objects as the API shows them (api.md): instants in the facility's zone.
 */

import type {
  AvailabilityResponse,
  FacilityResponse,
  FacilitySummaryResponse,
  MeResponse,
  OperatorReservationResponse,
  ReservationResponse,
  SpaceResponse,
  StayResponse,
  UnlockCommandResponse,
} from '../../../contracts/http/responses';
import type { UnlockCommand as UnlockMessage } from '../../../contracts/mqtt';
import { toZonedIso } from '../../domain/format';
import type {
  Facility,
  FacilityCalendar,
  Instant,
  LocalDate,
  Reservation,
  Space,
  UnlockCommand,
} from '../../domain/model';
import { usesSummary } from '../../domain/uses';
import type { MemberStanding } from '../membership/data/member';
import { unlockStatusAt } from '../stay/rules/doors';
import { dayAvailability } from './rules/availability';

const hoursView = (calendar: FacilityCalendar) => ({
  timeZone: calendar.timeZone,
  regular: calendar.regularHours,
  specialOpenDays: calendar.specialOpenDays,
  closures: calendar.closures,
});

export function facilitySummaryView(facility: Facility, distanceM: number | null): FacilitySummaryResponse {
  return {
    facilityId: facility.facilityId,
    name: facility.name,
    brand: facility.brand,
    kind: facility.kind,
    address: facility.address,
    location: facility.location,
    nearestStations: facility.nearestStations,
    amenities: facility.amenities,
    basicPlanAllowed: facility.basicPlanAllowed,
    hours: facility.calendar.regularHours,
    ...(distanceM === null ? {} : { distanceM: Math.round(distanceM) }),
  };
}

export function spaceView(space: Space): SpaceResponse {
  return {
    spaceId: space.spaceId,
    name: space.name,
    type: space.type,
    bookingType: space.bookingType,
    capacity: space.capacity,
    price15: space.price15,
    priceDay: space.priceDay,
    minBookingMinutes: space.minBookingMinutes,
    perCheckInLimitMinutes: space.perCheckInLimitMinutes,
    windowDaysFrom: space.windowDaysFrom,
    windowDaysTo: space.windowDaysTo,
    bookableFrom: space.bookableFrom,
    bookableUntil: space.bookableUntil,
    checkInOpensMinutesBefore: space.checkInOpensMinutesBefore,
    extension: space.extension,
    cancellationFees: space.cancellationFees,
    options: space.options,
    doorIds: space.doorIds,
    ...(space.qrValue ? { qrValue: space.qrValue } : {}),
  };
}

export function facilityView(facility: Facility, spaces: readonly Space[]): FacilityResponse {
  const zone = facility.calendar.timeZone;
  return {
    ...facilitySummaryView(facility, null),
    partnerId: facility.partnerId,
    checkInMethod: facility.checkInMethod,
    dailyCheckInLimit: facility.dailyCheckInLimit,
    publishFrom: facility.publishFrom === null ? null : toZonedIso(facility.publishFrom, zone),
    publishUntil: facility.publishUntil === null ? null : toZonedIso(facility.publishUntil, zone),
    hours: hoursView(facility.calendar),
    doors: facility.doors,
    spaces: spaces.filter((s) => s.status === 'active').map(spaceView),
  };
}

export function availabilityView(
  facility: Facility,
  space: Space,
  date: LocalDate,
  held: ReadonlyMap<Instant, number>,
): AvailabilityResponse {
  const zone = facility.calendar.timeZone;
  return {
    spaceId: space.spaceId,
    date,
    slots: dayAvailability({ calendar: facility.calendar, date, capacity: space.capacity, held }).map((slot) => ({
      start: toZonedIso(slot.start, zone),
      end: toZonedIso(slot.end, zone),
      remaining: slot.remaining,
      symbol: slot.symbol,
    })),
  };
}

export function meView(
  standing: MemberStanding,
  period: { start: LocalDate; end: LocalDate },
  limit: number | null,
): MeResponse {
  const { member, company } = standing;
  // A company cap is shared: what remains is the cap less the whole company's uses.
  const counted = standing.companyUses && limit !== null ? standing.companyUses : standing.uses;
  const summary = usesSummary({ limit, used: counted.used, held: counted.held });
  return {
    memberId: member.memberId,
    memberNumber: member.memberNumber,
    plan: member.plan,
    ...(company ? { companyName: company.name } : member.companyName ? { companyName: member.companyName } : {}),
    contract: { start: period.start, end: period.end },
    uses: { limit, used: standing.uses.used, held: standing.uses.held, remaining: summary.remaining },
  };
}

/** A reservation as api.md shows it, instants in the facility's zone. */
export function reservationView(reservation: Reservation): ReservationResponse {
  const zoned = (t: Instant) => toZonedIso(t, reservation.timeZone);
  return {
    id: reservation.reservationId,
    memberId: reservation.memberId,
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
  };
}

/** The MQTT message of an unlock command (api.md, doors/{doorId}/unlock). */
export function unlockMessage(command: UnlockCommand): UnlockMessage {
  return {
    commandId: command.commandId,
    doorId: command.doorId,
    reservationId: command.reservationId,
    purpose: command.purpose,
    issuedAt: toZonedIso(command.issuedAt, command.timeZone),
    expiresAt: toZonedIso(command.expiresAt, command.timeZone),
  };
}

/** An unlock command as api.md shows it: a `sent` command past its expiry shows `expired`. */
export function unlockCommandView(command: UnlockCommand, now: Instant): UnlockCommandResponse {
  return {
    ...unlockMessage(command),
    status: unlockStatusAt(command, now),
    ...(command.resultAt === null ? {} : { resultAt: toZonedIso(command.resultAt, command.timeZone) }),
    ...(command.reason === null ? {} : { reason: command.reason }),
  };
}

/** A reservation with the unlock command its step issued (check-in, checkout). */
export const stayView = (reservation: Reservation, command: UnlockCommand, now: Instant): StayResponse => ({
  ...reservationView(reservation),
  unlock: unlockCommandView(command, now),
});

/** A reservation as a partner's operator sees it: the member number, never who the member is. */
export function operatorReservationView(reservation: Reservation): OperatorReservationResponse {
  const { memberId: _hidden, ...view } = reservationView(reservation);
  return { ...view, memberNumber: reservation.memberNumber };
}
