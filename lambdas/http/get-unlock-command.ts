import { unlockCommandPath } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { ownCommand } from '../services/stay';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { unlockCommandView } from '../shared/views';

export const handler = httpHandler(
  'get-unlock-command',
  { path: unlockCommandPath },
  async ({ path, identity, now }) => {
    const command = await ownCommand(repositories(), memberIdOf(identity), path.commandId);
    return { status: 200, body: unlockCommandView(command, now) };
  },
);
