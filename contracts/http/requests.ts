/** Contracts of the booking-request routes of partners (api.md, partner routes). */
import * as z from '../zod';
import { reservationResponse } from './booking';
import { id, itemsOf, localDate } from './common';

export const bookingRequestsQuery = z
  .strictObject({
    facilityId: z.optional(id).check(z.describe('Only the requests of this facility (one of the partner’s).')),
    spaceId: z.optional(id).check(z.describe('Only the requests of this space.')),
    from: z
      .optional(localDate)
      .check(z.describe('Only bookings starting on or after this date (YYYY-MM-DD, facility time, inclusive).')),
    to: z
      .optional(localDate)
      .check(z.describe('Only bookings starting on or before this date (YYYY-MM-DD, facility time, inclusive).')),
  })
  .check(
    z.superRefine((q, ctx) => {
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
        for (const field of ['from', 'to'] as const) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'from must not be after to' });
        }
      }
    }),
  );

/**
 * A rejection may say why (beyond api.md: adding a field): the member's mail quotes it under 「施設からのメッセージ」.
 * No body, or `{}`, rejects without one.
 */
export const rejectBody = z.optional(
  z.strictObject({ reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))) }),
);

/** A reservation as a partner's operator sees it: the member number, never the member id. */
export const operatorReservationResponse = z.strictObject({
  ...z.omit(reservationResponse, { memberId: true }).shape,
  memberNumber: z.string(),
});

/** The requests waiting for the partner's answer. */
export const bookingRequestListResponse = itemsOf(operatorReservationResponse);

export type OperatorReservationResponse = z.infer<typeof operatorReservationResponse>;
