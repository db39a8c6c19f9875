import { reservationPath } from '../../schemas/api';
import { reservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { ownReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'get-reservation',
  { path: reservationPath, response: { status: 200, body: reservationResponse } },
  async ({ path, identity }) => {
    const reservation = await ownReservation(repositories(), memberIdOf(identity), path.id);
    return reservationView(reservation);
  },
);
