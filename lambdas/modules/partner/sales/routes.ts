import type { Route } from '../../../platform/route';

/** The partner's sales routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  listSales: {
    id: 'list-sales',
    module: 'partner/sales',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/sales',
    // api.md: the usage role sees none of the sales routes
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
    // the facility named, the space named and its facility (the partner's, or 404); the lines: at most 5 queries of
    // 200 records for a page, 10 of 1 MB for a CSV answer; the names of their facilities and of their spaces (one
    // read each per 100)
    maxTableCommands: 15,
  },
  getSalesSummary: {
    id: 'get-sales-summary',
    module: 'partner/sales',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/sales/summary',
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query'],
    // the facility named (the partner's, or 404); the totals of the range (one page holds a year of day totals of
    // some 20 facilities)
    maxTableCommands: 3,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
