import type { Route } from '../../../platform/route';

/** The partner's facility routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  listOperatorFacilities: {
    id: 'list-operator-facilities',
    module: 'partner/facilities',
    method: 'GET',
    path: '/v1/operator/facilities',
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:Query'],
    // the facility index (the partner's are picked from it)
    maxTableCommands: 1,
  },
  getOperatorFacility: {
    id: 'get-operator-facility',
    module: 'partner/facilities',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/facilities/{facilityId}',
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    // the facility, its spaces, its photos
    maxTableCommands: 3,
    storesPhotos: true,
  },
  editFacility: {
    id: 'edit-facility',
    module: 'partner/facilities',
    refusals: ['NOT_FOUND'],
    method: 'PATCH',
    path: '/v1/operator/facilities/{facilityId}',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
    // the facility and its spaces; the conditional write; its photos
    maxTableCommands: 4,
    storesPhotos: true,
  },
  newPhoto: {
    id: 'new-photo',
    module: 'partner/facilities',
    refusals: ['NOT_FOUND'],
    method: 'POST',
    path: '/v1/operator/facilities/{facilityId}/photos',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
    // the facility and its spaces; the photo
    maxTableCommands: 3,
    storesPhotos: true,
  },
  deletePhoto: {
    id: 'delete-photo',
    module: 'partner/facilities',
    refusals: ['NOT_FOUND'],
    method: 'DELETE',
    path: '/v1/operator/photos/{photoId}',
    caller: { role: 'operator', operatorRoles: ['full'] },
    // api.md: photo deletion needs no If-Match
    withoutIfMatch: true,
    tableActions: ['dynamodb:GetItem', 'dynamodb:DeleteItem'],
    // the photo; its conditional delete
    maxTableCommands: 2,
    storesPhotos: true,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
