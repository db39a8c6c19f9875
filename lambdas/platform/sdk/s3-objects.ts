/**
 * The three S3 operations the HTTP functions make, without the S3 client (≈100 KiB minified with its presigners): a
 * presigned GET URL, a presigned POST (a browser form's fields), a DeleteObject. Each produces what the SDK's
 * (`getSignedUrl` of a GetObjectCommand, `createPresignedPost`, DeleteObjectCommand) produces for the same bucket,
 * key, credentials and time (test/unit/platform/aws-calls.test.ts holds them side by side): the same URL and
 * fields, the same request. Addressing is the SDK's too: a local S3 (`endpoint`) path-style
 * (`http://host:port/bucket/key`); in AWS the bucket's virtual host (`https://bucket.s3.region.amazonaws.com/key`), or
 * path-style on the regional endpoint for a bucket name that cannot be a host name under TLS (dots, capitals).
 */
import { buildQueryString } from '@smithy/core/protocols';
import {
  type AwsClientOptions,
  type AwsService,
  awsCall,
  awsService,
  dnsSuffix,
  escapeSegment,
  httpRequest,
  signerOf,
} from './aws-http';

/** One bucket, where it is and how its calls are signed. */
export interface S3BucketOptions extends AwsClientOptions {
  bucket: string;
  /** A local S3, addressed path-style; unset in AWS. */
  endpoint?: string | undefined;
}

/** The SDK's test of a bucket name that can be a virtual host under TLS (no dots). */
const VIRTUAL_HOSTABLE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** S3's escaping of a key: each segment as `encodeURIComponent`, and `!'()*` too; the slashes kept. */
export const escapeKey = (key: string): string => key.split('/').map(escapeSegment).join('/');

/** The S3 operations on one bucket. */
export class S3Bucket {
  private readonly service: AwsService;

  constructor(private readonly options: S3BucketOptions) {
    this.service = awsService('s3', options);
  }

  /** The bucket's URL (a POST upload's), with no trailing slash path-style and `/` on a virtual host, as the SDK's. */
  bucketUrl(): string {
    const { bucket, endpoint } = this.options;
    if (endpoint) return `${endpoint.replace(/\/+$/, '')}/${bucket}`;
    const suffix = dnsSuffix(this.service.region);
    if (VIRTUAL_HOSTABLE.test(bucket)) return `https://${bucket}.s3.${this.service.region}.${suffix}/`;
    return `https://s3.${this.service.region}.${suffix}/${bucket}`;
  }

  /**
   * The object's URL (scheme, host, port, escaped path). A key with an empty, `.` or `..` segment is refused: a URL
   * resolves those (`%2E` too), so the request would name another object than the key, as the SDK's never does.
   */
  objectUrl(key: string): URL {
    if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new Error(`Not an object key this store signs: ${JSON.stringify(key)}`);
    }
    const base = this.bucketUrl();
    return new URL(`${base.endsWith('/') ? base : `${base}/`}${escapeKey(key)}`);
  }

  /** A GET URL of `key` valid for `expiresInSeconds`: as `getSignedUrl(client, new GetObjectCommand(…))`. */
  async presignedGet(key: string, expiresInSeconds: number): Promise<string> {
    const request = httpRequest({
      method: 'GET',
      url: this.objectUrl(key),
      query: { 'x-id': 'GetObject' },
      // the SDK's GetObject asks for checksums (its default response checksum validation); both are hoisted to
      // the query, as its presigner does
      headers: { 'x-amz-checksum-mode': 'ENABLED', 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
    });
    const signed = await signerOf(this.service).presign(request, {
      expiresIn: expiresInSeconds,
      unsignableHeaders: new Set(['content-type']),
    });
    const query = buildQueryString(signed.query ?? {});
    return `${signed.protocol}//${signed.headers.host ?? ''}${signed.path}${query ? `?${query}` : ''}`;
  }

  /**
   * A browser form's POST upload of `key`, as `createPresignedPost(client, { Bucket, Key, Conditions, Fields,
   * Expires })`: the policy holds `conditions`, then each field, then the key; signed with the SigV4 key of the day.
   */
  async presignedPost(
    key: string,
    {
      conditions = [],
      fields: given = {},
      expiresInSeconds = 3600,
    }: { conditions?: readonly unknown[]; fields?: Record<string, string>; expiresInSeconds?: number },
  ): Promise<{ url: string; fields: Record<string, string> }> {
    const now = new Date();
    const signingDate = iso8601(now).replace(/[-:]/g, '');
    const shortDate = signingDate.slice(0, 8);
    const { region } = this.service;
    const credentials = await this.service.credentials();
    const fields: Record<string, string> = {
      ...given,
      bucket: this.options.bucket,
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `${credentials.accessKeyId}/${shortDate}/${region}/s3/aws4_request`,
      'X-Amz-Date': signingDate,
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
    };
    const conditionSet = new Set<string>();
    for (const condition of conditions) conditionSet.add(JSON.stringify(condition));
    for (const [name, value] of Object.entries(fields)) conditionSet.add(JSON.stringify({ [name]: value }));
    conditionSet.add(JSON.stringify({ key }));
    const policy = Buffer.from(
      JSON.stringify({
        expiration: iso8601(new Date(now.valueOf() + expiresInSeconds * 1000)),
        conditions: [...conditionSet].map((condition) => JSON.parse(condition) as unknown),
      }),
      'utf8',
    ).toString('base64');
    // the policy is the string signed, with the SigV4 key of the day, region and service
    const signature = await signerOf(this.service).sign(policy, { signingDate: now });
    return { url: this.bucketUrl(), fields: { ...fields, key, Policy: policy, 'X-Amz-Signature': signature } };
  }

  /** Deletes `key` (a missing key is fine: S3 answers 204 either way). */
  async deleteObject(key: string): Promise<void> {
    await awsCall(this.service, { method: 'DELETE', url: this.objectUrl(key), query: { 'x-id': 'DeleteObject' } });
  }
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
