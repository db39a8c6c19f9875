import { doorBody, reservationPath } from '../../../../contracts/http/api';
import { stayResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { stayView } from '../../booking/views';
import { checkout } from '../service';

export const handler = httpHandler(
  'checkout',
  { path: reservationPath, body: doorBody, response: { status: 200, body: stayResponse } },
  async ({ path, body, identity, now }) => {
    const { reservation, command } = await checkout(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return stayView(reservation, command, now);
  },
);
