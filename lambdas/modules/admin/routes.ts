import { ADMIN, READ_ACTIONS, type Route, WRITE_ACTIONS } from '../../platform/route';

/** The back office's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  createFacility: {
    id: 'create-facility',
    module: 'admin',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/admin/partners/{partnerId}/facilities',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    // idempotency claim; the facility with its partner's list (one transaction); idempotency answer
    maxTableCommands: 3,
    idempotent: true,
  },
  createOpenSpace: {
    id: 'create-open-space',
    module: 'admin',
    refusals: ['NOT_FOUND', 'INVALID_STATE', 'INVALID_SPACE_CONFIG'],
    method: 'POST',
    path: '/v1/admin/facilities/{facilityId}/open-spaces',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    // idempotency claim; the facility; the space with its QR value (one transaction); idempotency answer
    maxTableCommands: 4,
    idempotent: true,
  },
  setDoors: {
    id: 'set-doors',
    module: 'admin',
    refusals: ['NOT_FOUND', 'INVALID_STATE', 'INVALID_SPACE_CONFIG'],
    method: 'PUT',
    path: '/v1/admin/facilities/{facilityId}/doors',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:Query', ...WRITE_ACTIONS],
    // the facility and its spaces; the transaction
    maxTableCommands: 3,
  },
  createCompany: {
    id: 'create-company',
    module: 'admin',
    method: 'POST',
    path: '/v1/admin/companies',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    // idempotency claim; the company with its corporate code (one transaction); idempotency answer
    maxTableCommands: 3,
    idempotent: true,
  },
  getCompany: {
    id: 'get-company',
    module: 'admin',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/admin/companies/{companyId}',
    caller: ADMIN,
    tableActions: READ_ACTIONS,
    maxTableCommands: 1,
  },
  editCompany: {
    id: 'edit-company',
    module: 'admin',
    refusals: ['NOT_FOUND'],
    method: 'PATCH',
    path: '/v1/admin/companies/{companyId}',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    // the company; the conditional update
    maxTableCommands: 2,
  },
  recordAgreedExtension: {
    id: 'record-agreed-extension',
    module: 'admin',
    refusals: [
      'NOT_FOUND',
      'INVALID_STATE',
      'INVALID_DURATION',
      'OUTSIDE_BUSINESS_HOURS',
      'SLOT_UNAVAILABLE',
      'OVERLAPS_OWN_RESERVATION',
      'INSUFFICIENT_TICKETS',
      'DAILY_LIMIT_REACHED',
      'PLAN_REQUIRED',
    ],
    method: 'POST',
    path: '/v1/admin/reservations/{id}/agreed-extension',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', ...WRITE_ACTIONS],
    // the reservation; space, facility, member, holds; the seat's next slots; counters; the transaction
    maxTableCommands: 8,
    // a keypad door's live code is sent again with the new end
    publishesUnlocks: true,
  },
  correctVisit: {
    id: 'correct-visit',
    module: 'admin',
    // INVALID_STATE: the visit is still in, or its period closed (the 20th passed, or its settlement run started)
    refusals: ['NOT_FOUND', 'INVALID_STATE', 'INVALID_DURATION'],
    method: 'POST',
    path: '/v1/admin/visits/{visitId}/correction',
    caller: ADMIN,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the visit; its space (the price of its use date); the transaction (run check, visit, correction record, totals)
    maxTableCommands: 3,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
