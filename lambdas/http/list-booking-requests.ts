import { bookingRequestsQuery } from '../../schemas/api';
import { itemsOf, operatorReservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { listRequests } from '../services/requests';
import { httpHandler } from '../shared/http';
import { partnerIdOf } from '../shared/identity';
import { operatorReservationView } from '../shared/views';

export const handler = httpHandler(
  'list-booking-requests',
  { query: bookingRequestsQuery, response: { status: 200, body: itemsOf(operatorReservationResponse) } },
  async ({ query, identity }) => {
    const items = await listRequests(repositories(), partnerIdOf(identity), query.facilityId);
    return { items: items.map(operatorReservationView) };
  },
);
