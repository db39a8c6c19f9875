import type { Route } from '../../../platform/route';

/** The partner's money screens' exports (004 §3-3…§3-5): its full and staff operators (api.md). */
const FULL_AND_STAFF = { role: 'operator', operatorRoles: ['full', 'staff'] } as const;

/** The export jobs' routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  requestExport: {
    id: 'request-export',
    module: 'partner/exports',
    refusals: ['NOT_FOUND'],
    method: 'POST',
    path: '/v1/operator/exports',
    caller: FULL_AND_STAFF,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    // idempotency claim; the facility named; the job; idempotency answer
    maxTableCommands: 4,
    idempotent: true,
    startsTimers: ['export'],
  },
  getExport: {
    id: 'get-export',
    module: 'partner/exports',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/exports/{exportId}',
    caller: FULL_AND_STAFF,
    tableActions: ['dynamodb:GetItem'],
    // the job
    maxTableCommands: 1,
    readsExports: true,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
