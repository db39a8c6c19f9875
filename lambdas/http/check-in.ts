import { doorBody, reservationPath } from '../../schemas/api';
import { stayResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { checkIn } from '../services/stay';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { stayView } from '../shared/views';

export const handler = httpHandler(
  'check-in',
  { path: reservationPath, body: doorBody, response: { status: 200, body: stayResponse } },
  async ({ path, body, identity, now }) => {
    const { reservation, command } = await checkIn(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return stayView(reservation, command, now);
  },
);
