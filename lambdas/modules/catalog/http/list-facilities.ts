import { facilitySummaryListResponse, listFacilitiesQuery } from '../../../../contracts/http/catalog';
import type { Space } from '../../../domain/model';
import { httpHandler } from '../../../platform/http';
import { catalogDeps } from '../deps';
import { rows } from '../routes';
import { searchFacilities } from '../rules/search';
import { facilitySummaryView } from '../views';

export const handler = httpHandler(
  rows.listFacilities,
  { query: listFacilitiesQuery, response: { status: 200, body: facilitySummaryListResponse } },
  async ({ query, now }) => {
    const { facilities, spaces: catalogue } = catalogDeps();
    // Spaces always: a facility's hours are the union of its spaces' calendars (domain-rules §2).
    const [all, spaces] = await Promise.all([facilities.listFacilities(query.prefecture), catalogue.listAllSpaces()]);
    const activeOf = (facilityId: string): Space[] =>
      spaces.filter((s) => s.facilityId === facilityId && s.status === 'active');
    const near =
      query.lat !== undefined && query.lng !== undefined
        ? { lat: query.lat, lng: query.lng, radiusM: query.radiusM ?? 5_000 }
        : undefined;
    const found = searchFacilities(all, { ...query, near }, now, activeOf);
    return {
      items: found.map((m) => facilitySummaryView(m.facility, activeOf(m.facility.facilityId), m.distanceM, now)),
    };
  },
);
