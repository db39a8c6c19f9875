import { availabilityQuery, availabilityResponse, spacePath } from '../../../../contracts/http/booking';
import { isPublished } from '../../../domain/booking-rules';
import { calendarOf, dayGrid } from '../../../domain/calendar';
import { httpHandler } from '../../../platform/http';
import { notFound } from '../../../platform/problems';
import { catalogDeps, spaceWithFacility } from '../../catalog';
import { slotCounters } from '../deps';
import { rows } from '../routes';
import { availabilityView } from '../views';

export const handler = httpHandler(
  rows.getAvailability,
  { path: spacePath, query: availabilityQuery, response: { status: 200, body: availabilityResponse } },
  async ({ path, query, now }) => {
    const found = await spaceWithFacility(catalogDeps(), path.spaceId);
    if (found?.space.status !== 'active' || !isPublished(found.facility, now)) throw notFound('Space');
    const grid = dayGrid(calendarOf(found.facility, found.space), query.date);
    const held =
      grid.length === 0
        ? new Map<number, number>()
        : await slotCounters().heldBetween(path.spaceId, grid[0]?.start ?? 0, grid[grid.length - 1]?.end ?? 0);
    return availabilityView(found.facility, found.space, query.date, held);
  },
);
