import { reservationPath } from '../../../../contracts/http/common';
import { unlockBody, unlockCommandResponse } from '../../../../contracts/http/stay';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { stayDeps } from '../deps';
import { rows } from '../routes';
import { unlock } from '../service';
import { unlockCommandView } from '../views';

export const handler = httpHandler(
  rows.unlock,
  { path: reservationPath, body: unlockBody, response: { status: 202, body: unlockCommandResponse } },
  async ({ path, body, identity, now }) => {
    const { command } = await unlock(stayDeps(), memberIdOf(identity), path.id, body.doorId, now, body.purpose);
    return unlockCommandView(command, now);
  },
);
