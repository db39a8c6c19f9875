import { DeleteObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore, PresignedUpload, PresignedUploadRequest } from '../ports';
import { keyUnder, s3Client } from './s3-bucket';

/** Settings of {@link S3FileStore}. */
export interface S3FileStoreOptions {
  bucket: string;
  /** A local S3 (`S3_ENDPOINT`); addressed path-style (`http://host:port/bucket/key`). Unset in the cloud. */
  endpoint?: string;
  /** Keys must start with this (the IAM grant covers only it); refused here rather than by S3. */
  keyPrefix: string;
}

/**
 * The file store on one S3 bucket: presigned POSTs whose policy holds the exact content type and a
 * content-length range, presigned GETs, deletes. The client is made on first use.
 */
export class S3FileStore implements FileStore {
  private client: S3Client | undefined;

  constructor(private readonly options: S3FileStoreOptions) {}

  async presignedUpload({
    key,
    contentType,
    maxBytes,
    expiresInSeconds,
  }: PresignedUploadRequest): Promise<PresignedUpload> {
    if (!Number.isInteger(maxBytes) || maxBytes < 1)
      throw new Error(`maxBytes must be a positive integer: ${maxBytes}`);
    const { url, fields } = await createPresignedPost(this.s3(), {
      Bucket: this.options.bucket,
      Key: this.checked(key),
      Conditions: [
        ['eq', '$Content-Type', contentType],
        ['content-length-range', 1, maxBytes],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: expiresInSeconds,
    });
    return { url, fields };
  }

  async presignedDownload(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3(), new GetObjectCommand({ Bucket: this.options.bucket, Key: this.checked(key) }), {
      expiresIn: expiresInSeconds,
    });
  }

  async delete(key: string): Promise<void> {
    await this.s3().send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.checked(key) }));
  }

  private checked(key: string): string {
    return keyUnder(this.options.keyPrefix, key);
  }

  private s3(): S3Client {
    this.client ??= s3Client(this.options.endpoint);
    return this.client;
  }
}
