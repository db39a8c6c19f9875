/**
 * The table a seed run writes: a deployed stage's (its name from the data stack's `TableName` output, in the
 * stage's region from lib/config.ts) or the local stack's DynamoDB Local (`--stage local`).
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '../../lambdas/platform/dynamo/client';
import { DEFAULT_DYNAMODB_PORT } from '../local/dynamodb-local';
import { LOCAL_TABLE_NAME } from '../local/table';
import { type Sender, stackOutputs, stageRegion } from '../smoke/stage';

export type { Sender };

import { stackName } from '../stacks/stack-names';

export const LOCAL_STAGE = 'local';
/** The output of the data stack that names the table (test/cdk/stacks.test.ts holds the stack to it). */
export const TABLE_OUTPUT = 'TableName';
/** The region of the local stack's clients (lib/local/env.ts). */
const LOCAL_REGION = 'ap-northeast-1';

/** A target asked for wrongly (the command's usage). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Target {
  stage: string;
  tableName: string;
  region: string;
  /** DynamoDB Local's endpoint; none for a deployed stage. */
  endpoint?: string;
  /** Where the table name came from, for the report. */
  from: string;
}

/** The table named by a stack's `TableName` output. */
export async function tableOfStack(cloudFormation: Sender, name: string, region: string): Promise<string> {
  const table = (await stackOutputs(cloudFormation, name, region)).get(TABLE_OUTPUT);
  if (!table) throw new Error(`Stack ${name} has no ${TABLE_OUTPUT} output: deploy the stage first`);
  return table;
}

/**
 * The target of `--stage`: `local` is the local stack's DynamoDB Local (`--endpoint`, else `DYNAMODB_ENDPOINT`, else
 * localhost on `DYNAMODB_PORT`) and table (`--table`, else the local stack's); a deployed stage is read from its
 * data stack's outputs, in the region lib/config.ts pins for it.
 */
export async function resolveTarget(
  input: { stage: string; endpoint?: string; table?: string },
  cloudFormationIn?: (region: string) => Sender,
): Promise<Target> {
  if (input.stage === LOCAL_STAGE) {
    const port = process.env.DYNAMODB_PORT ?? String(DEFAULT_DYNAMODB_PORT);
    return {
      stage: LOCAL_STAGE,
      tableName: input.table ?? LOCAL_TABLE_NAME,
      region: LOCAL_REGION,
      endpoint: input.endpoint ?? process.env.DYNAMODB_ENDPOINT ?? `http://localhost:${port}`,
      from: input.table === undefined ? 'the local stack' : '--table',
    };
  }
  if (input.endpoint !== undefined || input.table !== undefined) {
    throw new UsageError('--endpoint and --table are for --stage local: a deployed stage names its table itself');
  }
  // lib/config.ts loads aws-cdk-lib: only for a deployed stage
  const { STAGES } = await import('../config');
  if (!(STAGES as readonly string[]).includes(input.stage)) {
    throw new UsageError(`Unknown stage ${input.stage}: expected ${[...STAGES, LOCAL_STAGE].join(', ')}`);
  }
  // the region alone, as the stage pins it (STAGE_TARGETS): no deploy settings needed to load a stage
  const region = stageRegion(input.stage);
  const stack = stackName(input.stage, 'data');
  const cloudFormation = cloudFormationIn?.(region) ?? new CloudFormationClient({ region });
  const tableName = await tableOfStack(cloudFormation, stack, region);
  return { stage: input.stage, tableName, region, from: `stack ${stack}` };
}

/** A document client for the target, as the handlers make theirs (local credentials for DynamoDB Local). */
export function documentClientOf(target: Target): DynamoDBDocumentClient {
  const local = target.endpoint
    ? { endpoint: target.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {};
  return makeDocumentClient(new DynamoDBClient({ region: target.region, ...local }));
}
