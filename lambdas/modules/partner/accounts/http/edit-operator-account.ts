import {
  accountPatchBody,
  operatorAccountPath,
  operatorAccountResponse,
} from '../../../../../contracts/http/partner-accounts';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { signInDeps } from '../deps';
import { rows } from '../routes';
import { editAccount } from '../service';
import { accountView } from '../views';

export const handler = httpHandler(
  rows.editOperatorAccount,
  {
    path: operatorAccountPath,
    body: accountPatchBody,
    response: { status: 200, body: operatorAccountResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, headers }) => {
    const version = expectedVersion(headers);
    return accountView(await editAccount(signInDeps(), identity, path.operatorId, body, version));
  },
);
