import type { Route } from '../../../platform/route';

/** The partner's space routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  getOperatorSpace: {
    id: 'get-operator-space',
    module: 'partner/spaces',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/spaces/{spaceId}',
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:GetItem'],
    // the space; its facility (whose partner it is)
    maxTableCommands: 2,
  },
  editSpace: {
    id: 'edit-space',
    module: 'partner/spaces',
    refusals: ['NOT_FOUND', 'INVALID_SPACE_CONFIG'],
    method: 'PATCH',
    path: '/v1/operator/spaces/{spaceId}',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    // the space, its facility; the conditional write (settings only: the calendar has its own writes)
    maxTableCommands: 3,
  },
  createSpace: {
    id: 'create-space',
    module: 'partner/spaces',
    refusals: ['NOT_FOUND', 'INVALID_SPACE_CONFIG'],
    method: 'POST',
    path: '/v1/operator/facilities/{facilityId}/spaces',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    // the facility; the new space
    maxTableCommands: 2,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
