/**
 * The stay (domain-rules §5): check-in window, extension, checkout release and forced checkout.
 *
 * Choices where the rules are silent:
 * - An extension holds slot items like a booking, so it is refused (INVALID_DURATION) beyond
 *   `MAX_SLOTS_PER_BOOKING` slots.
 * - When the booking's last minute is not inside open hours (a closure registered after booking), the
 *   extension is refused.
 */
import { MAX_SLOTS_PER_BOOKING } from './booking-rules';
import { ceilToGrid, closingTimeAfter, MINUTE_MS, SLOT_MINUTES } from './calendar';
import {
  type Calendar,
  type ErrorCode,
  type Instant,
  OK,
  type ReservationStatus,
  refuse,
  type Space,
  type Verdict,
} from './model';
import { usesFor } from './uses';

/** A member still checked in this long after the checkout deadline is checked out by the system. */
export const FORCED_CHECKOUT_DELAY_MS = 5 * MINUTE_MS;

/** When check-in is possible: `[opensAt, closesAt)`. */
export interface CheckInWindow {
  opensAt: Instant;
  closesAt: Instant;
}

/** Check-in opens `checkInOpensMinutesBefore` the start (H1T 5, いいオフィス 0) and closes at the end. */
export function checkInWindow(
  space: Pick<Space, 'checkInOpensMinutesBefore'>,
  start: Instant,
  end: Instant,
): CheckInWindow {
  return { opensAt: start - space.checkInOpensMinutesBefore * MINUTE_MS, closesAt: end };
}

/** Refuses (CHECK_IN_NOT_OPEN) a check-in at `now` outside `[opensAt, end)`. */
export function checkCheckIn({
  now,
  start,
  end,
  space,
}: {
  now: Instant;
  start: Instant;
  end: Instant;
  space: Pick<Space, 'checkInOpensMinutesBefore'>;
}): Verdict {
  const { opensAt, closesAt } = checkInWindow(space, start, end);
  if (now < opensAt) return refuse('CHECK_IN_NOT_OPEN', 'Check-in has not opened yet.');
  if (now >= closesAt) return refuse('CHECK_IN_NOT_OPEN', 'The booking has ended.');
  return OK;
}

/** When a member still checked in at `deadline` (the end, as extended) is checked out: 5 minutes later. */
export function forcedCheckoutAt(deadline: Instant): Instant {
  return deadline + FORCED_CHECKOUT_DELAY_MS;
}

/** After a checkout at `now`, the rest of the booking is free for others from the next 15-minute boundary. */
export function checkoutReleaseFrom(now: Instant, zone: string): Instant {
  return ceilToGrid(now, zone);
}

/** The outcome of an extension request. */
export type ExtensionVerdict =
  | { ok: true; newEnd: Instant; extraUses: number }
  | { ok: false; code: ErrorCode; detail: string };

function deny(code: ErrorCode, detail: string): ExtensionVerdict {
  return { ok: false, code, detail };
}

/**
 * Whether a booking `[start, end)` may be extended by `minutes` at `now` (§5, 004 p.21). Refusals, in order:
 * EXTENSION_NOT_ALLOWED for a request space, one that disallows extension or one linked to an external
 * system (`externalLink`); INVALID_STATE unless confirmed or checked in; INVALID_DURATION unless a positive
 * multiple of 15 (and at most `MAX_SLOTS_PER_BOOKING` slots); EXTENSION_NOT_ALLOWED outside the booked time
 * (`now < start` or `now ≥ end`), before the button opens
 * (`end − opensMinutesBeforeEnd`), past the closing time, or past `freeUntil` (the start of the first slot
 * after `end` without capacity, computed by the caller; `null` = no limit). Extra uses are counted like a
 * booking: `usesFor(minutes, perCheckInLimitMinutes)` (limit 2 h, extend 2 h → +1). Affordability and the
 * daily limit are the caller's, with `extraUses`.
 */
export function checkExtension({
  now,
  space,
  status,
  start,
  end,
  minutes,
  calendar,
  freeUntil,
}: {
  now: Instant;
  space: Pick<Space, 'bookingType' | 'extension' | 'perCheckInLimitMinutes' | 'externalLink'>;
  status: ReservationStatus;
  start: Instant;
  end: Instant;
  minutes: number;
  calendar: Calendar;
  freeUntil: Instant | null;
}): ExtensionVerdict {
  if (space.bookingType === 'request' || !space.extension.allowed) {
    return deny('EXTENSION_NOT_ALLOWED', 'This space does not allow extension.');
  }
  if (space.externalLink === true) {
    return deny('EXTENSION_NOT_ALLOWED', 'This space is linked to an external system: extend it there.');
  }
  if (status !== 'confirmed' && status !== 'checkedIn') {
    return deny('INVALID_STATE', `A ${status} booking cannot be extended.`);
  }
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes % SLOT_MINUTES !== 0) {
    return deny('INVALID_DURATION', 'Extensions are in 15-minute steps.');
  }
  if (minutes / SLOT_MINUTES > MAX_SLOTS_PER_BOOKING) {
    return deny('INVALID_DURATION', `An extension lasts at most ${MAX_SLOTS_PER_BOOKING * SLOT_MINUTES} minutes.`);
  }
  if (now < start) return deny('EXTENSION_NOT_ALLOWED', 'A booking is extended only during its time.');
  if (now >= end) return deny('EXTENSION_NOT_ALLOWED', 'The booking has ended.');
  const opensBefore = space.extension.opensMinutesBeforeEnd;
  if (opensBefore !== null && now < end - opensBefore * MINUTE_MS) {
    return deny('EXTENSION_NOT_ALLOWED', `Extension opens ${opensBefore} minutes before the end.`);
  }
  const newEnd = end + minutes * MINUTE_MS;
  const closing = closingTimeAfter(calendar, end - 1);
  if (closing === null || newEnd > closing) {
    return deny('EXTENSION_NOT_ALLOWED', 'The extension would pass the closing time.');
  }
  if (freeUntil !== null && newEnd > freeUntil) {
    return deny('EXTENSION_NOT_ALLOWED', 'The space is booked after your end.');
  }
  return { ok: true, newEnd, extraUses: usesFor(minutes, space.perCheckInLimitMinutes) };
}
