import type { FileStore, PresignedUpload, PresignedUploadRequest } from '../ports';
import { S3Bucket } from '../sdk/s3-objects';
import { keyUnder, type S3PrefixOptions } from './s3-bucket';

/**
 * The file store on one S3 bucket: presigned POSTs whose policy holds the exact content type and a
 * content-length range, presigned GETs, deletes. Signed by lambdas/platform/sdk/s3-objects.ts, without the S3 client
 * (what its presigners and DeleteObjectCommand produce, and no more to load). The bucket is set up on first use.
 */
export class S3FileStore implements FileStore {
  private objects: S3Bucket | undefined;

  constructor(private readonly options: S3PrefixOptions) {}

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
