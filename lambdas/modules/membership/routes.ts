import { ADMIN, MEMBER, type Route, WRITE_ACTIONS } from '../../platform/route';

/** The membership module's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  getMe: {
    id: 'get-me',
    module: 'membership',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/me',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
    maxTableCommands: 2,
  },
  linkCorporateCode: {
    id: 'link-corporate-code',
    module: 'membership',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/me/corporate-code',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
    // the code and its company; the link; then GET /v1/me's two reads
    maxTableCommands: 5,
  },
  listPurchases: {
    id: 'list-purchases',
    module: 'membership',
    method: 'GET',
    path: '/v1/me/purchases',
    caller: MEMBER,
    tableActions: ['dynamodb:Query'],
    maxTableCommands: 1,
  },
  changePlan: {
    id: 'change-plan',
    module: 'membership',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/me/plan/change',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
    // the member; the change; then GET /v1/me's two reads
    maxTableCommands: 4,
  },
  stopRenewal: {
    id: 'stop-renewal',
    module: 'membership',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/me/plan/stop-renewal',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
    maxTableCommands: 4,
  },
  recordPurchase: {
    id: 'record-purchase',
    module: 'membership',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/admin/members/{memberId}/purchases',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // idempotency claim; the member; the transaction (plan and purchase); idempotency answer
    maxTableCommands: 4,
    idempotent: true,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
