import { extendBody, reservationPath } from '../../../../contracts/http/api';
import { reservationResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { extendReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  'extend-reservation',
  { path: reservationPath, body: extendBody, response: { status: 200, body: reservationResponse } },
  async ({ path, body, identity, now }) => {
    const reservation = await extendReservation(repositories(), memberIdOf(identity), path.id, body.minutes, now);
    return reservationView(reservation);
  },
);
