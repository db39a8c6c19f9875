import type { Route } from '../../../platform/route';

/** The usage screens' routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  getCurrentUsage: {
    id: 'get-current-usage',
    module: 'partner/usage',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/usage/current',
    // the usage screens are for every role (004 §1-2)
    caller: { role: 'operator', operatorRoles: ['full', 'staff', 'usage'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
    // the facility named (its partner); the partner's presence list; the visits it names (100 a read)
    maxTableCommands: 3,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
