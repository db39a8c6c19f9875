import { type Route, WRITE_ACTIONS } from '../../../platform/route';
import { CHECK_IN_REFUSALS } from '../../dropin';

/** Reception's routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  checkInByTicket: {
    id: 'check-in-by-ticket',
    module: 'partner/reception',
    refusals: [...CHECK_IN_REFUSALS, 'TICKET_INVALID', 'INVALID_SPACE_CONFIG'],
    method: 'POST',
    path: '/v1/operator/tickets/check-in',
    // reception is staff's work (and the full operators')
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', ...WRITE_ACTIONS],
    // idempotency claim; the space, its facility; the member; the counters; the transaction; idempotency answer
    maxTableCommands: 7,
    idempotent: true,
    signsTickets: true,
    startsTimers: ['visit-end'],
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
