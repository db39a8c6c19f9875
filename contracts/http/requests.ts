/** Contracts of the booking-request routes of partners (api.md, partner routes). */
import * as z from 'zod';
import { reservationResponse } from './booking';
import { id, itemsOf, localDate } from './common';

export const bookingRequestsQuery = z
  .strictObject({
    facilityId: id.optional().describe('Only the requests of this facility (one of the partner’s).'),
    spaceId: id.optional().describe('Only the requests of this space.'),
    from: localDate
      .optional()
      .describe('Only bookings starting on or after this date (YYYY-MM-DD, facility time, inclusive).'),
    to: localDate
      .optional()
      .describe('Only bookings starting on or before this date (YYYY-MM-DD, facility time, inclusive).'),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
      for (const field of ['from', 'to'] as const) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'from must not be after to' });
      }
    }
  });

/**
 * A rejection may say why (beyond api.md: adding a field): the member's mail quotes it under 「施設からのメッセージ」.
 * No body, or `{}`, rejects without one.
 */
export const rejectBody = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() }).optional();

/** A reservation as a partner's operator sees it: the member number, never the member id. */
export const operatorReservationResponse = z.strictObject({
  ...reservationResponse.omit({ memberId: true }).shape,
  memberNumber: z.string(),
});

/** The requests waiting for the partner's answer. */
export const bookingRequestListResponse = itemsOf(operatorReservationResponse);

export type OperatorReservationResponse = z.infer<typeof operatorReservationResponse>;
