import { MEMBER, type Route } from '../../platform/route';

/** The member ticket's route (a row of the one route table, lambdas/routes.ts). */
export const rows = {
  getTicket: {
    id: 'get-ticket',
    module: 'tickets',
    refusals: ['NOT_FOUND', 'PLAN_REQUIRED'],
    method: 'GET',
    path: '/v1/me/ticket',
    caller: MEMBER,
    // the member (a plan in force); issuing writes nothing: a ticket's single use is written when it is used
    tableActions: ['dynamodb:GetItem'],
    maxTableCommands: 1,
    signsTickets: true,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
