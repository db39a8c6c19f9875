import type { Route } from '../../../platform/route';

/** What every usage screen's row has: every role reads it (004 §1-2), through reads of its partner's items. */
const USAGE_READ = {
  module: 'partner/usage',
  refusals: ['NOT_FOUND'],
  method: 'GET',
  caller: { role: 'operator', operatorRoles: ['full', 'staff', 'usage'] },
  tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
} as const;

/** The usage screens' routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  getCurrentUsage: {
    ...USAGE_READ,
    id: 'get-current-usage',
    path: '/v1/operator/usage/current',
    // the facility named (its partner); the partner's presence list; the visits it names (100 a read)
    maxTableCommands: 3,
  },
  // the lists of a date range (004 §3-3-2 … 3-3-4), JSON pages and CSV (the whole search): the partner's own partition
  // of the usage index (GSI3) only
  listUsageVisits: {
    ...USAGE_READ,
    id: 'list-usage-visits',
    path: '/v1/operator/usage/visits',
    // a JSON page: the facility and the space named (the space's facility), or else the facility index (the partner's
    // are picked from it: their names and zones); up to 3 queries of the usage index (a short page still has a
    // cursor); the spaces of the page (a batch). A CSV answer reads the whole search: a query per 1 MB of the range
    maxTableCommands: 6,
  },
  listUsageGuests: {
    ...USAGE_READ,
    id: 'list-usage-guests',
    path: '/v1/operator/usage/guests',
    // as the visits list: the guests are the visits' own
    maxTableCommands: 6,
  },
  listUsageReservations: {
    ...USAGE_READ,
    id: 'list-usage-reservations',
    path: '/v1/operator/usage/reservations',
    // as the visits list, and the sales records of the page's reservations that ended (settlement and fee: 2 of
    // each, 100 a batch, so 2 batches for a page of 100)
    maxTableCommands: 8,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
