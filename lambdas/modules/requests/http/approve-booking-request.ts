import { emptyBody, reservationPath } from '../../../../contracts/http/api';
import { operatorReservationResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { partnerIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { operatorReservationView } from '../../booking/views';
import { approveRequest } from '../service';

export const handler = httpHandler(
  'approve-booking-request',
  { path: reservationPath, body: emptyBody, response: { status: 200, body: operatorReservationResponse } },
  async ({ path, identity, now }) => {
    const reservation = await approveRequest(repositories(), partnerIdOf(identity), path.id, now);
    return operatorReservationView(reservation);
  },
);
