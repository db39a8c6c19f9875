import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import {
  type AddToPrincipalPolicyResult,
  Effect,
  ManagedPolicy,
  PolicyDocument,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type ILogGroup, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { BundledFile } from '../../lambdas/platform/bundled-files';
import { LAMBDA_RUNTIME, lambdaBundlingWith } from '../bundling';
import type { StageConfig } from '../config';

/** Project root (where package.json and package-lock.json live). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Lambda function names are limited to 64 characters. */
export const MAX_FUNCTION_NAME_LENGTH = 64;

/** Id (below the stack) of the one managed policy that lets every handler function send traces to X-Ray. */
export const HANDLER_TRACING_POLICY_ID = 'HandlerTracing';

/** What a function needs to write its own log group (the log group exists: no `logs:CreateLogGroup`). */
export const LOG_WRITE_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'] as const;

/** What active tracing needs; X-Ray supports no resource-level permissions, so these take `*`. */
export const TRACE_WRITE_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] as const;

/** Props of {@link createHandlerFunction}. */
export interface HandlerFunctionProps {
  /** Stage settings: Lambda sizing, log retention, Powertools. */
  readonly config: StageConfig;
  /**
   * Physical function name (at most 64 characters): the dashboard watches functions by it. Its log group is named by
   * CloudFormation (see {@link createHandlerFunction}).
   */
  readonly functionName: string;
  readonly description: string;
  /** Handler source file relative to the project root; it exports `handler`. */
  readonly entry: string;
  /**
   * The single table; its name is passed as `TABLE_NAME`. Grants are the caller's business.
   * @default - no table: no `TABLE_NAME`
   */
  readonly table?: ITable;
  /**
   * Further environment variables.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Files the handler reads at run time, copied beside its bundle (`lambdaBundlingWith`).
   * @default - none
   */
  readonly bundledFiles?: readonly BundledFile[];
  /**
   * How long one invocation may run, for a batch job that reads more than a request does.
   * @default - the stage's `lambda.timeoutSeconds`
   */
  readonly timeout?: Duration;
  /**
   * Memory (MB), for a batch job that holds more than a request does.
   * @default - the stage's `lambda.memorySize`
   */
  readonly memorySize?: number;
}

/** Name of the one inline policy of a handler role: its own log group, then every grant added later. */
export const HANDLER_ROLE_POLICY_NAME = 'OwnLogsAndGrants';

/** The statement letting a function write its own log group (no `logs:CreateLogGroup`). */
const logWriteStatement = (logGroup: ILogGroup): PolicyStatement =>
  new PolicyStatement({ effect: Effect.ALLOW, actions: [...LOG_WRITE_ACTIONS], resources: [logGroup.logGroupArn] });

/**
 * A Lambda execution role that may write `logGroup` and nothing else (no AWS managed policy, no
 * `logs:CreateLogGroup`): what every function of the stack starts from.
 */
export function logWritingRole(scope: Construct, id: string, description: string, logGroup: ILogGroup): Role {
  return new Role(scope, id, {
    description,
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    inlinePolicies: { WriteOwnLogs: new PolicyDocument({ statements: [logWriteStatement(logGroup)] }) },
  });
}

/**
 * The execution role of a handler function. Like {@link logWritingRole}, but what is granted to it later
 * (`addToRolePolicy`, `grant*`, destinations) goes into its one inline policy instead of a separate
 * `AWS::IAM::Policy` resource (CDK's `DefaultPolicy`): one resource less per function, which is what lets a
 * stack hold many route functions under CloudFormation's resource limit. The statements are the same.
 */
export class HandlerRole extends Role {
  private readonly document: PolicyDocument;

  constructor(scope: Construct, id: string, description: string, logGroup: ILogGroup) {
    const document = new PolicyDocument({ statements: [logWriteStatement(logGroup)] });
    super(scope, id, {
      description,
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: { [HANDLER_ROLE_POLICY_NAME]: document },
    });
    this.document = document;
  }

  /** Adds `statement` to the role's inline policy (no `DefaultPolicy` resource). */
  override addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.document.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

/**
 * The stack's one managed policy with the X-Ray actions of active tracing, made on first use. Keeping the
 * `*` these actions need in one document, attached to every handler role, leaves the roles' own policies
 * without wildcards (and gives cdk-nag one place to acknowledge).
 */
function handlerTracingPolicy(scope: Construct): ManagedPolicy {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(HANDLER_TRACING_POLICY_ID);
  if (existing) return existing as ManagedPolicy;
  return new ManagedPolicy(stack, HANDLER_TRACING_POLICY_ID, {
    description: 'Active X-Ray tracing of the handler functions: send trace segments and telemetry',
    statements: [
      new PolicyStatement({
        sid: 'SendTraces',
        effect: Effect.ALLOW,
        actions: [...TRACE_WRITE_ACTIONS],
        resources: ['*'],
      }),
    ],
  });
}

/**
 * The one place for the conventions of every handler function: a NodejsFunction bundled with
 * `lambdaBundling` (the files it reads copied beside the bundle), on {@link LAMBDA_RUNTIME} and arm64, X-Ray active,
 * its own log group with the stage retention and removal policy (named by CloudFormation, not `/aws/lambda/<name>`),
 * the handler environment (`TABLE_NAME`, Powertools settings, source maps), and its own role: trusted by Lambda,
 * allowed to write its own log group (no AWS managed policy), with the stack's tracing policy attached. Callers add what the handler itself
 * needs with `addToRolePolicy`, which lands in the role's inline policy ({@link HandlerRole}). Creates `<name>Logs`,
 * `<name>Role` and `<name>Function` in `scope`.
 * @throws Error when the function name is longer than 64 characters
 */
export function createHandlerFunction(scope: Construct, name: string, props: HandlerFunctionProps): NodejsFunction {
  const { config, functionName } = props;
  if (functionName.length > MAX_FUNCTION_NAME_LENGTH) {
    throw new Error(`Function name "${functionName}" is longer than ${MAX_FUNCTION_NAME_LENGTH} characters`);
  }

  // No fixed name: a log group kept (RETAIN) after a failed first deploy would block the retry with "already exists";
  // CloudFormation names it after the stack and the construct, anew each time the stack is created.
  const logGroup = new LogGroup(scope, `${name}Logs`, {
    retention: config.logs.retentionDays,
    removalPolicy: config.logs.removalPolicy,
  });

  const role = new HandlerRole(scope, `${name}Role`, `Execution role of the function ${functionName}`, logGroup);
  role.addManagedPolicy(handlerTracingPolicy(scope));

  const fn = new NodejsFunction(scope, `${name}Function`, {
    functionName,
    description: props.description,
    entry: path.join(PROJECT_ROOT, props.entry),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
    runtime: LAMBDA_RUNTIME,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? config.lambda.memorySize,
    timeout: props.timeout ?? Duration.seconds(config.lambda.timeoutSeconds),
    role,
    logGroup,
    bundling: lambdaBundlingWith(props.bundledFiles),
    environment: {
      ...(props.table ? { TABLE_NAME: props.table.tableName } : {}),
      POWERTOOLS_SERVICE_NAME: config.powertools.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: config.powertools.metricsNamespace,
      POWERTOOLS_LOG_LEVEL: config.powertools.logLevel,
      POWERTOOLS_LOGGER_SAMPLE_RATE: String(config.powertools.logSampleRate),
      NODE_OPTIONS: '--enable-source-maps',
      ...props.environment,
    },
  });
  // Active tracing set on the resource rather than through `tracing`, which would add the X-Ray `*` statement
  // to this role's own policy; the role has it from the shared tracing policy instead.
  (fn.node.defaultChild as CfnFunction).tracingConfig = { mode: Tracing.ACTIVE };
  return fn;
}
