/**
 * `key` when it lies under `keyPrefix` (the only keys the function's IAM grant covers): a key outside it is refused
 * here rather than by S3.
 */
export function keyUnder(keyPrefix: string, key: string): string {
  if (!key.startsWith(keyPrefix) || key.length === keyPrefix.length)
    throw new Error(`File key ${JSON.stringify(key)} is not under ${keyPrefix}`);
  return key;
}
