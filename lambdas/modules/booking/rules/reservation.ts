/**
 * Decisions about one reservation that need stored counts as input but no I/O: booking, extension and
 * cancellation. Capacity is not decided here: the slot counters of the write transaction decide it.
 */
import { optionsCharge, reservedChargeOn, withTax } from '../../../domain/billing';
import { checkBusinessHours, MAX_SLOTS_PER_BOOKING, validateBooking } from '../../../domain/booking-rules';
import {
  bookingCalendars,
  calendarOf,
  isOnGrid,
  localDateOf,
  MINUTE_MS,
  SLOT_MINUTES,
  slotStarts,
} from '../../../domain/calendar';
import { companyMonth } from '../../../domain/contract';
import {
  type Facility,
  type Instant,
  type Member,
  type OptionChoice,
  type Plan,
  type Price,
  type Reservation,
  type ReservationStatus,
  refuse,
  SERVICE_TIME_ZONE,
  type Space,
  type UsesLedger,
} from '../../../domain/model';
import { checkExtension } from '../../../domain/stay';
import { requestExpiresAt } from '../../../domain/timers';
import { usagePeriod } from '../../../domain/usage-period';
import { checkAffordable, checkDailyLimit, usesFor } from '../../../domain/uses';
import { cancellationOutcome } from './cancellation';

/** A span of time one of the member's own reservations holds. */
export interface OwnHold {
  reservationId: string;
  start: Instant;
  end: Instant;
}

/** Uses already counted against a limit; `limit: null` = unlimited. */
export interface Balance {
  limit: number | null;
  used: number;
  held: number;
}

/** What the stored state says about the member at the time of the request. */
export interface MemberSituation {
  plan: Plan;
  /** The member's own plan balance (basic 31, premium unlimited; corporate: unlimited per member). */
  member: Balance;
  /** The company's cap and its whole use, for corporate members with a cap. */
  company: Balance | null;
  /** Uses at this facility on the booking's local day. */
  usedThatDay: number;
  holds: readonly OwnHold[];
}

export type Refusal = Extract<ReturnType<typeof refuse>, { ok: false }>;

export interface BookingDecision {
  ok: true;
  status: Extract<ReservationStatus, 'confirmed' | 'requested'>;
  uses: number;
  slots: Instant[];
  price: Price;
  requestExpiresAt: Instant | null;
}

/** The first own hold overlapping `[start, end)`, if any (half-open intervals). */
export function overlappingHold(holds: readonly OwnHold[], start: Instant, end: Instant, except?: string) {
  return holds.find((h) => h.reservationId !== except && h.start < end && start < h.end);
}

function checkUses(situation: MemberSituation, requested: number, dailyLimit: number | null) {
  for (const balance of [situation.member, situation.company]) {
    if (!balance) continue;
    const verdict = checkAffordable({ ...balance, requested });
    if (!verdict.ok) return verdict;
  }
  return checkDailyLimit({ limit: dailyLimit, usedThatDay: situation.usedThatDay, requested });
}

/**
 * Decides a new booking: the stateless rules (duration, window, hours, plan), options, the member's own
 * overlap, affordability (member and company) and the facility's daily limit, in that order.
 */
export function decideBooking({
  now,
  start,
  end,
  facility,
  space,
  options,
  situation,
}: {
  now: Instant;
  start: Instant;
  end: Instant;
  facility: Facility;
  space: Space;
  options: readonly OptionChoice[];
  situation: MemberSituation;
}): BookingDecision | Refusal {
  const rules = validateBooking({ now, start, end, facility, space, plan: situation.plan });
  if (!rules.ok) return rules;
  const chosen = optionsCharge(space.options, options);
  if (!chosen.ok) return refuse(chosen.code, chosen.detail) as Refusal;
  const clash = overlappingHold(situation.holds, start, end);
  if (clash) {
    return refuse(
      'OVERLAPS_OWN_RESERVATION',
      `You already hold reservation ${clash.reservationId} at that time.`,
    ) as Refusal;
  }
  const uses = usesFor((end - start) / 60_000, space.perCheckInLimitMinutes);
  const affordable = checkUses(situation, uses, facility.dailyCheckInLimit);
  if (!affordable.ok) return affordable;
  // The estimate: the prices in force on the use date as the space's history stands now (§7).
  const amount = reservedChargeOn(space, { start, end, calendar: calendarOf(facility, space) });
  const request = space.bookingType === 'request';
  return {
    ok: true,
    status: request ? 'requested' : 'confirmed',
    uses,
    slots: slotStarts(start, end),
    price: withTax(amount + chosen.amount),
    requestExpiresAt: request ? requestExpiresAt(now, facility.timeZone, start) : null,
  };
}

export interface ExtensionDecision {
  ok: true;
  newEnd: Instant;
  extraUses: number;
  /** Slots the extension adds. */
  slots: Instant[];
  price: Price;
}

/** What an extension is decided on: the reservation, its space and facility, the seat's next booking, the member. */
export interface ExtensionState {
  reservation: Reservation;
  space: Space;
  facility: Facility;
  /** The start of the first slot after the end without room; `null` = none up to the closing. */
  freeUntil: Instant | null;
  situation: MemberSituation;
}

/**
 * Decides an extension by `minutes`: the space's extension rules and window, the closing time and the
 * seat's next booking (`freeUntil`), the member's next own booking, affordability and the daily limit.
 */
export function decideExtension({
  now,
  reservation,
  facility,
  space,
  minutes,
  freeUntil,
  situation,
}: ExtensionState & { now: Instant; minutes: number }): ExtensionDecision | Refusal {
  const verdict = checkExtension({
    now,
    space,
    status: reservation.status,
    start: reservation.start,
    end: reservation.end,
    minutes,
    calendar: calendarOf(facility, space),
    freeUntil,
  });
  if (!verdict.ok) return refuse(verdict.code, verdict.detail) as Refusal;
  if (!checkBusinessHours(bookingCalendars(facility, space, now), reservation.end, verdict.newEnd).ok) {
    // A change of the space's calendar is being checked: the extension must fit it too.
    return refuse('EXTENSION_NOT_ALLOWED', 'The extension would pass the closing time.') as Refusal;
  }
  return extensionTo(
    verdict.newEnd,
    verdict.extraUses,
    { reservation, facility, space, situation },
    'EXTENSION_NOT_ALLOWED',
  );
}

/** What an accepted extension to `newEnd` takes: no clash with the member's next booking, the uses, the new price. */
function extensionTo(
  newEnd: Instant,
  extraUses: number,
  {
    reservation,
    facility,
    space,
    situation,
  }: { reservation: Reservation; facility: Facility; space: Space; situation: MemberSituation },
  clashCode: 'EXTENSION_NOT_ALLOWED' | 'OVERLAPS_OWN_RESERVATION',
): ExtensionDecision | Refusal {
  const clash = overlappingHold(situation.holds, reservation.end, newEnd, reservation.reservationId);
  if (clash) {
    return refuse(clashCode, `The extension would run into your reservation ${clash.reservationId}.`) as Refusal;
  }
  const affordable = checkUses(situation, extraUses, facility.dailyCheckInLimit);
  if (!affordable.ok) return affordable;
  const optionsAmount = optionsCharge(space.options, reservation.options);
  const amount = reservedChargeOn(space, {
    start: reservation.start,
    end: newEnd,
    calendar: calendarOf(facility, space),
  });
  return {
    ok: true,
    newEnd,
    extraUses,
    slots: slotStarts(reservation.end, newEnd),
    price: withTax(amount + (optionsAmount.ok ? optionsAmount.amount : 0)),
  };
}

/**
 * Decides an extension agreed on site and recorded by the service's staff (004 p.22; domain-rules §5): none of the
 * space's in-app extension rules (request spaces, external links, the button's window) apply, and it may be recorded
 * after the end while the member is still checked in (before the forced checkout). What does apply: a confirmed or
 * checked-in booking, a later end on the 15-minute grid, the space's open hours, the seat free (`freeUntil`), the
 * member's next own booking, and the uses it takes.
 */
export function decideAgreedExtension({
  now,
  reservation,
  facility,
  space,
  newEnd,
  freeUntil,
  situation,
}: ExtensionState & { now: Instant; newEnd: Instant }): ExtensionDecision | Refusal {
  if (reservation.status !== 'confirmed' && reservation.status !== 'checkedIn') {
    return refuse('INVALID_STATE', `A ${reservation.status} reservation cannot be extended.`) as Refusal;
  }
  const minutes = (newEnd - reservation.end) / MINUTE_MS;
  if (!(minutes > 0) || minutes % SLOT_MINUTES !== 0 || !isOnGrid(newEnd, facility.timeZone)) {
    return refuse('INVALID_DURATION', 'The new end is later than the current one, on the 15-minute grid.') as Refusal;
  }
  if (minutes / SLOT_MINUTES > MAX_SLOTS_PER_BOOKING) {
    return refuse(
      'INVALID_DURATION',
      `An extension lasts at most ${MAX_SLOTS_PER_BOOKING * SLOT_MINUTES} minutes.`,
    ) as Refusal;
  }
  if (!checkBusinessHours(bookingCalendars(facility, space, now), reservation.end, newEnd).ok) {
    return refuse('OUTSIDE_BUSINESS_HOURS', 'The extension would pass the closing time.') as Refusal;
  }
  if (freeUntil !== null && newEnd > freeUntil) {
    return refuse('SLOT_UNAVAILABLE', 'The space is booked by someone else after the current end.') as Refusal;
  }
  const extraUses = usesFor(minutes, space.perCheckInLimitMinutes);
  return extensionTo(newEnd, extraUses, { reservation, facility, space, situation }, 'OVERLAPS_OWN_RESERVATION');
}

export interface CancellationDecision {
  ok: true;
  /** Uses are consumed (less than 2 hours before the start) rather than released. */
  usesCounted: boolean;
  fee: number;
}

/**
 * Decides a member's cancellation: a confirmed booking only before its start (2-hour rule, fee rules); a
 * request never answered (`requested`) at any time, without fee, every use given back (domain-rules §3).
 */
export function decideCancellation({
  now,
  reservation,
  timeZone,
}: {
  now: Instant;
  reservation: Reservation;
  timeZone: string;
}): CancellationDecision | Refusal {
  if (reservation.status !== 'requested' && reservation.status !== 'confirmed') {
    return refuse('INVALID_STATE', `A ${reservation.status} reservation cannot be cancelled.`) as Refusal;
  }
  if (reservation.status === 'requested') return { ok: true, usesCounted: false, fee: 0 };
  const outcome = cancellationOutcome({
    now,
    start: reservation.start,
    amount: reservation.price.amount,
    rules: reservation.cancellationFees,
    timeZone,
  });
  if (!outcome.allowed)
    return refuse('INVALID_STATE', 'A reservation can be cancelled only before its start.') as Refusal;
  return { ok: true, usesCounted: outcome.usesCounted, fee: outcome.fee };
}

/** The local date a booking's uses count on for a facility's daily limit. */
export const dailyDateOf = (start: Instant, facility: Facility): string | null =>
  facility.dailyCheckInLimit === null ? null : localDateOf(start, facility.timeZone);

/** Where a booking starting at `start` counts its uses: the member's period, the company's month, the day. */
export function ledgerFor(
  member: Pick<Member, 'plan' | 'contractStart' | 'companyId'>,
  facility: Facility,
  start: Instant,
): UsesLedger {
  const date = localDateOf(start, SERVICE_TIME_ZONE);
  return {
    memberPeriod: usagePeriod(member, date).start,
    companyId: member.companyId,
    companyMonth: member.companyId ? companyMonth(date) : null,
    dailyDate: dailyDateOf(start, facility),
  };
}

/**
 * The reservation an accepted booking makes: version 1, nothing checked in or cancelled yet. It carries its
 * number and, for a corporate member, the company's name at booking time (operators see it, never the member).
 */
export function newReservation({
  reservationId,
  number,
  member,
  facility,
  space,
  start,
  end,
  options,
  decision,
  now,
}: {
  reservationId: string;
  /** The reservation number, `R-XXXX-XXXX-XXXX`. */
  number: string;
  member: Pick<Member, 'memberId' | 'memberNumber' | 'plan' | 'contractStart' | 'companyId' | 'companyName'>;
  facility: Facility;
  space: Space;
  start: Instant;
  end: Instant;
  options: readonly OptionChoice[];
  decision: BookingDecision;
  now: Instant;
}): Reservation {
  return {
    reservationId,
    number,
    memberId: member.memberId,
    memberNumber: member.memberNumber,
    ...(member.plan === 'corporate' && member.companyName ? { companyName: member.companyName } : {}),
    facilityId: facility.facilityId,
    partnerId: facility.partnerId,
    spaceId: space.spaceId,
    timeZone: facility.timeZone,
    start,
    end,
    status: decision.status,
    bookingType: space.bookingType,
    uses: decision.uses,
    price: decision.price,
    options: [...options],
    cancellationFees: space.cancellationFees,
    cancellationFee: null,
    checkedInAt: null,
    checkedOutAt: null,
    createdAt: now,
    requestExpiresAt: decision.requestExpiresAt,
    ledger: ledgerFor(member, facility, start),
    version: 1,
  };
}
