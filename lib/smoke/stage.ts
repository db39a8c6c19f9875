/**
 * A deployed stage as the command-line tools see it: its region (the stage's settings in `lib/config.ts`) and the
 * outputs of its data stack (`Coworking-<stage>-Data`): the API URL, the user pool and its app client.
 */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { Sender } from '../../iot/provision';
import { parseStage, STAGE_TARGETS } from '../config';
import { stackName } from '../stacks/stack-names';

export type { Sender } from '../../iot/provision';

/** Where a stage answers and where its users sign in. */
export interface StageEndpoints {
  stage: string;
  region: string;
  /** The HTTP API's base URL, without a trailing slash. */
  apiUrl: string;
  userPoolId: string;
  /** The app client (no secret, `USER_SRP_AUTH`). */
  clientId: string;
}

/** The data stack's outputs the tools read (`DataStack`; test/cdk/stacks.test.ts lists them). */
export const DATA_OUTPUTS = { apiUrl: 'ApiUrl', userPoolId: 'UserPoolId', clientId: 'UserPoolClientId' } as const;

/**
 * The region a stage is deployed to, as its settings say (STAGE_TARGETS: the region alone, which needs none of what
 * a deploy does, such as prod's pinned account or ALARM_EMAIL).
 */
export const stageRegion = (stage: string): string => STAGE_TARGETS[parseStage(stage)].region;

/** A stack's outputs by name; a stack that does not exist is an error saying to deploy it. */
export async function stackOutputs(cloudFormation: Sender, name: string, region: string): Promise<Map<string, string>> {
  let answer: { Stacks?: Array<{ Outputs?: Array<{ OutputKey?: string; OutputValue?: string }> }> };
  try {
    answer = await cloudFormation.send(new DescribeStacksCommand({ StackName: name }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/does not exist/.test(message)) {
      throw new Error(`Stack ${name} does not exist in ${region}: deploy the stage first`);
    }
    throw new Error(`Could not read stack ${name} in ${region} (AWS credentials of the stage's account?): ${message}`);
  }
  return new Map((answer.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

/**
 * The API URL, user pool and app client of a deployed stage, from its data stack's outputs.
 * @param cloudFormation a CloudFormation client of the stage's region ({@link stageRegion})
 * @throws Error naming the stack and the outputs it lacks
 */
export async function stageEndpoints(cloudFormation: Sender, stage: string): Promise<StageEndpoints> {
  const region = stageRegion(stage);
  const name = stackName(stage, 'data');
  const outputs = await stackOutputs(cloudFormation, name, region);
  const missing = Object.values(DATA_OUTPUTS).filter((key) => !outputs.get(key));
  if (missing.length > 0) {
    throw new Error(`Stack ${name} (${region}) has no ${missing.join(', ')} output: deploy the stage first`);
  }
  const read = (key: keyof typeof DATA_OUTPUTS) => outputs.get(DATA_OUTPUTS[key]) ?? '';
  return {
    stage,
    region,
    apiUrl: read('apiUrl').replace(/\/+$/, ''),
    userPoolId: read('userPoolId'),
    clientId: read('clientId'),
  };
}
