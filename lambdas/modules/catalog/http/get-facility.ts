import { facilityPath, facilityResponse } from '../../../../contracts/http/catalog';
import { photoStore } from '../../../platform/deps';
import { httpHandler } from '../../../platform/http';
import { catalogDeps } from '../deps';
import { rows } from '../routes';
import { publishedFacility } from '../service';

export const handler = httpHandler(
  rows.getFacility,
  { path: facilityPath, response: { status: 200, body: facilityResponse } },
  ({ path, now }) => publishedFacility({ ...catalogDeps(), files: photoStore() }, path.facilityId, now),
);
