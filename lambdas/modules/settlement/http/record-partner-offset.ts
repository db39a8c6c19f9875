import { adminPartnerPath } from '../../../../contracts/http/admin';
import { partnerOffsetBody, partnerOffsetResponse } from '../../../../contracts/http/settlement';
import { httpHandler } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { recordPartnerOffset } from '../service';
import { partnerOffsetView } from '../views';

export const handler = httpHandler(
  rows.recordPartnerOffset,
  { path: adminPartnerPath, body: partnerOffsetBody, response: { status: 201, body: partnerOffsetResponse } },
  async ({ path, body, identity, now }) =>
    partnerOffsetView(await recordPartnerOffset(settlementDeps(), identity, path.partnerId, body, now)),
);
