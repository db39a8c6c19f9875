import { bookingRequestListResponse, bookingRequestsQuery } from '../../../../contracts/http/requests';
import { httpHandler } from '../../../platform/http';
import { partnerIdOf } from '../../../platform/identity';
import { reservationRepository } from '../../booking';
import { rows } from '../routes';
import { listRequests } from '../service';
import { operatorReservationView } from '../views';

export const handler = httpHandler(
  rows.listBookingRequests,
  { query: bookingRequestsQuery, response: { status: 200, body: bookingRequestListResponse } },
  async ({ query, identity }) => {
    const items = await listRequests({ reservations: reservationRepository() }, partnerIdOf(identity), query);
    return { items: items.map(operatorReservationView) };
  },
);
