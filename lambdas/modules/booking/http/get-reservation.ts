import { reservationPath } from '../../../../contracts/http/api';
import { reservationResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { ownReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  'get-reservation',
  { path: reservationPath, response: { status: 200, body: reservationResponse } },
  async ({ path, identity }) => {
    const reservation = await ownReservation(repositories(), memberIdOf(identity), path.id);
    return reservationView(reservation);
  },
);
