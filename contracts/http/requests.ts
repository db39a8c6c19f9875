/** Contracts of the booking-request routes of partners (api.md, partner routes). */
import * as z from 'zod';
import { reservationResponse } from './booking';
import { id } from './common';

export const bookingRequestsQuery = z.strictObject({ facilityId: id.optional() });

/** A reservation as a partner's operator sees it: the member number, never the member id. */
export const operatorReservationResponse = z.strictObject({
  ...reservationResponse.omit({ memberId: true }).shape,
  memberNumber: z.string(),
});

export type OperatorReservationResponse = z.infer<typeof operatorReservationResponse>;
