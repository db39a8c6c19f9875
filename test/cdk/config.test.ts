import { RemovalPolicy } from 'aws-cdk-lib';
import { LogLevel } from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import {
  accountVariable,
  getStageConfig,
  HOME_REGION,
  STAGE_TARGETS,
  STAGES,
  StageConfigError,
  stageTarget,
} from '../../lib/config';
import { stageConfig, TEST_ALARM_EMAIL, TEST_ENV, TEST_PROD_ACCOUNT } from './helpers';

describe('getStageConfig', () => {
  it('knows dev and prod', () => {
    expect(STAGES).toEqual(['dev', 'prod']);
    expect(stageConfig('dev')).toMatchObject({ stage: 'dev', prefix: 'coworking-dev' });
    expect(stageConfig('prod')).toMatchObject({ stage: 'prod', prefix: 'coworking-prod' });
  });

  it.each(['qa', '', 'Prod', 'production'])('throws on unknown stage %j', (stage) => {
    expect(() => getStageConfig(stage, TEST_ENV)).toThrow(/Unknown stage .*expected one of dev, prod/);
  });

  it('retains data in prod only', () => {
    expect(stageConfig('prod').table).toEqual({
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      pointInTimeRecovery: true,
    });
    expect(stageConfig('dev').table).toEqual({
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      pointInTimeRecovery: true,
    });
  });

  it('sets log retention per stage', () => {
    expect(stageConfig('dev').logs.retentionDays).toBe(14);
    expect(stageConfig('prod').logs.retentionDays).toBe(365);
  });

  it('keeps Powertools settings valid', () => {
    for (const stage of STAGES) {
      const { powertools } = stageConfig(stage);
      expect(['DEBUG', 'INFO', 'WARN', 'ERROR']).toContain(powertools.logLevel);
      expect(powertools.logSampleRate).toBeGreaterThanOrEqual(0);
      expect(powertools.logSampleRate).toBeLessThanOrEqual(1);
    }
  });

  it('logs every state-machine event (cdk-nag SF1), with execution data in dev only', () => {
    expect(stageConfig('dev').stateMachines).toEqual({ logLevel: LogLevel.ALL, includeExecutionData: true });
    expect(stageConfig('prod').stateMachines).toEqual({ logLevel: LogLevel.ALL, includeExecutionData: false });
  });
});

describe('stage targets: one account per stage, a pinned region', () => {
  const DEV = '111111111111';
  const PROD = TEST_PROD_ACCOUNT;

  it('pins every stage to the home region, whatever region the CLI was given', () => {
    for (const stage of STAGES) {
      expect(STAGE_TARGETS[stage].region).toBe(HOME_REGION);
      const env = { ...TEST_ENV, CDK_DEFAULT_REGION: 'us-east-1', COWORKING_DEV_ACCOUNT: DEV };
      expect(getStageConfig(stage, env).env.region).toBe('ap-northeast-1');
    }
  });

  it('names the variables COWORKING_<STAGE>_ACCOUNT and commits no account', () => {
    expect(STAGES.map(accountVariable)).toEqual(['COWORKING_DEV_ACCOUNT', 'COWORKING_PROD_ACCOUNT']);
    for (const stage of STAGES) expect(STAGE_TARGETS[stage].account).toBeUndefined();
  });

  it('takes each stage account from its variable', () => {
    const env = { COWORKING_DEV_ACCOUNT: DEV, COWORKING_PROD_ACCOUNT: ` ${PROD} ` };
    expect(stageTarget('dev', env)).toEqual({ account: DEV, region: HOME_REGION });
    expect(stageTarget('prod', env)).toEqual({ account: PROD, region: HOME_REGION });
    // a pinned dev deploys with credentials of any account that may assume its bootstrap roles (a CI account)
    expect(stageTarget('dev', { ...env, CDK_DEFAULT_ACCOUNT: '333333333333' }).account).toBe(DEV);
  });

  it('lets dev go unpinned for an offline synth only (no AWS credentials found)', () => {
    expect(stageTarget('dev', {})).toEqual({ account: undefined, region: HOME_REGION });
    expect(stageTarget('dev', { CDK_DEFAULT_ACCOUNT: '' })).toEqual({ account: undefined, region: HOME_REGION });
    expect(() => stageTarget('dev', { CDK_DEFAULT_ACCOUNT: PROD })).toThrow(
      /Stage dev has no AWS account, but the CDK CLI found credentials for account 222222222222: to deploy dev, set COWORKING_DEV_ACCOUNT=/,
    );
  });

  it('refuses prod without a pinned account, with or without credentials', () => {
    for (const env of [{}, { CDK_DEFAULT_ACCOUNT: PROD }, { COWORKING_DEV_ACCOUNT: DEV }]) {
      expect(() => stageTarget('prod', env)).toThrow(
        /Stage prod has no AWS account: set COWORKING_PROD_ACCOUNT=<its 12-digit account id>/,
      );
      expect(() => getStageConfig('prod', env)).toThrow(/Stage prod has no AWS account/);
    }
  });

  it('refuses with a StageConfigError, which bin/app.ts prints without a stack trace', () => {
    expect(() => stageTarget('prod', {})).toThrow(StageConfigError);
    expect(() => getStageConfig('qa', TEST_ENV)).toThrow(StageConfigError);
  });

  it('refuses two stages pinned to one account, whichever stage is built', () => {
    const env = { COWORKING_DEV_ACCOUNT: PROD, COWORKING_PROD_ACCOUNT: PROD };
    for (const stage of STAGES) {
      expect(() => getStageConfig(stage, env)).toThrow(
        /Stages dev and prod are both pinned to account 222222222222 .*each stage needs an AWS account of its own/,
      );
    }
  });

  it.each(['12345', '1234567890123', 'abcdefghijkl', '1234-5678-9012'])('refuses the account id %j', (account) => {
    expect(() => stageTarget('dev', { COWORKING_PROD_ACCOUNT: account })).toThrow(
      /COWORKING_PROD_ACCOUNT=".*" is not an AWS account id \(12 digits\)/,
    );
  });
});

describe('alarm e-mail', () => {
  const pinned = { COWORKING_PROD_ACCOUNT: TEST_PROD_ACCOUNT };

  it('is ALARM_EMAIL, in every stage', () => {
    for (const stage of STAGES) expect(stageConfig(stage).alarmEmail).toBe(TEST_ALARM_EMAIL);
  });

  it('may be absent in dev only', () => {
    expect(getStageConfig('dev', {}).alarmEmail).toBeUndefined();
    expect(getStageConfig('dev', { ALARM_EMAIL: ' ' }).alarmEmail).toBeUndefined();
    expect(() => getStageConfig('prod', pinned)).toThrow(/Stage prod needs ALARM_EMAIL=<on-call address>/);
    expect(() => getStageConfig('prod', { ...pinned, ALARM_EMAIL: '' })).toThrow(/Stage prod needs ALARM_EMAIL/);
  });

  it.each(['ops', 'ops@', '@coworking.example', 'ops@coworking', 'a b@coworking.example'])(
    'refuses ALARM_EMAIL=%j',
    (email) => {
      for (const stage of STAGES) {
        expect(() => getStageConfig(stage, { ...pinned, ALARM_EMAIL: email })).toThrow(/is not an e-mail address/);
      }
    },
  );
});

describe('user pool e-mail', () => {
  it('goes through SES in prod, from an address of the verified domain, in the stage region', () => {
    const { userPool, env } = stageConfig('prod');
    expect(userPool.ses).toBeDefined();
    expect(userPool.ses?.fromEmail.split('@')[1]).toBe(userPool.ses?.verifiedDomain);
    expect(userPool.ses?.sesRegion).toBe(env.region);
  });

  it("is Cognito's own in dev", () => {
    expect(stageConfig('dev').userPool.ses).toBeUndefined();
  });
});
