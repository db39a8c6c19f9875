import { type Route, WRITE_ACTIONS } from '../../platform/route';

/** The requests module's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  listBookingRequests: {
    id: 'list-booking-requests',
    module: 'requests',
    method: 'GET',
    path: '/v1/operator/booking-requests',
    // the usage role reads it too: it sits in the partner site's usage menu (api.md)
    caller: { role: 'operator', operatorRoles: ['full', 'staff', 'usage'] },
    tableActions: ['dynamodb:Query'],
    maxTableCommands: 1,
  },
  approveBookingRequest: {
    id: 'approve-booking-request',
    module: 'requests',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/operator/booking-requests/{id}/approve',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the request, its facility and space (the member's mail); its change with the mail's outbox item
    maxTableCommands: 4,
    // the approved booking's forced checkout and reminder
    startsTimers: ['forced-checkout', 'reminder'],
  },
  rejectBookingRequest: {
    id: 'reject-booking-request',
    module: 'requests',
    refusals: ['NOT_FOUND', 'INVALID_STATE'],
    method: 'POST',
    path: '/v1/operator/booking-requests/{id}/reject',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', ...WRITE_ACTIONS],
    // the request, its facility and space (the member's mail); the transaction releasing its slots and uses with the
    // mail's outbox item
    maxTableCommands: 4,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
