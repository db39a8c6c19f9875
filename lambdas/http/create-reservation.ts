import { createReservationBody } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { createReservation } from '../services/booking';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'create-reservation',
  { body: createReservationBody },
  async ({ body, identity, now }) => {
    const reservation = await createReservation(
      repositories(),
      memberIdOf(identity),
      { spaceId: body.spaceId, start: body.start, end: body.end, options: body.options ?? [] },
      now,
    );
    return { status: 201, body: reservationView(reservation) };
  },
);
