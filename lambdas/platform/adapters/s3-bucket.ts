import { S3Client } from '@aws-sdk/client-s3';

/**
 * `key` when it lies under `keyPrefix` (the only keys the function's IAM grant covers): a key outside it is refused
 * here rather than by S3.
 */
export function keyUnder(keyPrefix: string, key: string): string {
  if (!key.startsWith(keyPrefix) || key.length === keyPrefix.length)
    throw new Error(`File key ${JSON.stringify(key)} is not under ${keyPrefix}`);
  return key;
}

/** An S3 client: the account's S3, or a local one at `endpoint`, addressed path-style (`http://host:port/bucket/key`). */
export const s3Client = (endpoint: string | undefined): S3Client =>
  new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {});
