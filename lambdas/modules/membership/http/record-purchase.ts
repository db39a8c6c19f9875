import { memberPath, purchaseBody, purchaseResponse } from '../../../../contracts/http/membership';
import { httpHandler } from '../../../platform/http';
import { membershipDeps } from '../deps';
import { rows } from '../routes';
import { recordPurchase } from '../service';
import { purchaseView } from '../views';

export const handler = httpHandler(
  rows.recordPurchase,
  { path: memberPath, body: purchaseBody, response: { status: 201, body: purchaseResponse } },
  async ({ path, body }) => purchaseView(await recordPurchase(membershipDeps(), path.memberId, body)),
);
