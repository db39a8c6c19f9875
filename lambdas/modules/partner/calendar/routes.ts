import type { Route } from '../../../platform/route';

const READS: Route['tableActions'] = ['dynamodb:GetItem'];
/** A change: the space and its facility; the pending calendar and its end (updates); the space's held bookings. */
const CHANGES: Route['tableActions'] = ['dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:Query'];
const REFUSALS = ['NOT_FOUND', 'INVALID_SPACE_CONFIG', 'CALENDAR_CONFLICT'] as const;
const FULL = { role: 'operator', operatorRoles: ['full'] } as const;
// the space, its facility; the pending calendar, the held bookings, the calendar stored or dropped
const CHANGE_COMMANDS = 5;

/** The partner's calendar routes (rows of the one route table, lambdas/routes.ts). */
export const rows = {
  getSpaceCalendar: {
    id: 'get-space-calendar',
    module: 'partner/calendar',
    refusals: ['NOT_FOUND'],
    method: 'GET',
    path: '/v1/operator/spaces/{spaceId}/calendar',
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: READS,
    // the space; its facility (whose partner it is)
    maxTableCommands: 2,
  },
  setSpaceHours: {
    id: 'set-space-hours',
    module: 'partner/calendar',
    refusals: REFUSALS,
    method: 'PUT',
    path: '/v1/operator/spaces/{spaceId}/calendar/hours',
    caller: FULL,
    tableActions: CHANGES,
    maxTableCommands: CHANGE_COMMANDS,
  },
  putSpecialDay: {
    id: 'put-special-day',
    module: 'partner/calendar',
    refusals: REFUSALS,
    method: 'PUT',
    path: '/v1/operator/spaces/{spaceId}/calendar/special-days/{date}',
    caller: FULL,
    tableActions: CHANGES,
    maxTableCommands: CHANGE_COMMANDS,
  },
  addClosure: {
    id: 'add-closure',
    module: 'partner/calendar',
    // 412 when an If-Match it was sent is stale (it needs none)
    refusals: [...REFUSALS, 'VERSION_MISMATCH'],
    method: 'POST',
    path: '/v1/operator/spaces/{spaceId}/calendar/closures',
    caller: FULL,
    tableActions: CHANGES,
    maxTableCommands: CHANGE_COMMANDS,
  },
  deleteSpecialDay: {
    id: 'delete-special-day',
    module: 'partner/calendar',
    refusals: REFUSALS,
    method: 'DELETE',
    path: '/v1/operator/spaces/{spaceId}/calendar/special-days/{date}',
    caller: FULL,
    tableActions: CHANGES,
    maxTableCommands: CHANGE_COMMANDS,
  },
  deleteClosure: {
    id: 'delete-closure',
    module: 'partner/calendar',
    refusals: REFUSALS,
    method: 'DELETE',
    path: '/v1/operator/spaces/{spaceId}/calendar/closures/{closureId}',
    caller: FULL,
    tableActions: CHANGES,
    maxTableCommands: CHANGE_COMMANDS,
  },
} as const satisfies Record<string, Route>;

export const routes: readonly Route[] = /* @__PURE__ */ Object.values(rows);
