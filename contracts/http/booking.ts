/** Contracts of the booking routes: availability, reservations (api.md, member routes). */
import * as z from 'zod';
import { count, id, instant, isoDate, localDate, price, queryInteger, yen, zoned } from './common';

export const spacePath = z.strictObject({ spaceId: id });
export const availabilityQuery = z.strictObject({
  date: localDate.describe('The day, in the facility’s time zone (YYYY-MM-DD).'),
});

export const createReservationBody = z.strictObject({
  spaceId: id,
  start: instant,
  end: instant,
  options: z
    .array(z.strictObject({ optionId: id, quantity: z.number().int().min(1).max(1000) }))
    .max(20)
    .optional(),
});

export const listReservationsQuery = z.strictObject({
  scope: z
    .enum(['upcoming', 'current', 'past'])
    .default('upcoming')
    .describe('upcoming: not started yet; current: checked in or under way; past: over, cancelled or refused.'),
  limit: queryInteger(1, 100).optional().describe('Reservations per page: 1–100, default 100.'),
  cursor: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor of this API')
    .optional()
    .describe('nextCursor of the previous page.'),
});
export const extendBody = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
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
export const reservationNumber = z.string().regex(/^R-\d{4}-\d{4}-\d{4}$/, 'Expected R-XXXX-XXXX-XXXX');

const optionChoice = z.strictObject({ optionId: z.string(), quantity: z.number().int().min(1) });

export const availabilityResponse = z.strictObject({
  spaceId: z.string(),
  date: isoDate,
  slots: z.array(z.strictObject({ start: zoned, end: zoned, remaining: count, symbol: z.enum(['○', '△', '×']) })),
});

export const reservationResponse = z.strictObject({
  id: z.string(),
  /** Every reservation booked since numbers exist has one; absent only on reservations stored before them. */
  number: reservationNumber
    .optional()
    .describe('Human reservation number, unique (absent only on reservations made before numbers existed).'),
  memberId: z.string(),
  /** The company of a corporate member at booking time; absent for individual plans. */
  companyName: z.string().optional().describe('The company of a corporate member at booking time.'),
  facilityId: z.string(),
  spaceId: z.string(),
  start: zoned,
  end: zoned,
  status: z.enum(reservationStatuses),
  bookingType: z.enum(['instant', 'request']),
  uses: z.number().int().min(1),
  price,
  options: z.array(optionChoice),
  cancellationFee: yen.optional(),
  checkedInAt: zoned.optional(),
  checkedOutAt: zoned.optional(),
  requestExpiresAt: zoned.optional(),
  checkoutDeadline: zoned,
  createdAt: zoned,
  /** While checked in after a check-in at a keypad door: the six-digit code (api.md, wave 2). */
  keypadCode: z.string().optional(),
  /** The same code with its door and validity, `[validFrom, validUntil)`. */
  keypad: z.strictObject({ doorId: z.string(), code: z.string(), validFrom: zoned, validUntil: zoned }).optional(),
});

/** A page of the member's reservations: `nextCursor` (for `cursor=`) until the last page. */
export const reservationsPageResponse = z.strictObject({
  items: z.array(reservationResponse),
  nextCursor: z.string().optional(),
});

export type AvailabilityResponse = z.infer<typeof availabilityResponse>;
export type ReservationResponse = z.infer<typeof reservationResponse>;
