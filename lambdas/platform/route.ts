/**
 * The shape of a route row. Each module declares its rows (`modules/<name>/routes.ts`); `lambdas/routes.ts`
 * gathers them into the one route table that CDK, the local gateway, IAM, OpenAPI and the contract tests read.
 */
import type { OperatorRole } from '../../contracts/auth';
import type { ErrorCode } from '../../contracts/errors';
import type { WorkflowId } from '../../contracts/workflows';
import type { BundledFile } from './bundled-files';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route. `member` and `operator` routes need a token whose `custom:role` matches. */
export type Caller =
  | { role: 'member' }
  | { role: 'operator'; operatorRoles: readonly OperatorRole[] }
  | { role: 'admin' };

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
  /** Stable id, kebab-case: also the handler file name under `lambdas/modules/<module>/http/` and the function's name. */
  readonly id: string;
  /** The module (folder under `lambdas/modules/`) that owns the route. */
  readonly module: string;
  readonly method: HttpMethod;
  /** API Gateway v2 path with `{param}` placeholders. */
  readonly path: string;
  readonly caller: Caller;
  /** Table actions the function needs. */
  readonly tableActions: readonly TableAction[];
  /**
   * Upper bound on DynamoDB commands one successful call of the route's own issues (tested); the identity step's read
   * of an operator's account comes on top ({@link tableCommandsOf}).
   */
  readonly maxTableCommands: number;
  /** The route accepts an `Idempotency-Key` header. */
  readonly idempotent?: boolean;
  /** The timers (Step Functions state machines) the function starts executions of; it may start no other. */
  readonly startsTimers?: readonly WorkflowId[];
  /** The function publishes to the doors: unlock commands and keypad codes (`doors/{doorId}/unlock|codes`). */
  readonly publishesUnlocks?: boolean;
  /**
   * The function stores photos: it gets the photos bucket's name (`PHOTOS_BUCKET`) and `s3:PutObject`,
   * `s3:GetObject`, `s3:DeleteObject` on `photos/*` of that bucket (to presign uploads and downloads, and delete).
   */
  readonly storesPhotos?: boolean;
  /**
   * The function hands out export files: it gets the exports bucket's name (`EXPORTS_BUCKET`) and `s3:GetObject` on
   * `exports/*` of that bucket (to presign their downloads), nothing else of it.
   */
  readonly readsExports?: boolean;
  /**
   * The function manages operators' sign-ins (the operator directory): it gets the user pool's id (`USER_POOL_ID`) and
   * the Cognito actions of the directory on that pool (create, group, role, enable, disable, sign out, delete).
   */
  readonly managesOperators?: boolean;
  /**
   * The function signs or verifies member tickets: it gets the ticket signing secret's ARN
   * (`TICKET_SIGNING_SECRET_ARN`) and `secretsmanager:GetSecretValue` on that one secret.
   */
  readonly signsTickets?: boolean;

  /**
   * Files of npm packages the function reads at run time (the QR poster's font), copied beside its bundle
   * (`lambdaBundlingWith` in lib/bundling.ts; read with `readBundledFile`): only the functions of rows that name one
   * carry it.
   */
  readonly bundledFiles?: readonly BundledFile[];
  /**
   * An edit (PATCH, PUT, DELETE) that takes no `If-Match`: api.md exempts congestion (a status: the last write wins)
   * and photo deletion. Every other edit needs one ({@link needsIfMatch}).
   */
  readonly withoutIfMatch?: true;
  /**
   * The api.md codes its own rules can refuse with, besides those every route can answer (`declaredProblems` in
   * http.ts). The OpenAPI document declares them; locally an answer with another code is a fault.
   */
  readonly refusals?: readonly ErrorCode[];
}

/** The methods that edit a resource. */
const EDITS: readonly HttpMethod[] = ['PATCH', 'PUT', 'DELETE'];

/**
 * Whether a call must send `If-Match` with the version it edits (api.md "Edits"): 428 `PRECONDITION_REQUIRED`
 * without it, 412 `VERSION_MISMATCH` when stale. Every edit does, but those its row exempts (`withoutIfMatch`).
 */
export const needsIfMatch = (route: Pick<Route, 'method' | 'withoutIfMatch'>): boolean =>
  EDITS.includes(route.method) && route.withoutIfMatch !== true;

/** What the identity step reads for a caller with an operator's token: its account (operator-access.ts). */
const IDENTITY_READ: TableAction = 'dynamodb:GetItem';

/** The table actions a route's function needs: its row's, and the read of an operator caller's account. */
export const tableActionsOf = (route: Pick<Route, 'caller' | 'tableActions'>): readonly TableAction[] =>
  route.caller.role === 'operator' && !route.tableActions.includes(IDENTITY_READ)
    ? [IDENTITY_READ, ...route.tableActions]
    : route.tableActions;

/** The most DynamoDB commands one successful call issues: its row's bound, and the read of an operator's account. */
export const tableCommandsOf = (route: Pick<Route, 'caller' | 'maxTableCommands'>): number =>
  route.maxTableCommands + (route.caller.role === 'operator' ? 1 : 0);

/** Members' routes. */
export const MEMBER: Caller = { role: 'member' };
/** The service's own staff (the back office). */
export const ADMIN: Caller = { role: 'admin' };
/** Reading one item or querying. */
export const READ_ACTIONS: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];
/** What a booking transaction and the idempotency records write. */
export const WRITE_ACTIONS: readonly TableAction[] = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];
