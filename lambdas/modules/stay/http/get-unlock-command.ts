import { unlockCommandPath } from '../../../../contracts/http/api';
import { unlockCommandResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { unlockCommandView } from '../../booking/views';
import { ownCommand } from '../service';

export const handler = httpHandler(
  'get-unlock-command',
  { path: unlockCommandPath, response: { status: 200, body: unlockCommandResponse } },
  async ({ path, identity, now }) => {
    const command = await ownCommand(repositories(), memberIdOf(identity), path.commandId);
    return unlockCommandView(command, now);
  },
);
