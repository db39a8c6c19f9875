import { adminFacilityPath, doorsBody, doorsResponse } from '../../../../contracts/http/admin';
import { expectedVersion, httpHandler } from '../../../platform/http';
import { adminDeps } from '../deps';
import { rows } from '../routes';
import { setDoors } from '../service';
import { doorsView } from '../views';

export const handler = httpHandler(
  rows.setDoors,
  { path: adminFacilityPath, body: doorsBody, response: { status: 200, body: doorsResponse, etag: (a) => a.version } },
  async ({ path, body, headers }) => {
    const { facility, spaces } = await setDoors(adminDeps(), path.facilityId, body, expectedVersion(headers));
    return doorsView(facility, spaces);
  },
);
