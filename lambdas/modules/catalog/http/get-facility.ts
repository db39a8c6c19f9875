import { facilityPath } from '../../../../contracts/http/api';
import { facilityResponse } from '../../../../contracts/http/responses';
import { isPublished } from '../../../domain/booking-rules';
import { httpHandler } from '../../../platform/http';
import { notFound } from '../../../platform/problems';
import { repositories } from '../../../platform/repositories';
import { facilityView } from '../../booking/views';

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
