import type { ErrorCode } from '../../../contracts/errors';
import { MEMBER, READ_ACTIONS, type Route, WRITE_ACTIONS } from '../../platform/route';

/** What a check-in at an open space may be refused with, however it comes (a scan, or a ticket at reception). */
export const CHECK_IN_REFUSALS = [
  'NOT_FOUND',
  'OUTSIDE_BUSINESS_HOURS',
  'PLAN_REQUIRED',
  'PLAN_NOT_ELIGIBLE',
  'INSUFFICIENT_TICKETS',
  'DAILY_LIMIT_REACHED',
  'SPACE_FULL',
  'INVALID_STATE',
] as const satisfies readonly ErrorCode[];

/** The drop-in module's routes (rows of the one route table, lambdas/routes.ts): a member's visits. */
export const rows = {
  checkInVisit: {
    id: 'check-in-visit',
    module: 'dropin',
    refusals: [...CHECK_IN_REFUSALS, 'QR_NOT_RECOGNIZED'],
    method: 'POST',
    path: '/v1/visits',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', ...WRITE_ACTIONS],
    // idempotency claim; the QR; the space, then its facility (the member beside); the counters; the transaction;
    // idempotency answer
    maxTableCommands: 8,
    idempotent: true,
    // the visit's end at its limit or at the space's closing
    startsTimers: ['visit-end'],
  },
  listVisits: {
    id: 'list-visits',
    module: 'dropin',
    method: 'GET',
    path: '/v1/visits',
    caller: MEMBER,
    tableActions: READ_ACTIONS,
    // current: the member's visit in, then the visit; past: one query
    maxTableCommands: 2,
  },
  getVisit: {
    id: 'get-visit',
    module: 'dropin',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/visits/{id}',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem'],
    maxTableCommands: 1,
  },
  checkoutVisit: {
    id: 'checkout-visit',
    module: 'dropin',
    refusals: ['NOT_FOUND', 'QR_NOT_RECOGNIZED', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/visits/{id}/checkout',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the visit; its space (the QR, the price of the day); the transaction
    maxTableCommands: 3,
  },
  addGuests: {
    id: 'add-guests',
    module: 'dropin',
    refusals: ['NOT_FOUND', 'GUEST_LIMIT_REACHED', 'SPACE_FULL', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/visits/{id}/guests',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // idempotency claim; the visit; its space; the transaction; idempotency answer
    maxTableCommands: 5,
    idempotent: true,
  },
  checkoutGuest: {
    id: 'checkout-guest',
    module: 'dropin',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/visits/{id}/guests/{guestId}/checkout',
    caller: MEMBER,
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the visit; its space (the price of the day); the transaction
    maxTableCommands: 3,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
