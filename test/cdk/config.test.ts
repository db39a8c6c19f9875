import { RemovalPolicy } from 'aws-cdk-lib';
import { LogLevel } from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import { getStageConfig, STAGES } from '../../lib/config';

describe('getStageConfig', () => {
  it('knows dev and prod', () => {
    expect(STAGES).toEqual(['dev', 'prod']);
    expect(getStageConfig('dev')).toMatchObject({ stage: 'dev', prefix: 'coworking-dev' });
    expect(getStageConfig('prod')).toMatchObject({ stage: 'prod', prefix: 'coworking-prod' });
  });

  it.each(['qa', '', 'Prod', 'production'])('throws on unknown stage %j', (stage) => {
    expect(() => getStageConfig(stage)).toThrow(/Unknown stage .*expected one of dev, prod/);
  });

  it('pins the region and keeps the account optional', () => {
    for (const stage of STAGES) {
      const { env } = getStageConfig(stage);
      expect(env.region).toBe('ap-northeast-1');
      expect(env.account).toBe(process.env.CDK_DEFAULT_ACCOUNT || undefined);
    }
  });

  it('retains data in prod only', () => {
    expect(getStageConfig('prod').table).toEqual({
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      pointInTimeRecovery: true,
    });
    expect(getStageConfig('dev').table).toEqual({
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
      pointInTimeRecovery: true,
    });
  });

  it('sets log retention per stage', () => {
    expect(getStageConfig('dev').logs.retentionDays).toBe(14);
    expect(getStageConfig('prod').logs.retentionDays).toBe(365);
  });

  it('keeps Powertools settings valid', () => {
    for (const stage of STAGES) {
      const { powertools } = getStageConfig(stage);
      expect(['DEBUG', 'INFO', 'WARN', 'ERROR']).toContain(powertools.logLevel);
      expect(powertools.logSampleRate).toBeGreaterThanOrEqual(0);
      expect(powertools.logSampleRate).toBeLessThanOrEqual(1);
    }
  });

  it('logs every state-machine event (cdk-nag SF1), with execution data in dev only', () => {
    expect(getStageConfig('dev').stateMachines).toEqual({ logLevel: LogLevel.ALL, includeExecutionData: true });
    expect(getStageConfig('prod').stateMachines).toEqual({ logLevel: LogLevel.ALL, includeExecutionData: false });
  });
});
