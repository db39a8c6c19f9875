import { emptyBody, reservationPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { cancelReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'cancel-reservation',
  { path: reservationPath, body: emptyBody },
  async ({ path, identity, now }) => {
    const reservation = await cancelReservation(repositories(), memberIdOf(identity), path.id, now);
    return { status: 200, body: reservationView(reservation) };
  },
);
