import { reservationPath } from '../../../../contracts/http/common';
import { doorBody, stayResponse } from '../../../../contracts/http/stay';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { stayDeps } from '../deps';
import { rows } from '../routes';
import { checkIn } from '../service';
import { stayView } from '../views';

export const handler = httpHandler(
  rows.checkIn,
  { path: reservationPath, body: doorBody, response: { status: 200, body: stayResponse } },
  async ({ path, body, identity, now }) => {
    const { reservation, command } = await checkIn(stayDeps(), memberIdOf(identity), path.id, body.doorId, now);
    return stayView(reservation, command, now);
  },
);
