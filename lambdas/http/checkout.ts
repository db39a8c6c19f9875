import { doorBody, reservationPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { checkout } from '../services/stay';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { stayView } from '../shared/views';

export const handler = httpHandler(
  'checkout',
  { path: reservationPath, body: doorBody },
  async ({ path, body, identity, now }) => {
    const { reservation, command } = await checkout(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return { status: 200, body: stayView(reservation, command, now) };
  },
);
