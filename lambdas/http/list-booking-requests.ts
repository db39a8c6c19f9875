import { bookingRequestsQuery } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { listRequests } from '../services/requests';
import { httpHandler } from '../shared/http';
import { partnerIdOf } from '../shared/identity';
import { operatorReservationView } from '../shared/views';

export const handler = httpHandler(
  'list-booking-requests',
  { query: bookingRequestsQuery },
  async ({ query, identity }) => {
    const items = await listRequests(repositories(), partnerIdOf(identity), query.facilityId);
    return { status: 200, body: { items: items.map(operatorReservationView) } };
  },
);
