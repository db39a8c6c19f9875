import { operatorFacilityPath, operatorFacilityResponse } from '../../../../../contracts/http/partner-facilities';
import { httpHandler } from '../../../../platform/http';
import { photosOf } from '../../../catalog';
import { photoDeps } from '../deps';
import { rows } from '../routes';
import { ownFacility } from '../service';
import { operatorFacilityView } from '../views';

export const handler = httpHandler(
  rows.getOperatorFacility,
  {
    path: operatorFacilityPath,
    response: { status: 200, body: operatorFacilityResponse, etag: (answer) => answer.version },
  },
  async ({ path, identity }) => {
    const deps = photoDeps();
    const { facility, spaces } = await ownFacility(deps, identity, path.facilityId);
    return operatorFacilityView(facility, spaces, await photosOf(deps, facility.facilityId));
  },
);
