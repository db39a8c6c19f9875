import type { Context, PostConfirmationTriggerEvent, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestTable, testTable } from '../support/dynamo';

let table: TestTable;
let postConfirmation: (event: PostConfirmationTriggerEvent, context: Context) => Promise<PostConfirmationTriggerEvent>;
let preToken: (event: PreTokenGenerationV2TriggerEvent) => Promise<PreTokenGenerationV2TriggerEvent>;
let getMe: (memberId: string) => Promise<unknown>;

beforeAll(async () => {
  table = await testTable();
  process.env.TABLE_NAME = table.tableName;
  process.env.DYNAMODB_ENDPOINT = table.endpoint;
  process.env.AWS_REGION ??= 'ap-northeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  postConfirmation = (await import('../../../lambdas/modules/membership/auth/post-confirmation')).handler as never;
  preToken = (await import('../../../lambdas/modules/membership/auth/pre-token-generation')).handler;
  const { membershipDeps } = await import('../../../lambdas/modules/membership');
  getMe = async (memberId) => (await membershipDeps().members.getMember(memberId))?.member;
});
afterAll(async () => table?.drop());

const confirmation = (sub: string, attributes: Record<string, string> = {}) =>
  ({
    version: '1',
    region: 'ap-northeast-1',
    userPoolId: 'pool',
    userName: sub,
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    request: { userAttributes: { sub, email: `${sub}@example.com`, ...attributes } },
    response: {},
  }) as PostConfirmationTriggerEvent;

describe('post-confirmation', () => {
  it('creates a member profile with the next member number, once', async () => {
    await postConfirmation(confirmation('user-1'), {} as Context);
    await postConfirmation(confirmation('user-2'), {} as Context);
    await postConfirmation(confirmation('user-1'), {} as Context);
    expect(await getMe('user-1')).toMatchObject({ memberId: 'user-1', memberNumber: 'TW000001', plan: null });
    expect(await getMe('user-2')).toMatchObject({ memberNumber: 'TW000002' });
  });

  it('creates no profile for an operator', async () => {
    await postConfirmation(confirmation('op-1', { 'custom:role': 'operator' }), {} as Context);
    expect(await getMe('op-1')).toBeUndefined();
  });
});

describe('pre-token generation', () => {
  it('adds the role claims and the API scope to the access token', async () => {
    const event = {
      triggerSource: 'TokenGeneration_Authentication',
      request: {
        userAttributes: {
          sub: 'op',
          'custom:role': 'operator',
          'custom:partnerId': 'partner-tw',
          'custom:operatorRole': 'full',
        },
        groupConfiguration: {},
      },
      response: { claimsAndScopeOverrideDetails: {} },
    } as unknown as PreTokenGenerationV2TriggerEvent;
    const answer = await preToken(event);
    expect(answer.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: {
        'custom:role': 'operator',
        'custom:partnerId': 'partner-tw',
        'custom:operatorRole': 'full',
      },
      scopesToAdd: ['coworking/api'],
    });
  });
});
