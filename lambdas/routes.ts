/**
 * The route table, defined once. CDK makes one function and one API route per row; the local
 * gateway serves the same rows; tests derive authorization and cost expectations from it.
 */
import type { WorkflowId } from '../schemas/workflows';
import type { OperatorRole } from './core/model';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route. `member` and `operator` routes need a token whose `custom:role` matches. */
export type Caller = { role: 'member' } | { role: 'operator'; operatorRoles: readonly OperatorRole[] };

/**
 * DynamoDB actions a route's function may use (IAM is derived from this). A transaction is authorized by
 * the actions of its parts (Put, Update, Delete, ConditionCheck), so there is no transaction action here.
 */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem';

export interface Route {
  /** Stable id, kebab-case: also the handler file name under `lambdas/http/` and the function's name. */
  id: string;
  method: HttpMethod;
  /** API Gateway v2 path with `{param}` placeholders. */
  path: string;
  caller: Caller;
  /** Table actions the function needs. */
  tableActions: readonly TableAction[];
  /** Upper bound on DynamoDB commands one successful call issues (tested). */
  maxTableCommands: number;
  /** The route accepts an `Idempotency-Key` header. */
  idempotent?: boolean;
  /** The timers (Step Functions state machines) the function starts executions of; it may start no other. */
  startsTimers?: readonly WorkflowId[];
  /** The function publishes unlock commands to the doors (IoT topics `doors/{doorId}/unlock`). */
  publishesUnlocks?: boolean;
}

const member: Caller = { role: 'member' };
const read: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];
/** What a booking transaction and the idempotency records write. */
const write: readonly TableAction[] = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

export const routes: readonly Route[] = [
  {
    id: 'list-facilities',
    method: 'GET',
    path: '/v1/facilities',
    caller: member,
    tableActions: ['dynamodb:Query'],
    // the facility query, and the space catalogue when `noTimeLimit` asks about spaces
    maxTableCommands: 2,
  },
  {
    id: 'get-facility',
    method: 'GET',
    path: '/v1/facilities/{facilityId}',
    caller: member,
    tableActions: read,
    maxTableCommands: 2,
  },
  {
    id: 'get-availability',
    method: 'GET',
    path: '/v1/spaces/{spaceId}/availability',
    caller: member,
    tableActions: read,
    maxTableCommands: 3,
  },
  {
    id: 'get-me',
    method: 'GET',
    path: '/v1/me',
    caller: member,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
    maxTableCommands: 2,
  },
  {
    id: 'create-reservation',
    method: 'POST',
    path: '/v1/reservations',
    caller: member,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', ...write],
    // idempotency claim; space, member and holds; facility; counters; the transaction; idempotency answer
    maxTableCommands: 8,
    idempotent: true,
    // a request's expiry, or an instant booking's forced checkout
    startsTimers: ['forced-checkout', 'request-expiry'],
  },
  {
    id: 'list-reservations',
    method: 'GET',
    path: '/v1/reservations',
    caller: member,
    tableActions: ['dynamodb:Query'],
    // one query a page, more when reservations out of the scope are skipped (MAX_PAGE_QUERIES)
    maxTableCommands: 3,
  },
  {
    id: 'get-reservation',
    method: 'GET',
    path: '/v1/reservations/{id}',
    caller: member,
    tableActions: ['dynamodb:GetItem'],
    maxTableCommands: 1,
  },
  {
    id: 'cancel-reservation',
    method: 'POST',
    path: '/v1/reservations/{id}/cancel',
    caller: member,
    tableActions: ['dynamodb:GetItem', ...write],
    // the reservation; the transaction
    maxTableCommands: 2,
  },
  {
    id: 'extend-reservation',
    method: 'POST',
    path: '/v1/reservations/{id}/extend',
    caller: member,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', ...write],
    // the reservation; space, facility, member, holds; the seat's next slots; counters; the transaction
    maxTableCommands: 8,
  },
  {
    id: 'link-corporate-code',
    method: 'POST',
    path: '/v1/me/corporate-code',
    caller: member,
    tableActions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
    // the code and its company; the link; then GET /v1/me's two reads
    maxTableCommands: 5,
  },
  {
    id: 'check-in',
    method: 'POST',
    path: '/v1/reservations/{id}/check-in',
    caller: member,
    tableActions: ['dynamodb:GetItem', ...write],
    // the reservation; its space; the transaction (reservation and command)
    maxTableCommands: 3,
    publishesUnlocks: true,
  },
  {
    id: 'unlock',
    method: 'POST',
    path: '/v1/reservations/{id}/unlock',
    caller: member,
    tableActions: ['dynamodb:GetItem', ...write],
    // the reservation; its space; the transaction (condition on the stay and the command)
    maxTableCommands: 3,
    publishesUnlocks: true,
  },
  {
    id: 'checkout',
    method: 'POST',
    path: '/v1/reservations/{id}/checkout',
    caller: member,
    tableActions: ['dynamodb:GetItem', ...write],
    // the reservation; its space; the transaction (reservation, slots, counters and command)
    maxTableCommands: 3,
    publishesUnlocks: true,
  },
  {
    id: 'get-unlock-command',
    method: 'GET',
    path: '/v1/unlock-commands/{commandId}',
    caller: member,
    tableActions: ['dynamodb:GetItem'],
    maxTableCommands: 1,
  },
  {
    id: 'list-booking-requests',
    method: 'GET',
    path: '/v1/operator/booking-requests',
    caller: { role: 'operator', operatorRoles: ['full', 'staff'] },
    tableActions: ['dynamodb:Query'],
    maxTableCommands: 1,
  },
  {
    id: 'approve-booking-request',
    method: 'POST',
    path: '/v1/operator/booking-requests/{id}/approve',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
    // the request; its change
    maxTableCommands: 2,
    // the approved booking's forced checkout
    startsTimers: ['forced-checkout'],
  },
  {
    id: 'reject-booking-request',
    method: 'POST',
    path: '/v1/operator/booking-requests/{id}/reject',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: ['dynamodb:GetItem', ...write],
    // the request; the transaction releasing its slots and uses
    maxTableCommands: 2,
  },
];

/** Source file of a route's handler, relative to the project root. */
export const handlerEntry = (route: Route): string => `lambdas/http/${route.id}.ts`;
