import { bookingRequestsQuery } from '../../../../contracts/http/api';
import { itemsOf, operatorReservationResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { partnerIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { operatorReservationView } from '../../booking/views';
import { listRequests } from '../service';

export const handler = httpHandler(
  'list-booking-requests',
  { query: bookingRequestsQuery, response: { status: 200, body: itemsOf(operatorReservationResponse) } },
  async ({ query, identity }) => {
    const items = await listRequests(repositories(), partnerIdOf(identity), query.facilityId);
    return { items: items.map(operatorReservationView) };
  },
);
