import { unlockCommandPath, unlockCommandResponse } from '../../../../contracts/http/stay';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { unlockCommandRepository } from '../deps';
import { rows } from '../routes';
import { ownCommand } from '../service';
import { unlockCommandView } from '../views';

export const handler = httpHandler(
  rows.getUnlockCommand,
  { path: unlockCommandPath, response: { status: 200, body: unlockCommandResponse } },
  async ({ path, identity, now }) => {
    const command = await ownCommand(
      { unlockCommands: unlockCommandRepository() },
      memberIdOf(identity),
      path.commandId,
    );
    return unlockCommandView(command, now);
  },
);
