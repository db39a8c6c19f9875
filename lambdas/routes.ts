/**
 * The route table, defined once. CDK makes one function and one API route per row; the local
 * gateway serves the same rows; tests derive authorization and cost expectations from it.
 */
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
}

const member: Caller = { role: 'member' };
const read: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];

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
];

/** Source file of a route's handler, relative to the project root. */
export const handlerEntry = (route: Route): string => `lambdas/http/${route.id}.ts`;
