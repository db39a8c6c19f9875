/**
 * Stages isolated and deploy hardening (issue 15): the app bin/app.ts builds refuses to synthesize a stage it could
 * deploy to the wrong account (prod unpinned, two stages in one account, dev unpinned with credentials at hand) or
 * that would alarm no one (prod without ALARM_EMAIL), and synthesizes each stage into its pinned account and region.
 */
import { Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBackendApp } from '../../lib/app';
import { type Environment, HOME_REGION, type StageName } from '../../lib/config';
import { STACK_PARTS } from '../../lib/stacks/stack-names';
import { newApp, onlyResource, TEST_ALARM_EMAIL, TEST_ENV, TEST_PROD_ACCOUNT } from './helpers';

const DEV_ACCOUNT = '111111111111';
const cleanUps: (() => void)[] = [];
afterAll(() => {
  for (const cleanUp of cleanUps) cleanUp();
});

/** The stacks bin/app.ts would build for `stage` in `env`. */
function appFor(stage: StageName, env: Environment) {
  const { app, cleanUp } = newApp({ stage });
  cleanUps.push(cleanUp);
  return buildBackendApp(app, { env });
}

describe('the app refuses', () => {
  it('prod without a pinned account, naming the variable', () => {
    expect(() => appFor('prod', {})).toThrow(/Stage prod has no AWS account: set COWORKING_PROD_ACCOUNT=/);
    expect(() => appFor('prod', { CDK_DEFAULT_ACCOUNT: TEST_PROD_ACCOUNT })).toThrow(/Stage prod has no AWS account/);
  });

  it('two stages pinned to one account, whichever stage is synthesized', () => {
    const env = { ...TEST_ENV, COWORKING_DEV_ACCOUNT: TEST_PROD_ACCOUNT };
    expect(() => appFor('dev', env)).toThrow(/Stages dev and prod are both pinned to account 222222222222/);
    expect(() => appFor('prod', env)).toThrow(/Stages dev and prod are both pinned to account 222222222222/);
  });

  it('prod without ALARM_EMAIL: its alarms would reach no one', () => {
    expect(() => appFor('prod', { COWORKING_PROD_ACCOUNT: TEST_PROD_ACCOUNT })).toThrow(
      /Stage prod needs ALARM_EMAIL=<on-call address>/,
    );
  });

  it('dev unpinned when the CDK CLI found credentials (a deploy would land in their account)', () => {
    expect(() => appFor('dev', { CDK_DEFAULT_ACCOUNT: TEST_PROD_ACCOUNT })).toThrow(
      /Stage dev has no AWS account, but the CDK CLI found credentials for account 222222222222/,
    );
  });
});

describe('the app synthesizes', () => {
  it('prod into its pinned account and the home region, every stack', () => {
    const stacks = appFor('prod', { ...TEST_ENV, CDK_DEFAULT_REGION: 'us-east-1' });
    for (const part of STACK_PARTS) {
      expect(stacks[part].account, part).toBe(TEST_PROD_ACCOUNT);
      expect(stacks[part].region, part).toBe(HOME_REGION);
    }
  });

  it('dev into its pinned account when pinned, beside a pinned prod', () => {
    const stacks = appFor('dev', { ...TEST_ENV, COWORKING_DEV_ACCOUNT: DEV_ACCOUNT, CDK_DEFAULT_ACCOUNT: DEV_ACCOUNT });
    for (const part of STACK_PARTS) {
      expect(stacks[part].account, part).toBe(DEV_ACCOUNT);
      expect(stacks[part].region, part).toBe(HOME_REGION);
    }
  });

  it('dev unpinned offline: environment-agnostic account, pinned region, and no alarm e-mail if none is given', () => {
    const stacks = appFor('dev', {});
    for (const part of STACK_PARTS) {
      expect(Token.isUnresolved(stacks[part].account), part).toBe(true);
      expect(stacks[part].region, part).toBe(HOME_REGION);
    }
    Template.fromStack(stacks.data).resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('prod with its alarms e-mailed to ALARM_EMAIL', () => {
    const stacks = appFor('prod', TEST_ENV);
    const template = Template.fromStack(stacks.data);
    const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
    onlyResource(template, 'AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: TEST_ALARM_EMAIL,
      TopicArn: { Ref: topicId },
    });
  });
});
