/**
 * Signed calls to AWS services without their SDK clients (issue 19): a function that starts a Step Functions
 * execution, publishes to the IoT data plane or deletes an S3 object sends one request, and a whole client (its
 * middleware stack, serde schemas, endpoint rule set, checksums: 20 to 100 KiB gzip each) is a lot to load for it.
 * This module signs requests with the SDK's own SigV4 signer (`@smithy/signature-v4`) and sends them through its
 * HTTP handler (`@smithy/node-http-handler`), both of which every bundle carries already for DynamoDB, with the
 * credentials the SDK's clients would use (`@aws-sdk/credential-provider-node`, which bundles alias to the
 * environment's credentials: lib/bundling.ts).
 *
 * Like the SDK's standard retry strategy, a call is tried at most three times, again after a throttling or transient
 * error (429, 5xx, a throttling error code, a connection reset or refused, a timeout), with a jittered exponential
 * delay; every attempt is signed afresh. A failed call throws an {@link AwsServiceError} named by the service's error
 * code (`ExecutionAlreadyExists`, `NoSuchBucket`, …), as the SDK's exceptions are.
 */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';

/** What sends a signed request (the SDK's `requestHandler` shape): `NodeHttpHandler`, or a test's stand-in. */
export interface HttpHandler {
  handle(
    request: HttpRequest,
  ): Promise<{ response: { statusCode: number; headers: Record<string, string>; body?: unknown } }>;
}

/** Attempts of one call, the first included (the SDK's default). */
export const MAX_ATTEMPTS = 3;
/** Base of the exponential retry delay (the SDK's). */
const RETRY_BASE_MS = 100;
/** Most a retry waits (the SDK's). */
const RETRY_CAP_MS = 20_000;
/** How long a connection may take to open. */
export const CONNECTION_TIMEOUT_MS = 3_000;
/**
 * How long an answer may take once the request is sent (one attempt), then it fails as a `TimeoutError` and is tried
 * again: three attempts and their delays fit in an HTTP function's 10 s with room for its table work (these calls
 * answer in tens of milliseconds).
 */
export const REQUEST_TIMEOUT_MS = 2_500;

/** SHA-256 and HMAC-SHA-256 of node:crypto, in the shape the SDK's signer takes. */
export class Sha256 implements Checksum {
  private hash;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.make();
  }

  update(data: Uint8Array | string): void {
    this.hash.update(bytesOf(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.make();
  }

  private make() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.secret));
  }
}

/** Bytes of text (UTF-8) or of a buffer, without a copy where there is one already. */
export function bytesOf(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** The region the SDK's clients would use in Lambda and in the local stack: `AWS_REGION`. */
export function awsRegion(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const region = env.AWS_REGION;
  if (!region) throw new Error('Region is missing: AWS_REGION is not set');
  return region;
}

/** The DNS suffix of a region's partition (the SDK's partitions, the ones a region name tells apart). */
export function dnsSuffix(region: string): string {
  if (region.startsWith('cn-')) return 'amazonaws.com.cn';
  if (region.startsWith('us-iso-')) return 'c2s.ic.gov';
  if (region.startsWith('us-isob-')) return 'sc2s.sgov.gov';
  return 'amazonaws.com';
}

let sharedCredentials: AwsCredentialIdentityProvider | undefined;
/** The credentials of the process, as the SDK's clients find them (memoized and refreshed by the provider). */
export function processCredentials(): AwsCredentialIdentityProvider {
  sharedCredentials ??= defaultProvider();
  return sharedCredentials;
}

/** What a caller may set of a service (tests): the rest comes from the environment, as the SDK's clients take it. */
export interface AwsClientOptions {
  /** @default AWS_REGION */
  region?: string;
  /** @default the process's credentials, as the SDK's clients find them */
  credentials?: AwsCredentialIdentityProvider;
  /** Where requests go (tests): the SDK's handler by default. */
  handler?: HttpHandler;
}

/** The service signed as `signingName`, with `options` over the environment's region and credentials. */
export function awsService(
  signingName: string,
  options: AwsClientOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): AwsService {
  return {
    signingName,
    region: options.region ?? awsRegion(env),
    credentials: options.credentials ?? processCredentials(),
    ...(signingName === 's3' ? { s3: true } : {}),
    ...(options.handler ? { handler: options.handler } : {}),
  };
}

/** A value as one URI path segment, as the SDK escapes labels: `encodeURIComponent`, and `!'()*` too. */
export const escapeSegment = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A JSON-protocol operation (awsJson1_0 / 1_1): `POST /` to the service's endpoint, named by `x-amz-target`. */
export interface AwsJsonOperation {
  /** The endpoint's host prefix in AWS (`states`, `secretsmanager`). */
  endpointPrefix: string;
  /** `1.0` or `1.1`, the protocol's content type. */
  version: '1.0' | '1.1';
  /** `AWSStepFunctions.StartExecution`, `secretsmanager.GetSecretValue`. */
  target: string;
}

/** Calls a JSON-protocol operation with `input`; `endpoint` is a local one (unset in AWS); its answer, parsed. */
export async function awsJsonCall(
  service: AwsService,
  endpoint: string | undefined,
  operation: AwsJsonOperation,
  input: object,
): Promise<Record<string, unknown>> {
  const url = new URL(endpoint ?? `https://${operation.endpointPrefix}.${service.region}.${dnsSuffix(service.region)}`);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  const answer = await awsCall(service, {
    method: 'POST',
    url,
    headers: { 'content-type': `application/x-amz-json-${operation.version}`, 'x-amz-target': operation.target },
    body: JSON.stringify(input),
  });
  const text = answer.body.toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}

/** A service as its calls need it. */
export interface AwsService {
  /** The SigV4 signing name (`states`, `iotdata`, `s3`). */
  signingName: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  /** S3 signs the path as it is sent (no second escaping), as the SDK's S3 client does. */
  s3?: boolean;
  /** Where requests go (tests): the SDK's handler by default, with the timeouts above. */
  handler?: HttpHandler;
}

/** One request: `url` holds the scheme, host, port and escaped path; the query comes apart, unescaped. */
export interface AwsRequest {
  method: string;
  url: URL;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A successful answer. */
export interface AwsAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A failed call: `name` is the service's error code, as in the SDK's exceptions. */
export class AwsServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { httpStatusCode?: number; requestId?: string; attempts: number };

  constructor(
    name: string,
    message: string,
    statusCode: number | undefined,
    requestId: string | undefined,
    attempts: number,
  ) {
    super(message || name);
    this.name = name;
    this.$fault = statusCode !== undefined && statusCode < 500 ? 'client' : 'server';
    this.$metadata = { httpStatusCode: statusCode, requestId, attempts };
  }
}

/** The request of {@link AwsRequest} as the signer and the handler take it (with `host`, and a length for a body). */
export function httpRequest(request: AwsRequest): HttpRequest {
  const { url } = request;
  const headers: Record<string, string> = { ...request.headers, host: url.host };
  if (request.body !== undefined) headers['content-length'] = String(bytesOf(request.body).length);
  return new HttpRequest({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: { ...request.query },
    headers,
    body: request.body,
  });
}

/** Signers by service, region and credentials (one per process in practice). */
const signers = new WeakMap<AwsCredentialIdentityProvider, Map<string, SignatureV4>>();
export function signerOf(service: AwsService): SignatureV4 {
  let byName = signers.get(service.credentials);
  if (!byName) {
    byName = new Map();
    signers.set(service.credentials, byName);
  }
  const key = `${service.signingName} ${service.region} ${service.s3 === true}`;
  let signer = byName.get(key);
  if (!signer) {
    signer = new SignatureV4({
      service: service.signingName,
      region: service.region,
      credentials: service.credentials,
      sha256: Sha256,
      uriEscapePath: !service.s3,
      applyChecksum: true,
    });
    byName.set(key, signer);
  }
  return signer;
}

/** The SDK's HTTP handler with the timeouts above: a request past `requestTimeoutMs` fails as a `TimeoutError`. */
export const awsHttpHandler = (requestTimeoutMs: number = REQUEST_TIMEOUT_MS): HttpHandler =>
  new NodeHttpHandler({
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: requestTimeoutMs,
    // without it, a request past its timeout is only logged, and waited for
    throwOnRequestTimeout: true,
  });

let sharedHandler: HttpHandler | undefined;
const handlerOf = (service: AwsService): HttpHandler => {
  if (service.handler) return service.handler;
  sharedHandler ??= awsHttpHandler();
  return sharedHandler;
};

/** Error codes the SDK retries as throttling. */
const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
/** Error codes the SDK retries as transient. */
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
/** Network failures (Node's error codes) retried as transient. */
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED']);

/** Whether a failed attempt is worth another. */
export function retryable(error: unknown): boolean {
  if (error instanceof AwsServiceError) {
    const status = error.$metadata.httpStatusCode ?? 0;
    return (
      THROTTLING.has(error.name) || TRANSIENT.has(error.name) || status === 429 || [500, 502, 503, 504].includes(status)
    );
  }
  const failure = error as { name?: string; code?: string } | undefined;
  return (
    (failure?.name !== undefined && TRANSIENT.has(failure.name)) ||
    (failure?.code !== undefined && NETWORK.has(failure.code))
  );
}

/** The wait before attempt `attempt + 1`: full jitter on an exponential ceiling. */
export const retryDelayMs = (attempt: number, random: () => number = Math.random): number =>
  Math.floor(random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** attempt));

const collect = async (body: unknown): Promise<Buffer> => {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as IncomingMessage) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
};

const headerOf = (headers: Record<string, string>, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
};

/** `aws.protocol#Code:extra` → `Code`, as the SDK's error-code sanitiser. */
const sanitizeCode = (code: string): string => {
  let cleaned = code;
  if (cleaned.includes(':')) cleaned = cleaned.split(':')[0] as string;
  if (cleaned.includes('#')) cleaned = cleaned.split('#')[1] as string;
  return cleaned;
};

/** The service's error in a failed answer: JSON protocols' `__type`/`code`/`x-amzn-errortype`, S3's XML `<Code>`. */
export function errorOf(answer: AwsAnswer, attempts: number): AwsServiceError {
  const text = answer.body.toString('utf8');
  const requestId = headerOf(answer.headers, 'x-amzn-requestid') ?? headerOf(answer.headers, 'x-amz-request-id');
  let code = headerOf(answer.headers, 'x-amzn-errortype');
  let message = '';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      code ??= [parsed.__type, parsed.code, parsed.Code].find((value): value is string => typeof value === 'string');
      const said = parsed.message ?? parsed.Message;
      if (typeof said === 'string') message = said;
    } catch {
      // not JSON after all: named by its status below
    }
  } else if (trimmed.startsWith('<')) {
    code ??= /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '';
  }
  const name = code ? sanitizeCode(code) : answer.statusCode >= 500 ? 'InternalError' : `Http${answer.statusCode}Error`;
  return new AwsServiceError(
    name,
    message || `${name} (HTTP ${answer.statusCode})`,
    answer.statusCode,
    requestId,
    attempts,
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends `request` to `service`, signed, with the retries above; a 2xx answer, else throws. */
export async function awsCall(service: AwsService, request: AwsRequest): Promise<AwsAnswer> {
  const signer = signerOf(service);
  const handler = handlerOf(service);
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      const signed = (await signer.sign(httpRequest(request))) as HttpRequest;
      const { response } = await handler.handle(signed);
      const answer: AwsAnswer = {
        statusCode: response.statusCode,
        headers: response.headers,
        body: await collect(response.body),
      };
      if (answer.statusCode >= 200 && answer.statusCode < 300) return answer;
      failure = errorOf(answer, attempt);
    } catch (error) {
      failure = error;
    }
    if (attempt >= MAX_ATTEMPTS || !retryable(failure)) {
      if (failure instanceof AwsServiceError) failure.$metadata.attempts = attempt;
      throw failure;
    }
    await sleep(retryDelayMs(attempt));
  }
}
