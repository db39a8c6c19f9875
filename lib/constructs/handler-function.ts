import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { lambdaBundling } from '../bundling';
import type { StageConfig } from '../config';

/** Project root (where package.json and package-lock.json live). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Lambda function names are limited to 64 characters. */
export const MAX_FUNCTION_NAME_LENGTH = 64;

/** Props of {@link createHandlerFunction}. */
export interface HandlerFunctionProps {
  /** Stage settings: Lambda sizing, log retention, Powertools. */
  readonly config: StageConfig;
  /** Physical function name (at most 64 characters); also names the log group `/aws/lambda/<name>`. */
  readonly functionName: string;
  readonly description: string;
  /** Handler source file relative to the project root; it exports `handler`. */
  readonly entry: string;
  /** The single table; its name is passed as `TABLE_NAME`. Grants are the caller's business. */
  readonly table: ITable;
  /**
   * Further environment variables.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * The one place for the conventions of every handler function: a NodejsFunction bundled with
 * `lambdaBundling`, nodejs22.x on arm64, X-Ray active, its own log group with the stage retention, and
 * the handler environment (`TABLE_NAME`, Powertools settings, source maps). Creates `<name>Logs` and
 * `<name>Function` in `scope`.
 * @throws Error when the function name is longer than 64 characters
 */
export function createHandlerFunction(scope: Construct, name: string, props: HandlerFunctionProps): NodejsFunction {
  const { config, functionName } = props;
  if (functionName.length > MAX_FUNCTION_NAME_LENGTH) {
    throw new Error(`Function name "${functionName}" is longer than ${MAX_FUNCTION_NAME_LENGTH} characters`);
  }

  const logGroup = new LogGroup(scope, `${name}Logs`, {
    logGroupName: `/aws/lambda/${functionName}`,
    retention: config.logs.retentionDays,
    removalPolicy: config.logs.removalPolicy,
  });

  return new NodejsFunction(scope, `${name}Function`, {
    functionName,
    description: props.description,
    entry: path.join(PROJECT_ROOT, props.entry),
    handler: 'handler',
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
    runtime: Runtime.NODEJS_22_X,
    architecture: Architecture.ARM_64,
    memorySize: config.lambda.memorySize,
    timeout: Duration.seconds(config.lambda.timeoutSeconds),
    tracing: Tracing.ACTIVE,
    logGroup,
    bundling: lambdaBundling,
    environment: {
      TABLE_NAME: props.table.tableName,
      POWERTOOLS_SERVICE_NAME: config.powertools.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: config.powertools.metricsNamespace,
      POWERTOOLS_LOG_LEVEL: config.powertools.logLevel,
      POWERTOOLS_LOGGER_SAMPLE_RATE: String(config.powertools.logSampleRate),
      NODE_OPTIONS: '--enable-source-maps',
      ...props.environment,
    },
  });
}
