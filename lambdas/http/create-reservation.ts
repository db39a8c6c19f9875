import { createReservationBody } from '../../schemas/api';
import { reservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { createReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

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
