import { MEMBER, type Route } from '../../platform/route';

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
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
