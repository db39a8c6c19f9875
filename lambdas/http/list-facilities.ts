import { listFacilitiesQuery } from '../../schemas/api';
import { facilitySummaryResponse, itemsOf } from '../../schemas/responses';
import type { Space } from '../core/model';
import { searchFacilities } from '../core/search';
import { repositories } from '../data/repositories';
import { httpHandler } from '../shared/http';
import { facilitySummaryView } from '../shared/views';

export const handler = httpHandler(
  'list-facilities',
  { query: listFacilitiesQuery, response: { status: 200, body: itemsOf(facilitySummaryResponse) } },
  async ({ query, now }) => {
    const { facilities } = repositories();
    const [all, spaces] = await Promise.all([
      facilities.listFacilities(query.prefecture),
      query.noTimeLimit ? facilities.listAllSpaces() : Promise.resolve([] as Space[]),
    ]);
    const near =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng, radiusM: query.radiusM ?? 5_000 }
        : undefined;
    const found = searchFacilities(all, { ...query, near }, now, (facilityId) =>
      spaces.filter((s) => s.facilityId === facilityId && s.status === 'active'),
    );
    return { items: found.map((m) => facilitySummaryView(m.facility, m.distanceM)) };
  },
);
