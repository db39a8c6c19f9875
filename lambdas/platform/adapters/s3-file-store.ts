import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore, PresignedUpload, PresignedUploadRequest } from '../ports';

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
    const { keyPrefix } = this.options;
    if (!key.startsWith(keyPrefix) || key.length === keyPrefix.length)
      throw new Error(`File key ${JSON.stringify(key)} is not under ${keyPrefix}`);
    return key;
  }

  private s3(): S3Client {
    const { endpoint } = this.options;
    this.client ??= new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});
    return this.client;
  }
}
