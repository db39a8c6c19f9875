import { ADMIN, type Route } from '../../../platform/route';

/** Only `full` operators see and manage their partner's profile and accounts (004 §1). */
const FULL = { role: 'operator', operatorRoles: ['full'] } as const;

/** The partner's profile and operator accounts, and the back office's new partner (rows of lambdas/routes.ts). */
export const rows = {
  listOperatorAccounts: {
    id: 'list-operator-accounts',
    module: 'partner/accounts',
    method: 'GET',
    path: '/v1/operator/accounts',
    caller: FULL,
    tableActions: ['dynamodb:Query'],
    // the partner's accounts (one page: a partner has a handful)
    maxTableCommands: 1,
  },
  createOperatorAccount: {
    id: 'create-operator-account',
    module: 'partner/accounts',
    refusals: ['INVALID_STATE'],
    method: 'POST',
    path: '/v1/operator/accounts',
    caller: FULL,
    managesOperators: true,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    // whether the e-mail is taken; the account and its e-mail in one transaction
    maxTableCommands: 2,
  },
  getOperatorAccount: {
    id: 'get-operator-account',
    module: 'partner/accounts',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/accounts/{operatorId}',
    caller: FULL,
    tableActions: ['dynamodb:GetItem'],
    // the account
    maxTableCommands: 1,
  },
  editOperatorAccount: {
    id: 'edit-operator-account',
    module: 'partner/accounts',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'PATCH',
    path: '/v1/operator/accounts/{operatorId}',
    caller: FULL,
    managesOperators: true,
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    // the account; the partner's accounts when it stops managing the partner; the conditional write
    maxTableCommands: 3,
  },
  getPartnerProfile: {
    id: 'get-partner-profile',
    module: 'partner/accounts',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/partner',
    caller: FULL,
    tableActions: ['dynamodb:GetItem'],
    // the partner
    maxTableCommands: 1,
  },
  editPartnerProfile: {
    id: 'edit-partner-profile',
    module: 'partner/accounts',
    refusals: ['NOT_FOUND'],
    method: 'PATCH',
    path: '/v1/operator/partner',
    caller: FULL,
    tableActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    // the partner; the conditional write of its profile fields
    maxTableCommands: 2,
  },
  createPartner: {
    id: 'create-partner',
    module: 'partner/accounts',
    refusals: ['INVALID_STATE'],
    method: 'POST',
    path: '/v1/admin/partners',
    caller: ADMIN,
    managesOperators: true,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
    // whether the id and the e-mail are taken; the partner, its first account and the e-mail in one transaction
    maxTableCommands: 3,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
