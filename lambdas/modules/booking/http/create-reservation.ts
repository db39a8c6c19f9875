import { createReservationBody, reservationResponse } from '../../../../contracts/http/booking';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { bookingDeps } from '../deps';
import { rows } from '../routes';
import { createReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  rows.createReservation,
  { body: createReservationBody, response: { status: 201, body: reservationResponse } },
  async ({ body, identity, now }) => {
    const reservation = await createReservation(
      bookingDeps(),
      memberIdOf(identity),
      { spaceId: body.spaceId, start: body.start, end: body.end, options: body.options ?? [] },
      now,
    );
    return reservationView(reservation);
  },
);
