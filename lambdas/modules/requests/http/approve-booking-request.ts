import { emptyBody, reservationPath } from '../../../../contracts/http/common';
import { operatorReservationResponse } from '../../../../contracts/http/requests';
import { httpHandler } from '../../../platform/http';
import { partnerIdOf } from '../../../platform/identity';
import { requestDeps } from '../deps';
import { rows } from '../routes';
import { approveRequest } from '../service';
import { operatorReservationView } from '../views';

export const handler = httpHandler(
  rows.approveBookingRequest,
  { path: reservationPath, body: emptyBody, response: { status: 200, body: operatorReservationResponse } },
  async ({ path, identity, now }) => {
    const reservation = await approveRequest(requestDeps(), partnerIdOf(identity), path.id, now);
    return operatorReservationView(reservation);
  },
);
