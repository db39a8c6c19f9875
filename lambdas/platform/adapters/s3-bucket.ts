import type { S3BucketOptions } from '../sdk/s3-objects';

/** A bucket of which a store uses the keys under `keyPrefix` alone (the IAM grant covers only it). */
export interface S3PrefixOptions extends S3BucketOptions {
  /** Keys must start with this; refused here rather than by S3. */
  keyPrefix: string;
}

/**
 * `key` when it lies under `keyPrefix` (the only keys the function's IAM grant covers): a key outside it is refused
 * here rather than by S3.
 */
export function keyUnder(keyPrefix: string, key: string): string {
  const rest = key.slice(keyPrefix.length).split('/');
  // `photos/../x` starts with `photos/` and is not under it; an empty segment names no object either
  if (!key.startsWith(keyPrefix) || rest.some((segment) => segment === '' || segment === '.' || segment === '..'))
    throw new Error(`File key ${JSON.stringify(key)} is not under ${keyPrefix}`);
  return key;
}
