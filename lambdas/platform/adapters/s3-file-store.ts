import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { FileStore, PresignedUpload, PresignedUploadRequest } from '../ports';
import type { HttpHandler } from '../sdk/aws-http';
import { S3Bucket } from '../sdk/s3-objects';
import { keyUnder } from './s3-bucket';

/** Settings of {@link S3FileStore}. */
export interface S3FileStoreOptions {
  bucket: string;
  /** A local S3 (`S3_ENDPOINT`); addressed path-style (`http://host:port/bucket/key`). Unset in the cloud. */
  endpoint?: string | undefined;
  /** Keys must start with this (the IAM grant covers only it); refused here rather than by S3. */
  keyPrefix: string;
  /** @default AWS_REGION */
  region?: string;
  /** @default the process's credentials, as the SDK's clients find them */
  credentials?: AwsCredentialIdentityProvider;
  /** Where its requests go (tests). */
  handler?: HttpHandler;
}

/**
 * The file store on one S3 bucket: presigned POSTs whose policy holds the exact content type and a
 * content-length range, presigned GETs, deletes. Signed by lambdas/platform/sdk/s3-objects.ts, without the S3 client
 * (what its presigners and DeleteObjectCommand produce, and no more to load). The bucket is set up on first use.
 */
export class S3FileStore implements FileStore {
  private objects: S3Bucket | undefined;

  constructor(private readonly options: S3FileStoreOptions) {}

  async presignedUpload({
    key,
    contentType,
    maxBytes,
    expiresInSeconds,
  }: PresignedUploadRequest): Promise<PresignedUpload> {
    if (!Number.isInteger(maxBytes) || maxBytes < 1)
      throw new Error(`maxBytes must be a positive integer: ${maxBytes}`);
    return this.bucket().presignedPost(this.checked(key), {
      conditions: [
        ['eq', '$Content-Type', contentType],
        ['content-length-range', 1, maxBytes],
      ],
      fields: { 'Content-Type': contentType },
      expiresInSeconds,
    });
  }

  async presignedDownload(key: string, expiresInSeconds: number): Promise<string> {
    return this.bucket().presignedGet(this.checked(key), expiresInSeconds);
  }

  async delete(key: string): Promise<void> {
    await this.bucket().deleteObject(this.checked(key));
  }

  private checked(key: string): string {
    return keyUnder(this.options.keyPrefix, key);
  }

  private bucket(): S3Bucket {
    this.objects ??= new S3Bucket(this.options);
    return this.objects;
  }
}
