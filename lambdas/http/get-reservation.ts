import { reservationPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { ownReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler('get-reservation', { path: reservationPath }, async ({ path, identity }) => {
  const reservation = await ownReservation(repositories(), memberIdOf(identity), path.id);
  return { status: 200, body: reservationView(reservation) };
});
