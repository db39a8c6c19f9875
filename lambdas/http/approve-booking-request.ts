import { emptyBody, reservationPath } from '../../schemas/api';
import { operatorReservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { approveRequest } from '../services/requests';
import { httpHandler } from '../shared/http';
import { partnerIdOf } from '../shared/identity';
import { operatorReservationView } from '../shared/views';

export const handler = httpHandler(
  'approve-booking-request',
  { path: reservationPath, body: emptyBody, response: { status: 200, body: operatorReservationResponse } },
  async ({ path, identity, now }) => {
    const reservation = await approveRequest(repositories(), partnerIdOf(identity), path.id, now);
    return operatorReservationView(reservation);
  },
);
