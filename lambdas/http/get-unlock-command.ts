import { unlockCommandPath } from '../../schemas/api';
import { unlockCommandResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { ownCommand } from '../services/stay';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { unlockCommandView } from '../shared/views';

export const handler = httpHandler(
  'get-unlock-command',
  { path: unlockCommandPath, response: { status: 200, body: unlockCommandResponse } },
  async ({ path, identity, now }) => {
    const command = await ownCommand(repositories(), memberIdOf(identity), path.commandId);
    return unlockCommandView(command, now);
  },
);
