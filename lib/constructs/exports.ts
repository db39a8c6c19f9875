import { Duration } from 'aws-cdk-lib';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { EXPORT_RETENTION_DAYS, EXPORTS_BUCKET_ENV, EXPORTS_KEY_PREFIX } from '../../contracts/files';
import type { StageConfig } from '../config';
import { accessLogBucket, PRIVATE_BUCKET } from './buckets';

/** What the export job may do on `exports/*`: write a file in parts, and drop the parts of one it could not finish. */
export const EXPORT_WRITE_ACTIONS = ['s3:PutObject', 's3:AbortMultipartUpload'] as const;
/** What a route handing out export files may do on `exports/*`: read them (a presigned GET is signed with its role). */
export const EXPORT_READ_ACTIONS = ['s3:GetObject'] as const;

/** Gives a function what writing export files takes (the bucket's name, {@link EXPORT_WRITE_ACTIONS} on `exports/*`). */
export interface ExportWriter {
  allowWritingExports(fn: LambdaFunction): void;
}

/** Props of {@link Exports}. */
export interface ExportsProps {
  /** Stage settings: the access logs are kept `config.logs.retentionDays` and removed like the log groups. */
  readonly config: StageConfig;
}

/** Gives a function what handing out export files takes (the bucket's name, `s3:GetObject` on `exports/*`). */
export interface ExportReader {
  allowReadingExports(fn: LambdaFunction): void;
}

/**
 * The exports bucket: the CSV files export jobs write (api.md `POST /v1/operator/exports`), read only through presigned
 * GETs. Private (all public access blocked, owner-enforced objects), S3-managed encryption, TLS only; files expire
 * after {@link EXPORT_RETENTION_DAYS} days (the jobs' items go by then too), incomplete multipart uploads are aborted
 * after a day; server access logs into a private log bucket of its own. Removed or retained like the log groups
 * (`config.logs.removalPolicy`): every file in it can be exported again.
 */
export class Exports extends Construct implements ExportReader, ExportWriter {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  /** {@link EXPORT_WRITE_ACTIONS} on `exports/*`: the export job's. */
  readonly writePolicy: ManagedPolicy;
  /** {@link EXPORT_READ_ACTIONS} on `exports/*`: the export status route's. */
  readonly readPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: ExportsProps) {
    super(scope, id);
    const { config } = props;
    this.accessLogs = accessLogBucket(this, 'AccessLogs', config);
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'exports/',
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'ExpireExports', prefix: EXPORTS_KEY_PREFIX, expiration: Duration.days(EXPORT_RETENTION_DAYS) },
      ],
      removalPolicy: config.logs.removalPolicy,
    });

    const onExports = (sid: string, actions: readonly string[]) =>
      new PolicyStatement({
        sid,
        effect: Effect.ALLOW,
        actions: [...actions],
        resources: [this.bucket.arnForObjects(`${EXPORTS_KEY_PREFIX}*`)],
      });
    this.writePolicy = new ManagedPolicy(this, 'WriteExports', {
      description: `Write export files, ${EXPORTS_KEY_PREFIX}* of the exports bucket only (${config.stage})`,
      statements: [onExports('WriteExports', EXPORT_WRITE_ACTIONS)],
    });
    this.readPolicy = new ManagedPolicy(this, 'ReadExports', {
      description: `Read export files, ${EXPORTS_KEY_PREFIX}* of the exports bucket only (${config.stage})`,
      statements: [onExports('ReadExports', EXPORT_READ_ACTIONS)],
    });
  }

  /** Gives `fn` the bucket's name (`EXPORTS_BUCKET`) and {@link writePolicy}. */
  allowWritingExports(fn: LambdaFunction): void {
    this.attach(fn, this.writePolicy);
  }

  /** Gives `fn` the bucket's name (`EXPORTS_BUCKET`) and {@link readPolicy}. */
  allowReadingExports(fn: LambdaFunction): void {
    this.attach(fn, this.readPolicy);
  }

  private attach(fn: LambdaFunction, policy: ManagedPolicy): void {
    if (!fn.role) throw new Error(`${fn.node.path}: no role to attach ${policy.node.id} to`);
    fn.addEnvironment(EXPORTS_BUCKET_ENV, this.bucket.bucketName);
    fn.role.addManagedPolicy(policy);
  }
}
