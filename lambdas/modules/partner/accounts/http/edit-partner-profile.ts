import { partnerPatchBody, partnerProfileResponse } from '../../../../../contracts/http/partner-accounts';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { accountDeps } from '../deps';
import { rows } from '../routes';
import { editPartner } from '../service';
import { partnerView } from '../views';

export const handler = httpHandler(
  rows.editPartnerProfile,
  {
    body: partnerPatchBody,
    response: { status: 200, body: partnerProfileResponse, etag: (answer) => answer.version },
  },
  async ({ body, identity, headers }) => {
    const version = expectedVersion(headers);
    return partnerView(await editPartner(accountDeps(), identity, body, version));
  },
);
