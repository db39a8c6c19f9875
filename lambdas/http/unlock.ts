import { doorBody, reservationPath } from '../../schemas/api';
import { unlockCommandResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { unlock } from '../services/stay';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { unlockCommandView } from '../shared/views';

export const handler = httpHandler(
  'unlock',
  { path: reservationPath, body: doorBody, response: { status: 202, body: unlockCommandResponse } },
  async ({ path, body, identity, now }) => {
    const { command } = await unlock(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return unlockCommandView(command, now);
  },
);
