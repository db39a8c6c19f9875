/**
 * Rules a new booking must pass (domain-rules §2–§3), plus the checks of a space's configuration.
 *
 * Choices where the rules are silent:
 * - Drop-in spaces (`openSpace`) are never booked: the window check refuses them like an inactive space.
 * - The bookable period is two instants (004 p.4: "公開日前日の23:55"): the start must lie in
 *   `[bookableFrom, bookableUntil)`; either end may be open (`null`).
 */
import {
  bookingCalendars,
  daysBetween,
  isOnGrid,
  isWithinBusinessHours,
  localDateOf,
  MINUTE_MS,
  SLOT_MINUTES,
} from './calendar';
import { toZonedIso } from './format';
import { type Calendar, type Facility, type Instant, OK, type Plan, refuse, type Space, type Verdict } from './model';

/** Slots one booking may hold: a booking is one DynamoDB transaction of at most 100 items. */
export const MAX_SLOTS_PER_BOOKING = 90;
/** The longest booking, in minutes. */
export const MAX_BOOKING_MINUTES = MAX_SLOTS_PER_BOOKING * SLOT_MINUTES;
/** The cancellation-fee rules may be set from the same day up to this many days before (004 §2-5-4). */
export const MAX_FEE_DAYS_BEFORE = 7;

/**
 * Refuses (INVALID_DURATION) unless `end > start`, both on the local 15-minute grid, and the length is at
 * least 15 minutes, at least the space's minimum, and at most `MAX_SLOTS_PER_BOOKING` slots.
 */
export function checkDuration({
  start,
  end,
  space,
  timeZone,
}: {
  start: Instant;
  end: Instant;
  space: Pick<Space, 'minBookingMinutes'>;
  timeZone: string;
}): Verdict {
  if (!(end > start)) return refuse('INVALID_DURATION', 'The end must be after the start.');
  if (!isOnGrid(start, timeZone) || !isOnGrid(end, timeZone)) {
    return refuse('INVALID_DURATION', 'Bookings start and end on 15-minute boundaries.');
  }
  const minutes = (end - start) / MINUTE_MS;
  const minimum = Math.max(SLOT_MINUTES, space.minBookingMinutes);
  if (minutes < minimum)
    return refuse('INVALID_DURATION', `A booking of this space lasts at least ${minimum} minutes.`);
  if (minutes > MAX_BOOKING_MINUTES) {
    return refuse('INVALID_DURATION', `A booking lasts at most ${MAX_BOOKING_MINUTES} minutes.`);
  }
  return OK;
}

/** Whether the facility is published at `now`: `publishFrom ≤ now < publishUntil`, `null` = unbounded. */
export function isPublished(facility: Pick<Facility, 'publishFrom' | 'publishUntil'>, now: Instant): boolean {
  return (
    (facility.publishFrom === null || facility.publishFrom <= now) &&
    (facility.publishUntil === null || now < facility.publishUntil)
  );
}

/**
 * Refuses (OUTSIDE_BOOKING_WINDOW) when the space is inactive or a drop-in space, the facility is not
 * published at `now`, the start is in the past, the start's local date is not `windowDaysFrom..windowDaysTo`
 * calendar days after today (facility zone), or it is outside `[bookableFrom, bookableUntil)` (instants).
 */
export function checkBookingWindow({
  now,
  start,
  facility,
  space,
}: {
  now: Instant;
  start: Instant;
  facility: Pick<Facility, 'publishFrom' | 'publishUntil' | 'timeZone'>;
  space: Pick<Space, 'status' | 'type' | 'windowDaysFrom' | 'windowDaysTo' | 'bookableFrom' | 'bookableUntil'>;
}): Verdict {
  if (space.status !== 'active') return refuse('OUTSIDE_BOOKING_WINDOW', 'The space is not available.');
  if (space.type === 'openSpace') return refuse('OUTSIDE_BOOKING_WINDOW', 'Drop-in spaces take no bookings.');
  if (!isPublished(facility, now)) return refuse('OUTSIDE_BOOKING_WINDOW', 'The facility is not published.');
  if (start < now) return refuse('OUTSIDE_BOOKING_WINDOW', 'The start is in the past.');
  const zone = facility.timeZone;
  const startDate = localDateOf(start, zone);
  const days = daysBetween(localDateOf(now, zone), startDate);
  if (days < space.windowDaysFrom || days > space.windowDaysTo) {
    return refuse(
      'OUTSIDE_BOOKING_WINDOW',
      `This space is bookable from ${space.windowDaysFrom} to ${space.windowDaysTo} days ahead.`,
    );
  }
  if (space.bookableFrom !== null && start < space.bookableFrom) {
    return refuse('OUTSIDE_BOOKING_WINDOW', `This space is bookable from ${toZonedIso(space.bookableFrom, zone)}.`);
  }
  if (space.bookableUntil !== null && start >= space.bookableUntil) {
    return refuse('OUTSIDE_BOOKING_WINDOW', `This space is bookable until ${toZonedIso(space.bookableUntil, zone)}.`);
  }
  return OK;
}

/**
 * Refuses (OUTSIDE_BUSINESS_HOURS) unless `[start, end)` lies wholly inside open hours, outside closures, of every
 * calendar given (a space's, and the change of it being checked: see `bookingCalendars`).
 */
export function checkBusinessHours(calendars: readonly Calendar[], start: Instant, end: Instant): Verdict {
  return calendars.every((calendar) => isWithinBusinessHours(calendar, start, end))
    ? OK
    : refuse('OUTSIDE_BUSINESS_HOURS', 'The booking must lie within business hours.');
}

/** Refuses (PLAN_NOT_ELIGIBLE) a basic-plan member at a facility that excludes the basic plan. */
export function checkPlanEligibility(plan: Plan, facility: Pick<Facility, 'basicPlanAllowed'>): Verdict {
  return plan === 'basic' && !facility.basicPlanAllowed
    ? refuse('PLAN_NOT_ELIGIBLE', 'The basic plan cannot be used at this facility.')
    : OK;
}

/**
 * All rules of a new booking that need no stored state, in order: duration → booking window → business
 * hours → plan eligibility; the first refusal wins. (Slot capacity, overlap with the member's own
 * bookings, tickets and the daily limit need stored counts and are checked by the caller.)
 */
export function validateBooking({
  now,
  start,
  end,
  facility,
  space,
  plan,
}: {
  now: Instant;
  start: Instant;
  end: Instant;
  facility: Pick<Facility, 'publishFrom' | 'publishUntil' | 'timeZone' | 'basicPlanAllowed'>;
  space: Pick<
    Space,
    | 'status'
    | 'type'
    | 'windowDaysFrom'
    | 'windowDaysTo'
    | 'bookableFrom'
    | 'bookableUntil'
    | 'minBookingMinutes'
    | 'calendar'
    | 'calendarPending'
  >;
  plan: Plan;
}): Verdict {
  const checks: Array<() => Verdict> = [
    () => checkDuration({ start, end, space, timeZone: facility.timeZone }),
    () => checkBookingWindow({ now, start, facility, space }),
    () => checkBusinessHours(bookingCalendars(facility, space, now), start, end),
    () => checkPlanEligibility(plan, facility),
  ];
  for (const check of checks) {
    const verdict = check();
    if (!verdict.ok) return verdict;
  }
  return OK;
}

/** A configuration check: a Verdict that also lists every problem found. */
export type ConfigCheck =
  | { ok: true; problems: [] }
  | { ok: false; code: 'VALIDATION_FAILED'; detail: string; problems: string[] };

function toConfigCheck(problems: string[]): ConfigCheck {
  return problems.length === 0
    ? { ok: true, problems: [] }
    : { ok: false, code: 'VALIDATION_FAILED', detail: problems.join(' '), problems };
}

/**
 * The rules of a request space (004 §2-4): its window starts 1 day ahead or later (no same-day booking),
 * and it allows no extension. An instant space passes.
 */
export function checkRequestSpaceConfig(
  space: Pick<Space, 'bookingType' | 'windowDaysFrom' | 'extension'>,
): ConfigCheck {
  const problems: string[] = [];
  if (space.bookingType === 'request') {
    if (space.windowDaysFrom < 1) problems.push('A request space must have windowDaysFrom ≥ 1.');
    if (space.extension.allowed) problems.push('A request space cannot allow extension.');
  }
  return toConfigCheck(problems);
}

const isNonNegativeInteger = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * Every rule of a space's configuration a partner may break: minimum minutes (≥ 15, multiple of 15), the
 * window (`0 ≤ from ≤ to`), bookable period order, prices and capacity (whole, non-negative / positive),
 * per-check-in limit, check-in opening, cancellation-fee rules (0–7 days, 0–100 %, one per day), options,
 * and the request-space rules.
 */
export function checkSpaceConfig(space: Space): ConfigCheck {
  const problems: string[] = [];
  const { minBookingMinutes, windowDaysFrom, windowDaysTo } = space;
  if (!Number.isInteger(minBookingMinutes) || minBookingMinutes < SLOT_MINUTES || minBookingMinutes % SLOT_MINUTES) {
    problems.push('minBookingMinutes must be a multiple of 15, at least 15.');
  }
  if (!isNonNegativeInteger(windowDaysFrom) || !isNonNegativeInteger(windowDaysTo) || windowDaysFrom > windowDaysTo) {
    problems.push('The booking window must satisfy 0 ≤ windowDaysFrom ≤ windowDaysTo.');
  }
  if (space.bookableFrom !== null && space.bookableUntil !== null && space.bookableFrom >= space.bookableUntil) {
    problems.push('bookableFrom must be before bookableUntil.');
  }
  if (!isNonNegativeInteger(space.price15) || (space.priceDay !== null && !isNonNegativeInteger(space.priceDay))) {
    problems.push('Prices are whole non-negative yen.');
  }
  if (!Number.isInteger(space.capacity) || space.capacity < 1) problems.push('capacity must be at least 1.');
  if (space.perCheckInLimitMinutes !== null && !(space.perCheckInLimitMinutes > 0)) {
    problems.push('perCheckInLimitMinutes must be positive or null.');
  }
  if (!isNonNegativeInteger(space.checkInOpensMinutesBefore)) {
    problems.push('checkInOpensMinutesBefore must be a non-negative whole number.');
  }
  const days = space.cancellationFees.map((r) => r.daysBefore);
  const badRule = space.cancellationFees.some(
    (r) =>
      !isNonNegativeInteger(r.daysBefore) ||
      r.daysBefore > MAX_FEE_DAYS_BEFORE ||
      !(r.percent >= 0 && r.percent <= 100),
  );
  if (badRule || new Set(days).size !== days.length) {
    problems.push('Cancellation fees: one rule per day, 0–7 days before, 0–100 %.');
  }
  const ids = space.options.map((o) => o.optionId);
  const badOption = space.options.some(
    (o) =>
      !isNonNegativeInteger(o.unitPrice) ||
      (o.maxQuantity !== null && !(Number.isInteger(o.maxQuantity) && o.maxQuantity >= 1)),
  );
  if (badOption || new Set(ids).size !== ids.length) {
    problems.push(
      'Options need unique ids, a whole non-negative price and a maximum quantity of at least 1 (or none).',
    );
  }
  const request = checkRequestSpaceConfig(space);
  return toConfigCheck([...problems, ...request.problems]);
}
