import type { DownloadStore } from '../ports';
import { S3Bucket, type S3BucketOptions } from '../sdk/s3-objects';
import { keyUnder } from './s3-bucket';

/** Settings of {@link S3DownloadLinks}: the bucket's, and the prefix keys must start with. */
export interface S3DownloadLinksOptions extends S3BucketOptions {
  keyPrefix: string;
}

/**
 * Presigned GETs of download files: what a function that only hands out links needs of the download store, without
 * the S3 client its uploads take (lambdas/platform/sdk/s3-objects.ts signs them as the SDK's presigner does).
 */
export class S3DownloadLinks implements Pick<DownloadStore, 'presignedDownload'> {
  private objects: S3Bucket | undefined;

  constructor(private readonly options: S3DownloadLinksOptions) {}

  async presignedDownload(key: string, expiresInSeconds: number): Promise<string> {
    this.objects ??= new S3Bucket(this.options);
    return this.objects.presignedGet(keyUnder(this.options.keyPrefix, key), expiresInSeconds);
  }
}
