import { doorBody, reservationPath } from '../../../../contracts/http/api';
import { stayResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { stayView } from '../../booking/views';
import { checkIn } from '../service';

export const handler = httpHandler(
  'check-in',
  { path: reservationPath, body: doorBody, response: { status: 200, body: stayResponse } },
  async ({ path, body, identity, now }) => {
    const { reservation, command } = await checkIn(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return stayView(reservation, command, now);
  },
);
