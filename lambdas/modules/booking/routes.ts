import { MEMBER, READ_ACTIONS, type Route, WRITE_ACTIONS } from '../../platform/route';

/** The booking module's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  getAvailability: {
    id: 'get-availability',
    module: 'booking',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/spaces/{spaceId}/availability',
    caller: MEMBER,
    tableActions: READ_ACTIONS,
    maxTableCommands: 3,
  },
  createReservation: {
    id: 'create-reservation',
    module: 'booking',
    refusals: [
      'NOT_FOUND',
      'SLOT_UNAVAILABLE',
      'OVERLAPS_OWN_RESERVATION',
      'OUTSIDE_BOOKING_WINDOW',
      'OUTSIDE_BUSINESS_HOURS',
      'INVALID_DURATION',
      'INSUFFICIENT_TICKETS',
      'DAILY_LIMIT_REACHED',
      'PLAN_NOT_ELIGIBLE',
      'PLAN_REQUIRED',
      'INVALID_STATE',
    ],
    method: 'POST',
    path: '/v1/reservations',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', ...WRITE_ACTIONS],
    // idempotency claim; space, member and holds; facility; counters; the transaction; idempotency answer
    maxTableCommands: 8,
    idempotent: true,
    // a request's expiry, or an instant booking's forced checkout and reminder
    startsTimers: ['forced-checkout', 'reminder', 'request-expiry'],
  },
  listReservations: {
    id: 'list-reservations',
    module: 'booking',
    method: 'GET',
    path: '/v1/reservations',
    caller: MEMBER,
    tableActions: ['dynamodb:Query'],
    // one query a page, more when reservations out of the scope are skipped (MAX_PAGE_QUERIES)
    maxTableCommands: 3,
  },
  getReservation: {
    id: 'get-reservation',
    module: 'booking',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/reservations/{id}',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem'],
    maxTableCommands: 1,
  },
  cancelReservation: {
    id: 'cancel-reservation',
    module: 'booking',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/reservations/{id}/cancel',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the reservation; its space (a fee's sales line names it); the transaction
    maxTableCommands: 3,
  },
  extendReservation: {
    id: 'extend-reservation',
    module: 'booking',
    refusals: [
      'NOT_FOUND',
      'EXTENSION_NOT_ALLOWED',
      'INSUFFICIENT_TICKETS',
      'DAILY_LIMIT_REACHED',
      'INVALID_STATE',
      'PLAN_REQUIRED',
    ],
    method: 'POST',
    path: '/v1/reservations/{id}/extend',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', ...WRITE_ACTIONS],
    // the reservation; space, facility, member, holds; the seat's next slots; counters; the transaction
    maxTableCommands: 8,
    // a keypad door's code, valid to the new forced-checkout instant
    publishesUnlocks: true,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
