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
  /** Where the stage is deployed: its own account and its region ({@link stageTarget}). */
  readonly env: StageTarget;
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
    /**
     * How Cognito e-mails users (sign-up codes, invitations, password resets): through Amazon SES from a verified
     * identity of the stage's account, or, when absent, Cognito's own e-mail (a small daily quota, meant for trials).
     */
    readonly ses?: SesSender;
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
  /** Where alarms notify (`ALARM_EMAIL`); no subscription when absent, which only dev allows. */
  readonly alarmEmail?: string;
  /**
   * The sender of notifications (the outbox consumer): an address of an SES identity verified in the stage's account
   * and region; the consumer may send from that identity only.
   */
  readonly mail: MailSender;
}

/** Where notifications are sent from (SES v2). */
export interface MailSender {
  /** The From address, of {@link identity}. */
  readonly fromEmail: string;
  /** The SES identity (a verified domain) the consumer's `ses:SendEmail` is limited to. */
  readonly identity: string;
}

/** The sender of the user pool's e-mail through Amazon SES (`UserPoolEmail.withSES`). */
export interface SesSender {
  /** The From address; its domain is {@link verifiedDomain}. */
  readonly fromEmail: string;
  /** Display name beside the From address. */
  readonly fromName: string;
  /**
   * The SES domain identity, verified (DKIM) in the stage's account and `sesRegion` before the stage is deployed;
   * Cognito refuses a sender it cannot use.
   */
  readonly verifiedDomain: string;
  /** Region of the SES identity: the stage's own region, where Cognito sends from by default. */
  readonly sesRegion: string;
}

const PROJECT = 'coworking';
/** The project's home region. */
export const HOME_REGION = 'ap-northeast-1';

/** A stage's settings refuse the environment: the message says what to set. */
export class StageConfigError extends Error {
  override name = 'StageConfigError';
}

/** Environment variables the stage settings read: `process.env` by default, a plain record in tests. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Where a stage is deployed. */
export interface StageTarget {
  /** The stage's own AWS account (12 digits); undefined only in an offline synth of a stage that allows it. */
  readonly account?: string;
  readonly region: string;
}

/**
 * Where each stage lives: an AWS account of its own (AWS's multi-account guidance; here also because the door
 * topics `doors/{doorId}/…` are not stage-prefixed, so a dev backend in the prod account could open prod doors),
 * in a pinned region. The region is never taken from CDK_DEFAULT_REGION, which the CLI fills from the caller's
 * profile (or us-east-1), and which would silently move a stage. Commit a stage's account here once it exists;
 * `COWORKING_<STAGE>_ACCOUNT` overrides it (a CI job, a personal dev account). `offlineWithoutAccount`: whether
 * the stage may be synthesized with no account at all, environment-agnostic, when no AWS credentials are around
 * (tests, CI, `npm run synth`).
 */
export const STAGE_TARGETS: Readonly<
  Record<StageName, { readonly account?: string; readonly region: string; readonly offlineWithoutAccount: boolean }>
> = {
  dev: { account: undefined, region: HOME_REGION, offlineWithoutAccount: true },
  prod: { account: undefined, region: HOME_REGION, offlineWithoutAccount: false },
};

/** The variable that pins a stage's account, e.g. `COWORKING_PROD_ACCOUNT`. */
export const accountVariable = (stage: StageName): string => `COWORKING_${stage.toUpperCase()}_ACCOUNT`;

const ACCOUNT_ID = /^\d{12}$/;

/** The account a stage is pinned to: its variable, else the committed one; undefined when neither. */
function pinnedAccount(stage: StageName, env: Environment): string | undefined {
  const variable = accountVariable(stage);
  const account = env[variable]?.trim() || STAGE_TARGETS[stage].account;
  if (account !== undefined && !ACCOUNT_ID.test(account)) {
    throw new StageConfigError(`${variable}="${account}" is not an AWS account id (12 digits)`);
  }
  return account;
}

/**
 * Where `stage` is deployed: its pinned account and region, checked against every stage's pin.
 * @param env the environment: `COWORKING_<STAGE>_ACCOUNT` for each stage, and `CDK_DEFAULT_ACCOUNT`, which the CDK
 * CLI sets when it finds AWS credentials
 * @throws Error when an account is not 12 digits; when two stages are pinned to one account; when the stage has no
 * account and may not go without one (prod), or could be deployed with the credentials the CLI found (dev with
 * `CDK_DEFAULT_ACCOUNT` set: it would land in whatever account they belong to, prod's included)
 */
export function stageTarget(stage: StageName, env: Environment = process.env): StageTarget {
  const pinned = STAGES.map((s) => ({ stage: s, account: pinnedAccount(s, env) }));
  for (const [i, a] of pinned.entries()) {
    const b = pinned.slice(i + 1).find((other) => a.account !== undefined && other.account === a.account);
    if (b) {
      throw new StageConfigError(
        `Stages ${a.stage} and ${b.stage} are both pinned to account ${a.account} (${accountVariable(a.stage)}, ` +
          `${accountVariable(b.stage)}): each stage needs an AWS account of its own. The door topics ` +
          `doors/{doorId}/… are not stage-prefixed, so a ${a.stage} backend in the ${b.stage} account could open ` +
          `${b.stage} doors.`,
      );
    }
  }
  const { region, offlineWithoutAccount } = STAGE_TARGETS[stage];
  const account = pinned.find((p) => p.stage === stage)?.account;
  if (account === undefined) {
    const pin = `set ${accountVariable(stage)}=<its 12-digit account id> (or commit it in STAGE_TARGETS, lib/config.ts)`;
    if (!offlineWithoutAccount) {
      throw new StageConfigError(
        `Stage ${stage} has no AWS account: ${pin}. It is never deployed to whatever account the credentials name.`,
      );
    }
    const found = env.CDK_DEFAULT_ACCOUNT?.trim();
    if (found) {
      throw new StageConfigError(
        `Stage ${stage} has no AWS account, but the CDK CLI found credentials for account ${found}: to deploy ` +
          `${stage}, ${pin}; one account per stage. For an offline synth, run without AWS credentials.`,
      );
    }
  }
  return { account, region };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Where the stage's alarms are e-mailed: `ALARM_EMAIL`.
 * @throws Error when it is not an address, or is absent and `required`
 */
function alarmEmailOf(stage: StageName, env: Environment, required: boolean): string | undefined {
  const email = env.ALARM_EMAIL?.trim() || undefined;
  if (email !== undefined && !EMAIL.test(email))
    throw new StageConfigError(`ALARM_EMAIL="${email}" is not an e-mail address`);
  if (required && email === undefined) {
    throw new StageConfigError(
      `Stage ${stage} needs ALARM_EMAIL=<on-call address>: its alarms (5xx, failed timers, dead letters, door ` +
        'events) must reach someone. The address gets a confirmation e-mail from SNS at the first deploy.',
    );
  }
  return email;
}

const powertools = { serviceName: 'coworking-api', metricsNamespace: 'Coworking' } as const;

const builders: Record<StageName, (env: Environment) => StageConfig> = {
  dev: (env) => ({
    stage: 'dev',
    prefix: `${PROJECT}-dev`,
    env: stageTarget('dev', env),
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
    alarmEmail: alarmEmailOf('dev', env, false),
    // a placeholder domain: verify the stage's own in SES before notifications can be sent
    mail: { fromEmail: 'no-reply@dev.coworking.example', identity: 'dev.coworking.example' },
  }),
  prod: (env) => ({
    stage: 'prod',
    prefix: `${PROJECT}-prod`,
    env: stageTarget('prod', env),
    table: { removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true, pointInTimeRecovery: true },
    userPool: {
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      oauthCallbackUrls: ['https://app.coworking.example/callback'],
      selfSignUp: true,
      threatProtection: StandardThreatProtectionMode.FULL_FUNCTION,
      // a placeholder domain, like the callback URL: verify the real one in SES (README "SES") and put it here
      ses: {
        fromEmail: 'no-reply@coworking.example',
        fromName: 'Coworking',
        verifiedDomain: 'coworking.example',
        sesRegion: HOME_REGION,
      },
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
    alarmEmail: alarmEmailOf('prod', env, true),
    // the user pool's verified domain (README "SES")
    mail: { fromEmail: 'no-reply@coworking.example', identity: 'coworking.example' },
  }),
};

const isStageName = (stage: string): stage is StageName => (STAGES as readonly string[]).includes(stage);

/**
 * `stage` as a stage name.
 * @throws Error naming the known stages when it is not one of them
 */
export function parseStage(stage: string): StageName {
  if (!isStageName(stage)) {
    throw new StageConfigError(`Unknown stage "${stage}": expected one of ${STAGES.join(', ')}`);
  }
  return stage;
}

/**
 * Settings of one stage, as the CDK app deploys it.
 * @param stage `dev` or `prod` (from `-c stage=…`)
 * @param env the environment: the stages' accounts ({@link stageTarget}), `CDK_DEFAULT_ACCOUNT`, `ALARM_EMAIL`
 * @throws Error naming the known stages when `stage` is not one of them; what {@link stageTarget} refuses; prod
 * without `ALARM_EMAIL`, or an `ALARM_EMAIL` that is no address
 */
export function getStageConfig(stage: string, env: Environment = process.env): StageConfig {
  return builders[parseStage(stage)](env);
}
