import { availabilityQuery, spacePath } from '../../schemas/api';
import { availabilityResponse } from '../../schemas/responses';
import { isPublished } from '../core/booking-rules';
import { dayGrid } from '../core/calendar';
import { repositories } from '../data/repositories';
import { notFound } from '../shared/errors';
import { httpHandler } from '../shared/http';
import { availabilityView } from '../shared/views';

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
