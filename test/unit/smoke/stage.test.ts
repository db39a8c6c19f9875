import { describe, expect, it } from 'vitest';
import { getStageConfig, STAGE_TARGETS } from '../../../lib/config';
import { type Sender, stageEndpoints, stageRegion } from '../../../lib/smoke/stage';

const outputs = [
  { OutputKey: 'ApiUrl', OutputValue: 'https://abc123.execute-api.ap-northeast-1.amazonaws.com/' },
  { OutputKey: 'UserPoolId', OutputValue: 'ap-northeast-1_AbCdEf123' },
  { OutputKey: 'UserPoolClientId', OutputValue: 'app-client-1' },
  { OutputKey: 'TableName', OutputValue: 'coworking-dev' },
  { OutputKey: 'PublishOutputXYZ', OutputValue: 'ref' },
];

/** CloudFormation answering DescribeStacks with one stack's outputs, recording what it was asked. */
function fakeCloudFormation(answer: () => unknown) {
  const asked: Array<{ name: string; input: unknown }> = [];
  const sender: Sender = {
    async send(command: { constructor: { name: string }; input: unknown }) {
      asked.push({ name: command.constructor.name, input: command.input });
      return answer();
    },
  };
  return { sender, asked };
}

describe('stageEndpoints', () => {
  it("reads the API URL, user pool and app client from the stage's data stack, in the stage's region", async () => {
    const { sender, asked } = fakeCloudFormation(() => ({
      Stacks: [{ StackName: 'Coworking-dev-Data', Outputs: outputs }],
    }));
    expect(await stageEndpoints(sender, 'dev')).toEqual({
      stage: 'dev',
      region: 'ap-northeast-1',
      apiUrl: 'https://abc123.execute-api.ap-northeast-1.amazonaws.com',
      userPoolId: 'ap-northeast-1_AbCdEf123',
      clientId: 'app-client-1',
    });
    expect(asked).toEqual([{ name: 'DescribeStacksCommand', input: { StackName: 'Coworking-dev-Data' } }]);
  });

  it('reads the prod stage from its own stack', async () => {
    const { sender, asked } = fakeCloudFormation(() => ({ Stacks: [{ Outputs: outputs }] }));
    await stageEndpoints(sender, 'prod');
    expect(asked[0]?.input).toEqual({ StackName: 'Coworking-prod-Data' });
  });

  it('takes the region from the stage settings', () => {
    for (const stage of ['dev', 'prod'] as const) expect(stageRegion(stage)).toBe(STAGE_TARGETS[stage].region);
    // the region a deploy pins, without what a deploy needs (prod's account, ALARM_EMAIL)
    const deploy = { COWORKING_PROD_ACCOUNT: '222222222222', ALARM_EMAIL: 'ops@coworking.example' };
    for (const stage of ['dev', 'prod']) expect(stageRegion(stage)).toBe(getStageConfig(stage, deploy).env.region);
    expect(() => stageRegion('qa')).toThrow(/Unknown stage "qa"/);
  });

  it('names the outputs a stack lacks', async () => {
    const { sender } = fakeCloudFormation(() => ({ Stacks: [{ Outputs: outputs.slice(0, 1) }] }));
    await expect(stageEndpoints(sender, 'dev')).rejects.toThrow(
      'Stack Coworking-dev-Data (ap-northeast-1) has no UserPoolId, UserPoolClientId output: deploy the stage first',
    );
  });

  it('says to deploy a stage whose stack does not exist', async () => {
    const { sender } = fakeCloudFormation(() => {
      throw Object.assign(new Error('Stack with id Coworking-dev-Data does not exist'), { name: 'ValidationError' });
    });
    await expect(stageEndpoints(sender, 'dev')).rejects.toThrow(
      'Stack Coworking-dev-Data does not exist in ap-northeast-1: deploy the stage first',
    );
  });

  it('passes on any other error with the stack and region', async () => {
    const { sender } = fakeCloudFormation(() => {
      throw new Error('Could not load credentials from any providers');
    });
    await expect(stageEndpoints(sender, 'dev')).rejects.toThrow(
      /^Could not read stack Coworking-dev-Data in ap-northeast-1 .*: Could not load credentials from any providers$/,
    );
  });
});
