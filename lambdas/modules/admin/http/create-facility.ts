import { adminPartnerPath, newFacilityBody } from '../../../../contracts/http/admin';
import { operatorFacilityResponse } from '../../../../contracts/http/partner-facilities';
import { httpHandler } from '../../../platform/http';
import { operatorFacilityView } from '../../partner/facilities';
import { adminDeps } from '../deps';
import { rows } from '../routes';
import { createFacility } from '../service';

export const handler = httpHandler(
  rows.createFacility,
  {
    path: adminPartnerPath,
    body: newFacilityBody,
    response: { status: 201, body: operatorFacilityResponse, etag: (answer) => answer.version },
  },
  async ({ path, body }) => operatorFacilityView(await createFacility(adminDeps(), path.partnerId, body), []),
);
