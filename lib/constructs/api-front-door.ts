import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import type { Alarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, LogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { ALARM_PERIOD, type Alarms } from './alarms';
import type { SharedHttpApi } from './api';

/** Headers browsers may send cross-origin. */
const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match'];

/** Namespace and name of the metric counting the stage's throttled requests (429), from its access logs. */
export const throttledRequestsMetric = (prefix: string) => ({ namespace: `${prefix}/api`, name: 'ThrottledRequests' });

/** Props of {@link ApiFrontDoor}. */
export interface ApiFrontDoorProps {
  /** Stage settings: names, throttling, CORS, log retention, alarm thresholds. */
  readonly config: StageConfig;
  /** The alarm topic: the API's 5xx, 4xx and throttle alarms notify it. */
  readonly alarms: Alarms;
  /** JWT issuer URL of the user pool. */
  readonly issuerUrl: string;
  /** Client ids accepted in the token's `aud` / `client_id` claim. */
  readonly jwtAudience: readonly string[];
  /** Scope every route requires. */
  readonly requiredScope: string;
}

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
 * The one HTTP API of the stage, without its routes: the API (CORS from the stage config), the Cognito JWT
 * authorizer every route uses, the throttled `$default` stage with JSON access logs, and alarms on the
 * stage's 5xx and 4xx responses and on its throttled requests (thresholds from the config). The routes are
 * added by {@link Api} constructs, in this stack or others, through {@link shared}.
 */
export class ApiFrontDoor extends Construct {
  readonly httpApi: HttpApi;
  /** Checks the user pool's access tokens (issuer, audience); routes add the required scope. */
  readonly authorizer: HttpAuthorizer;
  readonly stage: HttpStage;
  /** Base URL of the default stage (ends with `/`). */
  readonly url: string;
  readonly accessLogGroup: LogGroup;
  /** What route constructs need: the API, the authorizer's id and the scope every route requires. */
  readonly shared: SharedHttpApi;
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

  constructor(scope: Construct, id: string, props: ApiFrontDoorProps) {
    super(scope, id);
    const { config } = props;

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
        // editable resources answer their version, CSV answers their file name; browsers see them only when exposed
        exposeHeaders: ['etag', 'content-disposition'],
        maxAge: Duration.hours(1),
      },
    });

    // One authorizer for the whole API, whichever stack its routes live in (an HttpJwtAuthorizer would be
    // created in the stack of the first route that binds it).
    this.authorizer = new HttpAuthorizer(this, 'CognitoJwt', {
      httpApi: this.httpApi,
      type: HttpAuthorizerType.JWT,
      authorizerName: `${config.prefix}-jwt`,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: props.issuerUrl,
      jwtAudience: [...props.jwtAudience],
    });

    this.accessLogGroup = new LogGroup(this, 'AccessLogs', {
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

    this.shared = {
      httpApi: this.httpApi,
      authorizerId: this.authorizer.authorizerId,
      requiredScope: props.requiredScope,
    };

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
