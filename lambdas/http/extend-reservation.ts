import { extendBody, reservationPath } from '../../schemas/api';
import { reservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { extendReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'extend-reservation',
  { path: reservationPath, body: extendBody, response: { status: 200, body: reservationResponse } },
  async ({ path, body, identity, now }) => {
    const reservation = await extendReservation(repositories(), memberIdOf(identity), path.id, body.minutes, now);
    return reservationView(reservation);
  },
);
