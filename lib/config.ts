/**
 * Typed per-stage settings. Constructs read these (config, not env); handlers only see the few
 * environment variables the constructs derive from them.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { StandardThreatProtectionMode } from 'aws-cdk-lib/aws-cognito';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { LogLevel } from 'aws-cdk-lib/aws-stepfunctions';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/** Powertools log levels (POWERTOOLS_LOG_LEVEL). */
export type PowertoolsLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface StageConfig {
  /** Stage name, also the `stage` tag and the stack name suffix. */
  readonly stage: StageName;
  /** Prefix for physical resource names, e.g. `coworking-dev`. */
  readonly prefix: string;
  /** Target environment; account is undefined when CDK_DEFAULT_ACCOUNT is not set (offline synth). */
  readonly env: { readonly account?: string; readonly region: string };
  readonly table: {
    readonly removalPolicy: RemovalPolicy;
    readonly deletionProtection: boolean;
    readonly pointInTimeRecovery: boolean;
  };
  readonly userPool: {
    readonly removalPolicy: RemovalPolicy;
    readonly deletionProtection: boolean;
    /** OAuth callback URLs of the app client (authorization-code flow). */
    readonly oauthCallbackUrls: readonly string[];
    /**
     * Whether members sign up themselves (confirming their e-mail address); the post-confirmation trigger then
     * creates their profile. Operators and admins are always created by staff.
     */
    readonly selfSignUp: boolean;
    /**
     * Threat protection of the Plus feature plan for password and SRP sign-in: act on risky sign-ins and
     * compromised credentials (`FULL_FUNCTION`) or only record them (`AUDIT_ONLY`).
     */
    readonly threatProtection: StandardThreatProtectionMode.FULL_FUNCTION | StandardThreatProtectionMode.AUDIT_ONLY;
  };
  readonly logs: {
    /** Retention of every log group (Lambda and API access logs), in days. */
    readonly retentionDays: RetentionDays;
    readonly removalPolicy: RemovalPolicy;
  };
  readonly api: {
    /** Default-stage throttling: steady-state requests per second and burst. */
    readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
    readonly corsOrigins: readonly string[];
  };
  readonly lambda: { readonly memorySize: number; readonly timeoutSeconds: number };
  readonly powertools: {
    readonly serviceName: string;
    readonly metricsNamespace: string;
    readonly logLevel: PowertoolsLogLevel;
    /** Share of invocations logged at DEBUG regardless of the level (0..1). */
    readonly logSampleRate: number;
  };
  readonly stateMachines: {
    /**
     * What the timer state machines log to their log groups: every event (`ALL`) or errors only (`ERROR`, which
     * cdk-nag's AwsSolutions-SF1 refuses).
     */
    readonly logLevel: LogLevel.ALL | LogLevel.ERROR;
    /** Whether logged events carry execution input and output (reservation ids, due times). */
    readonly includeExecutionData: boolean;
  };
  /**
   * Alarm thresholds: an alarm fires when one 5-minute period's sum reaches its threshold. Dead-letter queues
   * alarm on their first message whatever the stage.
   */
  readonly alarms: {
    /** API responses with a 5xx status. */
    readonly apiServerErrors: number;
    /** API responses with a 4xx status, throttled requests (429) among them. */
    readonly apiClientErrors: number;
    /** Requests the API throttled (429), counted from its access logs. */
    readonly apiThrottledRequests: number;
    /** Failed invocations (`Errors`) of the door-event function. */
    readonly doorEventErrors: number;
    /** Failed executions of one timer state machine. */
    readonly timerExecutionsFailed: number;
  };
  /** Where alarms notify; no subscription when absent. */
  readonly alarmEmail?: string;
}

const PROJECT = 'coworking';
/** The project's home region. */
export const HOME_REGION = 'ap-northeast-1';

/**
 * Account from the CLI's credentials (CDK_DEFAULT_ACCOUNT), undefined offline. The region is pinned
 * rather than taken from CDK_DEFAULT_REGION: the CLI fills that with the caller's profile region, or
 * us-east-1 when none is configured, which would silently move a stage.
 */
const environment = (): StageConfig['env'] => ({
  account: process.env.CDK_DEFAULT_ACCOUNT || undefined,
  region: HOME_REGION,
});

const powertools = { serviceName: 'coworking-api', metricsNamespace: 'Coworking' } as const;

const builders: Record<StageName, () => StageConfig> = {
  dev: () => ({
    stage: 'dev',
    prefix: `${PROJECT}-dev`,
    env: environment(),
    table: { removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false, pointInTimeRecovery: true },
    userPool: {
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      oauthCallbackUrls: ['http://localhost:3000/callback'],
      selfSignUp: true,
      threatProtection: StandardThreatProtectionMode.AUDIT_ONLY,
    },
    logs: { retentionDays: RetentionDays.TWO_WEEKS, removalPolicy: RemovalPolicy.DESTROY },
    api: {
      throttle: { rateLimit: 50, burstLimit: 100 },
      corsOrigins: ['http://localhost:3000', 'http://localhost:5173'],
    },
    lambda: { memorySize: 512, timeoutSeconds: 10 },
    powertools: { ...powertools, logLevel: 'DEBUG', logSampleRate: 1 },
    stateMachines: { logLevel: LogLevel.ALL, includeExecutionData: true },
    alarms: {
      apiServerErrors: 1,
      apiClientErrors: 50,
      apiThrottledRequests: 20,
      doorEventErrors: 1,
      timerExecutionsFailed: 1,
    },
    alarmEmail: process.env.ALARM_EMAIL || undefined,
  }),
  prod: () => ({
    stage: 'prod',
    prefix: `${PROJECT}-prod`,
    env: environment(),
    table: { removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true, pointInTimeRecovery: true },
    userPool: {
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      oauthCallbackUrls: ['https://app.coworking.example/callback'],
      selfSignUp: true,
      threatProtection: StandardThreatProtectionMode.FULL_FUNCTION,
    },
    logs: { retentionDays: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN },
    api: {
      throttle: { rateLimit: 500, burstLimit: 1000 },
      corsOrigins: ['https://app.coworking.example'],
    },
    lambda: { memorySize: 1024, timeoutSeconds: 10 },
    powertools: { ...powertools, logLevel: 'INFO', logSampleRate: 0.01 },
    // every event (cdk-nag AwsSolutions-SF1), but without the executions' input and output
    stateMachines: { logLevel: LogLevel.ALL, includeExecutionData: false },
    alarms: {
      apiServerErrors: 5,
      apiClientErrors: 500,
      apiThrottledRequests: 10,
      doorEventErrors: 1,
      timerExecutionsFailed: 1,
    },
    alarmEmail: process.env.ALARM_EMAIL || undefined,
  }),
};

const isStageName = (stage: string): stage is StageName => (STAGES as readonly string[]).includes(stage);

/**
 * Settings of one stage.
 * @param stage `dev` or `prod` (from `-c stage=…`)
 * @throws Error naming the known stages when `stage` is not one of them
 */
export function getStageConfig(stage: string): StageConfig {
  if (!isStageName(stage)) {
    throw new Error(`Unknown stage "${stage}": expected one of ${STAGES.join(', ')} (cdk … -c stage=dev|prod)`);
  }
  return builders[stage]();
}
