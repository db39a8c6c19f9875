import { adminFacilityPath, newOpenSpaceBody } from '../../../../contracts/http/admin';
import { operatorSpaceResponse } from '../../../../contracts/http/partner-spaces';
import { httpHandler } from '../../../platform/http';
import { operatorSpaceView } from '../../partner/spaces';
import { adminDeps } from '../deps';
import { rows } from '../routes';
import { createOpenSpace } from '../service';

export const handler = httpHandler(
  rows.createOpenSpace,
  {
    path: adminFacilityPath,
    body: newOpenSpaceBody,
    response: { status: 201, body: operatorSpaceResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, now }) => {
    const { space, facility } = await createOpenSpace(adminDeps(), path.facilityId, body, now);
    return operatorSpaceView(space, facility.timeZone);
  },
);
