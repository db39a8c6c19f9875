import { emptyBody, reservationPath } from '../../schemas/api';
import { reservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { cancelReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'cancel-reservation',
  { path: reservationPath, body: emptyBody, response: { status: 200, body: reservationResponse } },
  async ({ path, identity, now }) => {
    const reservation = await cancelReservation(repositories(), memberIdOf(identity), path.id, now);
    return reservationView(reservation);
  },
);
