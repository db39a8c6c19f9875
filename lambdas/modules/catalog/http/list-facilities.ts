import { listFacilitiesQuery } from '../../../../contracts/http/api';
import { facilitySummaryResponse, itemsOf } from '../../../../contracts/http/responses';
import type { Space } from '../../../domain/model';
import { httpHandler } from '../../../platform/http';
import { repositories } from '../../../platform/repositories';
import { facilitySummaryView } from '../../booking/views';
import { searchFacilities } from '../rules/search';

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
