import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Alarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { WorkflowId } from '../../contracts/workflows';
import { handlerEntry, type Route, routes } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import { ALARM_PERIOD, type Alarms } from './alarms';
import { createHandlerFunction } from './handler-function';
import { tableAccessStatement } from './table';

/** Headers browsers may send cross-origin. */
const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key'];

/** Props of {@link Api}. */
export interface ApiProps {
  /** Stage settings: names, throttling, CORS, Lambda sizing, log retention, Powertools. */
  readonly config: StageConfig;
  /**
   * The single table; each function gets exactly its route's `tableActions` on it (and on its indexes when
   * the route queries).
   */
  readonly table: ITable;
  /** The stack's alarm topic: the API's 5xx and 4xx alarms notify it. */
  readonly alarms: Alarms;
  /** JWT issuer URL of the user pool. */
  readonly issuerUrl: string;
  /** Client ids accepted in the token's `aud` / `client_id` claim. */
  readonly jwtAudience: readonly string[];
  /** Scope every route requires. */
  readonly requiredScope: string;
  /** Equips the functions of rows with `publishesUnlocks` to publish unlock commands to the doors. */
  readonly unlockPublisher: UnlockPublisher;
  /** Equips the functions of rows with `startsTimers` to start the state machines the row names. */
  readonly timerStarter: TimerStarter;
}

/** Gives a function what publishing unlock commands takes (the data endpoint, `iot:Publish` on the unlock topics). */
export interface UnlockPublisher {
  allowPublishingUnlocks(fn: LambdaFunction): void;
}

/** Gives a function what starting the named timers takes (their ARNs, `states:StartExecution` on them). */
export interface TimerStarter {
  allowStartingTimers(fn: LambdaFunction, workflowIds: readonly WorkflowId[]): void;
}

/** Namespace and name of the metric counting the stage's throttled requests (429), from its access logs. */
export const throttledRequestsMetric = (prefix: string) => ({ namespace: `${prefix}/api`, name: 'ThrottledRequests' });

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

/** JSON access-log line; every value a context variable HTTP APIs support. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationStatus: '$context.integrationStatus',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
  }),
);

/**
 * The HTTP API: one NodejsFunction and one JWT-authorized route per row of the route table
 * (lambdas/routes.ts), throttling and CORS from the stage config, JSON access logs on `$default`, and alarms
 * on the stage's 5xx and 4xx responses and on its throttled requests (thresholds from the config). Rows with
 * `publishesUnlocks` get what publishing unlock commands takes from the `unlockPublisher`, rows with
 * `startsTimers` what starting timers takes from the `timerStarter`.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** Base URL of the default stage (ends with `/`). */
  readonly url: string;
  readonly accessLogGroup: LogGroup;
  /** Functions by route id. */
  readonly functions: ReadonlyMap<string, NodejsFunction>;
  /** 5xx responses of the stage reached `config.alarms.apiServerErrors` in 5 minutes. */
  readonly serverErrorsAlarm: Alarm;
  /** 4xx responses (throttled requests among them) of the stage reached `config.alarms.apiClientErrors` in 5 minutes. */
  readonly clientErrorsAlarm: Alarm;
  /**
   * Requests the stage throttled (429), counted from the access logs by a metric filter: HTTP APIs publish no
   * throttle metric of their own.
   */
  readonly throttledRequests: Metric;
  /** Throttled requests reached `config.alarms.apiThrottledRequests` in 5 minutes. */
  readonly throttledRequestsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config, table } = props;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${config.prefix}-api`,
      description: `Coworking reservation API (${config.stage})`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...config.api.corsOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: CORS_ALLOW_HEADERS,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${config.prefix}-api`,
      retention: config.logs.retentionDays,
      removalPolicy: config.logs.removalPolicy,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.throttle.rateLimit, burstLimit: config.api.throttle.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogGroup), format: accessLogFormat },
    });
    this.url = this.stage.url;

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.issuerUrl, {
      authorizerName: `${config.prefix}-jwt`,
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [...props.jwtAudience],
    });

    const functions = new Map<string, NodejsFunction>();

    for (const route of routes) {
      const name = pascalCase(route.id);
      const fn = createHandlerFunction(this, name, {
        config,
        functionName: routeFunctionName(config.prefix, route),
        description: `${routeKeyOf(route)} (${config.stage})`,
        entry: handlerEntry(route),
        table,
      });

      fn.addToRolePolicy(tableAccessStatement('RouteTableAccess', table, route.tableActions));

      if (route.publishesUnlocks) props.unlockPublisher.allowPublishingUnlocks(fn);
      if (route.startsTimers) props.timerStarter.allowStartingTimers(fn, route.startsTimers);

      new HttpRoute(this, `${name}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${name}Integration`, fn),
        authorizer,
        authorizationScopes: [props.requiredScope],
      });

      functions.set(route.id, fn);
    }
    this.functions = functions;

    this.serverErrorsAlarm = props.alarms.alarmWhen(this, 'ServerErrorsAlarm', {
      alarmName: `${config.prefix}-api-5xx`,
      description: `API (${config.stage}): ${config.alarms.apiServerErrors} or more 5xx responses in 5 minutes`,
      metric: this.stage.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: config.alarms.apiServerErrors,
    });
    this.clientErrorsAlarm = props.alarms.alarmWhen(this, 'ClientErrorsAlarm', {
      alarmName: `${config.prefix}-api-4xx`,
      description:
        `API (${config.stage}): ${config.alarms.apiClientErrors} or more 4xx responses in 5 minutes, ` +
        'throttled requests (429) among them',
      metric: this.stage.metricClientError({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: config.alarms.apiClientErrors,
    });

    const throttled = throttledRequestsMetric(config.prefix);
    const throttledFilter = new MetricFilter(this, 'ThrottledRequestsFilter', {
      logGroup: this.accessLogGroup,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: throttled.namespace,
      metricName: throttled.name,
      metricValue: '1',
      defaultValue: 0,
    });
    this.throttledRequests = throttledFilter.metric({ period: ALARM_PERIOD, statistic: 'Sum' });
    this.throttledRequestsAlarm = props.alarms.alarmWhen(this, 'ThrottledRequestsAlarm', {
      alarmName: `${config.prefix}-api-throttled`,
      description: `API (${config.stage}): ${config.alarms.apiThrottledRequests} or more requests throttled (429) in 5 minutes`,
      metric: this.throttledRequests,
      threshold: config.alarms.apiThrottledRequests,
    });
  }
}
