import { Duration } from 'aws-cdk-lib';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PHOTOS_BUCKET_ENV, PHOTOS_KEY_PREFIX } from '../../contracts/files';
import type { StageConfig } from '../config';
import { accessLogBucket, PRIVATE_BUCKET } from './buckets';

/** What a function storing photos may do, on `photos/*` of the bucket only (no listing, no ACLs). */
export const PHOTO_ACTIONS = ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'] as const;

/** Days an overwritten or deleted photo's old version is kept. */
export const NONCURRENT_PHOTO_DAYS = 30;

/** Props of {@link Photos}. */
export interface PhotosProps {
  /**
   * Stage settings: the photos bucket is removed or retained like the table (`config.table.removalPolicy`), the
   * access logs are kept `config.logs.retentionDays` and removed like the log groups; browsers may POST uploads
   * from `config.api.corsOrigins`.
   */
  readonly config: StageConfig;
}

/**
 * The photos bucket: private (all public access blocked, owner-enforced objects), S3-managed encryption, TLS only,
 * versioned; incomplete multipart uploads aborted after a day, old versions expired after
 * {@link NONCURRENT_PHOTO_DAYS} days; server access logs into a private log bucket of their own. Clients upload and
 * download with presigned URLs; functions get {@link storePhotosPolicy} through {@link allowStoringPhotos}.
 */
export class Photos extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  /** `s3:PutObject`, `s3:GetObject`, `s3:DeleteObject` on `photos/*` of {@link bucket}; one for every function. */
  readonly storePhotosPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: PhotosProps) {
    super(scope, id);
    const { config } = props;
    this.accessLogs = accessLogBucket(this, 'AccessLogs', config);
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'photos/',
      cors: [
        {
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedOrigins: [...config.api.corsOrigins],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'ExpireOldVersions',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_PHOTO_DAYS),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: config.table.removalPolicy,
    });

    this.storePhotosPolicy = new ManagedPolicy(this, 'StorePhotos', {
      description: `Write, read and delete photos, ${PHOTOS_KEY_PREFIX}* of the photos bucket only (${config.stage})`,
      statements: [
        new PolicyStatement({
          sid: 'StorePhotos',
          effect: Effect.ALLOW,
          actions: [...PHOTO_ACTIONS],
          resources: [this.bucket.arnForObjects(`${PHOTOS_KEY_PREFIX}*`)],
        }),
      ],
    });
  }

  /**
   * Gives `fn` the bucket's name (`PHOTOS_BUCKET`) and attaches {@link storePhotosPolicy} to its role.
   * @throws Error when `fn` has no role
   */
  allowStoringPhotos(fn: LambdaFunction): void {
    if (!fn.role) throw new Error(`${fn.node.path}: no role to attach the photo storing policy to`);
    fn.addEnvironment(PHOTOS_BUCKET_ENV, this.bucket.bucketName);
    fn.role.addManagedPolicy(this.storePhotosPolicy);
  }
}
