import { createReservationBody } from '../../../../contracts/http/api';
import { reservationResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { createReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  'create-reservation',
  { body: createReservationBody, response: { status: 201, body: reservationResponse } },
  async ({ body, identity, now }) => {
    const reservation = await createReservation(
      repositories(),
      memberIdOf(identity),
      { spaceId: body.spaceId, start: body.start, end: body.end, options: body.options ?? [] },
      now,
    );
    return reservationView(reservation);
  },
);
