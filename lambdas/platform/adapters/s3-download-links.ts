import type { DownloadStore } from '../ports';
import { S3Bucket } from '../sdk/s3-objects';
import { keyUnder, type S3PrefixOptions } from './s3-bucket';

/**
 * Presigned GETs of download files: what a function that only hands out links needs of the download store, without
 * the S3 client its uploads take (lambdas/platform/sdk/s3-objects.ts signs them as the SDK's presigner does).
 */
export class S3DownloadLinks implements Pick<DownloadStore, 'presignedDownload'> {
  private objects: S3Bucket | undefined;

  constructor(private readonly options: S3PrefixOptions) {}

  async presignedDownload(key: string, expiresInSeconds: number): Promise<string> {
    this.objects ??= new S3Bucket(this.options);
    return this.objects.presignedGet(keyUnder(this.options.keyPrefix, key), expiresInSeconds);
  }
}
