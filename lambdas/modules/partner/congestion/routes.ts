import type { Route } from '../../../platform/route';

/** The open spaces' congestion route (a row of the one route table, lambdas/routes.ts). */
export const rows = {
  setCongestion: {
    id: 'set-congestion',
    module: 'partner/congestion',
    refusals: ['NOT_FOUND', 'INVALID_SPACE_CONFIG'],
    method: 'PUT',
    path: '/v1/operator/spaces/{spaceId}/congestion',
    // staff write congestion and nothing else (domain-rules §1)
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    // api.md: congestion is a status, not an edit (the last write wins)
    withoutIfMatch: true,
    tableActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    // the space, its facility; the congestion's own update
    maxTableCommands: 3,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
