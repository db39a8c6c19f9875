/** Contracts of the booking-request routes of partners (api.md, partner routes). */
import * as z from 'zod';
import { reservationResponse } from './booking';
import { id, itemsOf } from './common';

export const bookingRequestsQuery = z.strictObject({
  facilityId: id.optional().describe('Only the requests of this facility (one of the partner’s).'),
});

/** A reservation as a partner's operator sees it: the member number, never the member id. */
export const operatorReservationResponse = z.strictObject({
  ...reservationResponse.omit({ memberId: true }).shape,
  memberNumber: z.string(),
});

/** The requests waiting for the partner's answer. */
export const bookingRequestListResponse = itemsOf(operatorReservationResponse);

export type OperatorReservationResponse = z.infer<typeof operatorReservationResponse>;
