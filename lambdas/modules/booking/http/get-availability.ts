import { availabilityQuery, spacePath } from '../../../../contracts/http/api';
import { availabilityResponse } from '../../../../contracts/http/responses';
import { isPublished } from '../../../domain/booking-rules';
import { dayGrid } from '../../../domain/calendar';
import { httpHandler } from '../../../platform/http';
import { notFound } from '../../../platform/problems';
import { repositories } from '../../../platform/repositories';
import { availabilityView } from '../views';

export const handler = httpHandler(
  'get-availability',
  { path: spacePath, query: availabilityQuery, response: { status: 200, body: availabilityResponse } },
  async ({ path, query, now }) => {
    const { facilities, slots } = repositories();
    const found = await facilities.getSpaceWithFacility(path.spaceId);
    if (found?.space.status !== 'active' || !isPublished(found.facility, now)) throw notFound('Space');
    const grid = dayGrid(found.facility.calendar, query.date);
    const held =
      grid.length === 0
        ? new Map<number, number>()
        : await slots.heldBetween(path.spaceId, grid[0]?.start ?? 0, grid[grid.length - 1]?.end ?? 0);
    return availabilityView(found.facility, found.space, query.date, held);
  },
);
