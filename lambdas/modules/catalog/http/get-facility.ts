import { facilityPath, facilityResponse } from '../../../../contracts/http/catalog';
import { isPublished } from '../../../domain/booking-rules';
import { httpHandler } from '../../../platform/http';
import { notFound } from '../../../platform/problems';
import { catalogDeps } from '../deps';
import { rows } from '../routes';
import { facilityView } from '../views';

export const handler = httpHandler(
  rows.getFacility,
  { path: facilityPath, response: { status: 200, body: facilityResponse } },
  async ({ path, now }) => {
    const { facilities, spaces: catalogue } = catalogDeps();
    const [facility, spaces] = await Promise.all([
      facilities.getFacility(path.facilityId),
      catalogue.spacesOfFacility(path.facilityId),
    ]);
    if (!facility || !isPublished(facility, now)) throw notFound('Facility');
    return facilityView(facility, spaces, now);
  },
);
