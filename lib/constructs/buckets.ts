import { Duration } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';

/** What every bucket of ours is: all public access blocked, owner-enforced objects, S3-managed encryption, TLS only. */
export const PRIVATE_BUCKET = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
} as const;

/**
 * A private bucket for another bucket's server access logs: kept `config.logs.retentionDays`, removed or retained like
 * the log groups.
 */
export function accessLogBucket(scope: Construct, id: string, config: StageConfig): Bucket {
  return new Bucket(scope, id, {
    ...PRIVATE_BUCKET,
    lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(config.logs.retentionDays) }],
    removalPolicy: config.logs.removalPolicy,
  });
}
