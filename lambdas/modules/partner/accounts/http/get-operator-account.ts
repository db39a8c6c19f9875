import { operatorAccountPath, operatorAccountResponse } from '../../../../../contracts/http/partner-accounts';
import { httpHandler } from '../../../../platform/http';
import { accountDeps } from '../deps';
import { rows } from '../routes';
import { ownAccount } from '../service';
import { accountView } from '../views';

export const handler = httpHandler(
  rows.getOperatorAccount,
  {
    path: operatorAccountPath,
    response: { status: 200, body: operatorAccountResponse, etag: (answer) => answer.version },
  },
  async ({ path, identity }) => accountView(await ownAccount(accountDeps(), identity, path.operatorId)),
);
