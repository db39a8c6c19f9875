import { operatorAccountListResponse } from '../../../../../contracts/http/partner-accounts';
import { httpHandler } from '../../../../platform/http';
import { accountDeps } from '../deps';
import { rows } from '../routes';
import { listAccounts } from '../service';
import { accountView } from '../views';

export const handler = httpHandler(
  rows.listOperatorAccounts,
  { response: { status: 200, body: operatorAccountListResponse } },
  async ({ identity }) => ({ items: (await listAccounts(accountDeps(), identity)).map(accountView) }),
);
