import { MEMBER, READ_ACTIONS, type Route } from '../../platform/route';

/** The catalog module's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  listFacilities: {
    id: 'list-facilities',
    module: 'catalog',
    method: 'GET',
    path: '/v1/facilities',
    caller: MEMBER,
    tableActions: ['dynamodb:Query'],
    // the facility query, and the space catalogue (hours are the union of the spaces' calendars)
    maxTableCommands: 2,
  },
  getFacility: {
    id: 'get-facility',
    module: 'catalog',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/facilities/{facilityId}',
    caller: MEMBER,
    tableActions: READ_ACTIONS,
    // the facility, its spaces, its photos (presigned GETs: no call to S3)
    maxTableCommands: 3,
    storesPhotos: true,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
