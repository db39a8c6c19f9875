import {
  facilityPatchBody,
  operatorFacilityPath,
  operatorFacilityResponse,
} from '../../../../../contracts/http/partner-facilities';
import { expectedVersion, httpHandler } from '../../../../platform/http';
import { photosOf } from '../../../catalog';
import { photoDeps } from '../deps';
import { rows } from '../routes';
import { editFacility } from '../service';
import { operatorFacilityView } from '../views';

export const handler = httpHandler(
  rows.editFacility,
  {
    path: operatorFacilityPath,
    body: facilityPatchBody,
    response: { status: 200, body: operatorFacilityResponse, etag: (answer) => answer.version },
  },
  async ({ path, body, identity, headers }) => {
    const version = expectedVersion(headers);
    const deps = photoDeps();
    const { facility, spaces } = await editFacility(deps, identity, path.facilityId, body, version);
    return operatorFacilityView(facility, spaces, await photosOf(deps, facility.facilityId));
  },
);
