import { doorBody, reservationPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { unlock } from '../services/stay';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { unlockCommandView } from '../shared/views';

export const handler = httpHandler(
  'unlock',
  { path: reservationPath, body: doorBody },
  async ({ path, body, identity, now }) => {
    const { command } = await unlock(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return { status: 202, body: unlockCommandView(command, now) };
  },
);
