import { facilityPath } from '../../schemas/api';
import { facilityResponse } from '../../schemas/responses';
import { isPublished } from '../core/booking-rules';
import { repositories } from '../data/repositories';
import { notFound } from '../shared/errors';
import { httpHandler } from '../shared/http';
import { facilityView } from '../shared/views';

export const handler = httpHandler(
  'get-facility',
  { path: facilityPath, response: { status: 200, body: facilityResponse } },
  async ({ path, now }) => {
    const { facilities } = repositories();
    const [facility, spaces] = await Promise.all([
      facilities.getFacility(path.facilityId),
      facilities.spacesOfFacility(path.facilityId),
    ]);
    if (!facility || !isPublished(facility, now)) throw notFound('Facility');
    return facilityView(facility, spaces);
  },
);
