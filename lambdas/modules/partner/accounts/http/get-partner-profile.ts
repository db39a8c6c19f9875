import { partnerProfileResponse } from '../../../../../contracts/http/partner-accounts';
import { httpHandler } from '../../../../platform/http';
import { accountDeps } from '../deps';
import { rows } from '../routes';
import { ownPartner } from '../service';
import { partnerView } from '../views';

export const handler = httpHandler(
  rows.getPartnerProfile,
  { response: { status: 200, body: partnerProfileResponse, etag: (answer) => answer.version } },
  async ({ identity }) => partnerView(await ownPartner(accountDeps(), identity)),
);
