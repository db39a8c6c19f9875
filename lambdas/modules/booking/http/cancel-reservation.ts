import { reservationResponse } from '../../../../contracts/http/booking';
import { emptyBody, reservationPath } from '../../../../contracts/http/common';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { catalogDeps } from '../../catalog';
import { salesLedger } from '../../ledger';
import { reservationRepository } from '../deps';
import { rows } from '../routes';
import { cancelReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  rows.cancelReservation,
  { path: reservationPath, body: emptyBody, response: { status: 200, body: reservationResponse } },
  async ({ path, identity, now }) => {
    const reservation = await cancelReservation(
      { reservations: reservationRepository(), spaces: catalogDeps().spaces, ledger: salesLedger() },
      memberIdOf(identity),
      path.id,
      now,
    );
    return reservationView(reservation);
  },
);
