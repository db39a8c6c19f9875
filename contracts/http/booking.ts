/** Contracts of the booking routes: availability, reservations (api.md, member routes). */
import * as z from '../zod';
import { count, id, instant, isoDate, localDate, price, queryInteger, yen, zoned } from './common';

export const spacePath = z.strictObject({ spaceId: id });
export const availabilityQuery = z.strictObject({
  date: localDate.check(z.describe('The day, in the facility’s time zone (YYYY-MM-DD).')),
});

export const createReservationBody = z.strictObject({
  spaceId: id,
  start: instant,
  end: instant,
  options: z.optional(
    z
      .array(z.strictObject({ optionId: id, quantity: z.number().check(z.int(), z.gte(1), z.lte(1000)) }))
      .check(z.maxLength(20)),
  ),
});

export const listReservationsQuery = z.strictObject({
  scope: z
    ._default(z.enum(['upcoming', 'current', 'past']), 'upcoming')
    .check(
      z.describe('upcoming: not started yet; current: checked in or under way; past: over, cancelled or refused.'),
    ),
  limit: z.optional(queryInteger(1, 100)).check(z.describe('Reservations per page: 1–100, default 100.')),
  cursor: z
    .optional(z.string().check(z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor of this API')))
    .check(z.describe('nextCursor of the previous page.')),
});
export const extendBody = z.strictObject({
  minutes: z.number().check(z.int(), z.gte(15), z.lte(24 * 60)),
});

export const reservationStatuses = [
  'requested',
  'confirmed',
  'rejected',
  'cancelled',
  'autoCancelled',
  'checkedIn',
  'checkedOut',
  'forcedCheckout',
  'noShow',
] as const;

/** A human reservation number, `R-` and 12 digits in groups of four (api.md, wave 2): unique. */
export const reservationNumber = z.string().check(z.regex(/^R-\d{4}-\d{4}-\d{4}$/, 'Expected R-XXXX-XXXX-XXXX'));

const optionChoice = z.strictObject({ optionId: z.string(), quantity: z.number().check(z.int(), z.gte(1)) });

export const availabilityResponse = z.strictObject({
  spaceId: z.string(),
  date: isoDate,
  slots: z.array(z.strictObject({ start: zoned, end: zoned, remaining: count, symbol: z.enum(['○', '△', '×']) })),
});

export const reservationResponse = z.strictObject({
  id: z.string(),
  /** Every reservation booked since numbers exist has one; absent only on reservations stored before them. */
  number: z
    .optional(reservationNumber)
    .check(z.describe('Human reservation number, unique (absent only on reservations made before numbers existed).')),
  memberId: z.string(),
  /** The company of a corporate member at booking time; absent for individual plans. */
  companyName: z.optional(z.string()).check(z.describe('The company of a corporate member at booking time.')),
  facilityId: z.string(),
  spaceId: z.string(),
  start: zoned,
  end: zoned,
  status: z.enum(reservationStatuses),
  bookingType: z.enum(['instant', 'request']),
  uses: z.number().check(z.int(), z.gte(1)),
  price,
  options: z.array(optionChoice),
  cancellationFee: z.optional(yen),
  checkedInAt: z.optional(zoned),
  checkedOutAt: z.optional(zoned),
  requestExpiresAt: z.optional(zoned),
  checkoutDeadline: zoned,
  createdAt: zoned,
  /** While checked in after a check-in at a keypad door: the six-digit code (api.md, wave 2). */
  keypadCode: z.optional(z.string()),
  /** The same code with its door and validity, `[validFrom, validUntil)`. */
  keypad: z.optional(z.strictObject({ doorId: z.string(), code: z.string(), validFrom: zoned, validUntil: zoned })),
});

/** A page of the member's reservations: `nextCursor` (for `cursor=`) until the last page. */
export const reservationsPageResponse = z.strictObject({
  items: z.array(reservationResponse),
  nextCursor: z.optional(z.string()),
});

export type AvailabilityResponse = z.infer<typeof availabilityResponse>;
export type ReservationResponse = z.infer<typeof reservationResponse>;
