import { doorBody, reservationPath } from '../../../../contracts/http/api';
import { unlockCommandResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { unlockCommandView } from '../../booking/views';
import { unlock } from '../service';

export const handler = httpHandler(
  'unlock',
  { path: reservationPath, body: doorBody, response: { status: 202, body: unlockCommandResponse } },
  async ({ path, body, identity, now }) => {
    const { command } = await unlock(repositories(), memberIdOf(identity), path.id, body.doorId, now);
    return unlockCommandView(command, now);
  },
);
