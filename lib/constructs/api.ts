import {
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { WorkflowId } from '../../contracts/workflows';
import { handlerEntry, type Route, tableActionsOf } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import type { ExportReader } from './exports';
import { createHandlerFunction } from './handler-function';
import { tableAccessStatement } from './table';

/**
 * Who a route serves, which decides the stack its function and route live in: `member` (the member app) or
 * `partner` (operators' and, later, admins' back office).
 */
export type Audience = 'member' | 'partner';

/** Every audience, in the order their stacks are made. */
export const AUDIENCES: readonly Audience[] = ['member', 'partner'];

/** The audience of each caller role; a new role in the route table must be placed here (the compiler asks). */
const AUDIENCE_OF_ROLE: Readonly<Record<Route['caller']['role'], Audience>> = {
  member: 'member',
  operator: 'partner',
  // the back office shares the partner and back-office API stack
  admin: 'partner',
};

/** The audience of a row, from its caller's role: the one place that decides it. */
export const audienceOf = (route: Route): Audience => AUDIENCE_OF_ROLE[route.caller.role];

/** The rows of one audience, in route-table order. */
export const rowsOf = (audience: Audience, rows: readonly Route[]): Route[] =>
  rows.filter((route) => audienceOf(route) === audience);

/** The stage's one HTTP API as routes in any stack see it (made by {@link ApiFrontDoor}). */
export interface SharedHttpApi {
  readonly httpApi: IHttpApi;
  /** The JWT authorizer every route uses. */
  readonly authorizerId: string;
  /** Scope every route requires. */
  readonly requiredScope: string;
}

/** Gives a function what publishing unlock commands takes (the data endpoint, `iot:Publish` on the unlock topics). */
export interface UnlockPublisher {
  allowPublishingUnlocks(fn: LambdaFunction): void;
}

/** Gives a function what starting the named timers takes (their ARNs, `states:StartExecution` on them). */
export interface TimerStarter {
  allowStartingTimers(fn: LambdaFunction, workflowIds: readonly WorkflowId[]): void;
}

/** Gives a function what storing photos takes (the bucket's name, object actions on `photos/*` of it). */
export interface PhotoStorer {
  allowStoringPhotos(fn: LambdaFunction): void;
}

/** Gives a function what managing operators' sign-ins takes (the user pool's id, the directory's actions on it). */
export interface OperatorManager {
  allowManagingOperators(fn: LambdaFunction): void;
}

/** Gives a function what signing and verifying member tickets takes (the key secret's ARN, reading that secret). */
export interface TicketSigner {
  allowSigningTickets(fn: LambdaFunction): void;
}

/** Props of {@link Api}. */
export interface ApiProps {
  /** Stage settings: names, Lambda sizing, log retention, Powertools. */
  readonly config: StageConfig;
  /** The rows this construct serves: one function and one route each. */
  readonly rows: readonly Route[];
  /** The API the routes are added to, its authorizer and required scope. */
  readonly api: SharedHttpApi;
  /**
   * The single table; each function gets exactly its route's table actions on it (`tableActionsOf`: the row's, and
   * the read of an operator caller's account), and on its indexes when the route queries.
   */
  readonly table: ITable;
  /** Equips the functions of rows with `publishesUnlocks` to publish unlock commands to the doors. */
  readonly unlockPublisher: UnlockPublisher;
  /** Equips the functions of rows with `startsTimers` to start the state machines the row names. */
  readonly timerStarter: TimerStarter;
  /** Equips the functions of rows with `storesPhotos` to store photos in the photos bucket. */
  readonly photoStorer: PhotoStorer;
  /** Equips the functions of rows with `readsExports` to hand out export files. */
  readonly exportReader: ExportReader;
  /** Equips the functions of rows with `managesOperators` to manage operators' sign-ins in the user pool. */
  readonly operatorManager: OperatorManager;
  /** Equips the functions of rows with `signsTickets` to read the member ticket signing key. */
  readonly ticketSigner: TicketSigner;
  /**
   * Handler source of a row, relative to the project root.
   * @default handlerEntry (lambdas/routes.ts)
   */
  readonly handlerEntry?: (route: Route) => string;
}

/** Physical name of a route's function. */
export const routeFunctionName = (prefix: string, route: Route): string => `${prefix}-${route.id}`;

/** Route key as API Gateway shows it, e.g. `GET /v1/facilities`. */
export const routeKeyOf = (route: Route): string => `${route.method} ${route.path}`;

const pascalCase = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

/**
 * Routes of the shared HTTP API: one NodejsFunction and one JWT-authorized route per row it is given, the
 * function's permission and integration in this construct's stack. Rows with `publishesUnlocks` get what
 * publishing unlock commands takes from the `unlockPublisher`, rows with `startsTimers` what starting timers
 * takes from the `timerStarter`, rows with `storesPhotos` what storing photos takes from the `photoStorer`, rows with
 * `readsExports` what handing out export files takes from the `exportReader`, rows with
 * `managesOperators` what managing operators' sign-ins takes from the `operatorManager`, rows with `signsTickets` what
 * signing member tickets takes from the `ticketSigner`; rows with `bundledFiles` get those files beside their bundle (no
 * other function carries them). Per row: function, role (grants inline), log group, permission, integration, route.
 */
export class Api extends Construct {
  /** Functions by route id. */
  readonly functions: ReadonlyMap<string, NodejsFunction>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config, table, api } = props;
    const entryOf = props.handlerEntry ?? handlerEntry;

    const authorizer = HttpAuthorizer.fromHttpAuthorizerAttributes(this, 'CognitoJwt', {
      authorizerId: api.authorizerId,
      authorizerType: HttpAuthorizerType.JWT,
    });

    const functions = new Map<string, NodejsFunction>();
    for (const route of props.rows) {
      const name = pascalCase(route.id);
      const fn = createHandlerFunction(this, name, {
        config,
        functionName: routeFunctionName(config.prefix, route),
        description: `${routeKeyOf(route)} (${config.stage})`,
        entry: entryOf(route),
        table,
        bundledFiles: route.bundledFiles,
      });

      fn.addToRolePolicy(tableAccessStatement('RouteTableAccess', table, tableActionsOf(route)));

      if (route.publishesUnlocks) props.unlockPublisher.allowPublishingUnlocks(fn);
      if (route.startsTimers) props.timerStarter.allowStartingTimers(fn, route.startsTimers);
      if (route.storesPhotos) props.photoStorer.allowStoringPhotos(fn);
      if (route.readsExports) props.exportReader.allowReadingExports(fn);
      if (route.managesOperators) props.operatorManager.allowManagingOperators(fn);
      if (route.signsTickets) props.ticketSigner.allowSigningTickets(fn);

      new HttpRoute(this, `${name}Route`, {
        httpApi: api.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${name}Integration`, fn),
        authorizer,
        authorizationScopes: [api.requiredScope],
      });

      functions.set(route.id, fn);
    }
    this.functions = functions;
  }
}
