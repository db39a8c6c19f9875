import { reservationResponse } from '../../../../contracts/http/booking';
import { reservationPath } from '../../../../contracts/http/common';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { reservationRepository } from '../deps';
import { rows } from '../routes';
import { ownReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  rows.getReservation,
  { path: reservationPath, response: { status: 200, body: reservationResponse } },
  async ({ path, identity }) => {
    const reservation = await ownReservation({ reservations: reservationRepository() }, memberIdOf(identity), path.id);
    return reservationView(reservation);
  },
);
