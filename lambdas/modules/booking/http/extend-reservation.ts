import { extendBody, reservationResponse } from '../../../../contracts/http/booking';
import { reservationPath } from '../../../../contracts/http/common';
import { doorPublisher } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { bookingReads } from '../deps';
import { rows } from '../routes';
import { extendReservation } from '../service';
import { reservationView } from '../views';

export const handler = httpHandler(
  rows.extendReservation,
  { path: reservationPath, body: extendBody, response: { status: 200, body: reservationResponse } },
  async ({ path, body, identity, now }) => {
    const reservation = await extendReservation(
      { ...bookingReads(), doors: doorPublisher() },
      memberIdOf(identity),
      path.id,
      body.minutes,
      now,
    );
    return reservationView(reservation);
  },
);
