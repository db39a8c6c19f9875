import { newAccountBody, operatorAccountResponse } from '../../../../../contracts/http/partner-accounts';
import { httpHandler } from '../../../../platform/http';
import { signInDeps } from '../deps';
import { rows } from '../routes';
import { createAccount } from '../service';
import { accountView } from '../views';

export const handler = httpHandler(
  rows.createOperatorAccount,
  {
    body: newAccountBody,
    response: { status: 201, body: operatorAccountResponse, etag: (answer) => answer.version },
  },
  async ({ body, identity, now }) => accountView(await createAccount(signInDeps(), identity, body, now)),
);
