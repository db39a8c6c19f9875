import { emptyBody, reservationPath } from '../../../../contracts/http/api';
import { reservationResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { cancelReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  'cancel-reservation',
  { path: reservationPath, body: emptyBody, response: { status: 200, body: reservationResponse } },
  async ({ path, identity, now }) => {
    const reservation = await cancelReservation(repositories(), memberIdOf(identity), path.id, now);
    return reservationView(reservation);
  },
);
