import { reservationPath } from '../../../../contracts/http/common';
import { operatorReservationResponse, rejectBody } from '../../../../contracts/http/requests';
import { httpHandler } from '../../../platform/http';
import { partnerIdOf } from '../../../platform/identity';
import { answerDeps } from '../deps';
import { rows } from '../routes';
import { rejectRequest } from '../service';
import { operatorReservationView } from '../views';

export const handler = httpHandler(
  rows.rejectBookingRequest,
  { path: reservationPath, body: rejectBody, response: { status: 200, body: operatorReservationResponse } },
  async ({ path, body, identity, now }) => {
    const reservation = await rejectRequest(answerDeps(), partnerIdOf(identity), path.id, now, body?.reason);
    return operatorReservationView(reservation);
  },
);
