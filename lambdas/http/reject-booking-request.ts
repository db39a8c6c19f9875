import { emptyBody, reservationPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { rejectRequest } from '../services/requests';
import { httpHandler } from '../shared/http';
import { partnerIdOf } from '../shared/identity';
import { operatorReservationView } from '../shared/views';

export const handler = httpHandler(
  'reject-booking-request',
  { path: reservationPath, body: emptyBody },
  async ({ path, identity, now }) => {
    const reservation = await rejectRequest(repositories(), partnerIdOf(identity), path.id, now);
    return { status: 200, body: operatorReservationView(reservation) };
  },
);
