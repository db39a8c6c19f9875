import { operatorFacilityPath, operatorFacilityResponse } from '../../../../../contracts/http/partner-facilities';
import { httpHandler } from '../../../../platform/http';
import { catalogDeps } from '../../../catalog';
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
    const { facility, spaces } = await ownFacility(catalogDeps(), identity, path.facilityId);
    return operatorFacilityView(facility, spaces);
  },
);
