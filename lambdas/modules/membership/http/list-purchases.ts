import { purchaseListResponse } from '../../../../contracts/http/membership';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { membershipDeps } from '../deps';
import { rows } from '../routes';
import { purchaseView } from '../views';

export const handler = httpHandler(
  rows.listPurchases,
  { response: { status: 200, body: purchaseListResponse } },
  async ({ identity }) => {
    const purchases = await membershipDeps().purchases.ofMember(memberIdOf(identity));
    return { items: purchases.map(purchaseView) };
  },
);
