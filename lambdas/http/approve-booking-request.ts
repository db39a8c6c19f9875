import { emptyBody, reservationPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { approveRequest } from '../services/requests';
import { httpHandler } from '../shared/http';
import { partnerIdOf } from '../shared/identity';
import { operatorReservationView } from '../shared/views';

export const handler = httpHandler(
  'approve-booking-request',
  { path: reservationPath, body: emptyBody },
  async ({ path, identity, now }) => {
    const reservation = await approveRequest(repositories(), partnerIdOf(identity), path.id, now);
    return { status: 200, body: operatorReservationView(reservation) };
  },
);
