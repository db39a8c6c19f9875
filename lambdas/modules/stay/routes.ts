import { MEMBER, type Route, WRITE_ACTIONS } from '../../platform/route';

/** The stay module's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  checkIn: {
    id: 'check-in',
    module: 'stay',
    refusals: ['NOT_FOUND', 'CHECK_IN_NOT_OPEN', 'UNKNOWN_DOOR', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/reservations/{id}/check-in',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the reservation; its space; its facility (the door's key type); the transaction (reservation and command)
    maxTableCommands: 4,
    publishesUnlocks: true,
  },
  unlock: {
    id: 'unlock',
    module: 'stay',
    refusals: ['NOT_FOUND', 'UNKNOWN_DOOR', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/reservations/{id}/unlock',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the reservation; its space; the transaction (condition on the stay, or on its checkout for an exit, and the command)
    maxTableCommands: 3,
    publishesUnlocks: true,
  },
  checkout: {
    id: 'checkout',
    module: 'stay',
    refusals: ['NOT_FOUND', 'UNKNOWN_DOOR', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/reservations/{id}/checkout',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the reservation; its space; its facility (the use date's charge: a whole day's price reads its hours); the
    // transaction (reservation, slots, counters, command and the sales lines with their totals)
    maxTableCommands: 4,
    publishesUnlocks: true,
  },
  getUnlockCommand: {
    id: 'get-unlock-command',
    module: 'stay',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/unlock-commands/{commandId}',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem'],
    maxTableCommands: 1,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
