/**
 * Local stand-in for S3: `s3rver` (a registry package, in this process) behind a thin front server on the public
 * port. s3rver 3.7.1 stores a browser-style POST upload without looking at its policy (its `postObject` lists
 * `policy` as "unimplemented": no signature, no expiry, no condition is checked), so the front server checks a
 * POST upload as S3 does before handing it on: the V4 signature of the policy, its expiration, every condition
 * (`bucket`, `key`, `eq`, `starts-with`, exact matches such as `Content-Type`, `content-length-range`) and that no
 * form field is left uncovered. Every other request goes to s3rver as it came; s3rver checks V2 signatures only,
 * so presigned GETs and SDK calls are accepted from the known access key without their V4 signature being checked.
 * s3rver does not serve AbortMultipartUpload: the front server does (it removes the upload's parts).
 * Objects live in a temp folder removed at stop; the buckets named are created at start.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenOn } from './ports';

/** The bucket of photos locally (`PHOTOS_BUCKET` of `npm start` and the tests). */
export const LOCAL_PHOTOS_BUCKET = 'coworking-local-photos';
/** The bucket of export files locally (`EXPORTS_BUCKET` of `npm start` and the tests). */
export const LOCAL_EXPORTS_BUCKET = 'coworking-local-exports';

/** Largest POST upload body the front server reads (S3's own limit for a POST upload is 5 GB). */
const MAX_POST_BODY_BYTES = 64 * 1024 * 1024;

export function s3PortInUseHint(): string {
  return 'local S3; set S3_PORT to another port';
}

export interface LocalS3Options {
  /** Public port; 0 picks a free one. */
  port: number;
  host?: string;
  /** Buckets created at start. */
  buckets: readonly string[];
  /** The key pair clients sign with (default: the local stack's `local`/`local`, lib/local/env.ts). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface LocalS3 {
  /** `http://host:port`: the `endpoint` of an S3 client (path-style). */
  endpoint: string;
  port: number;
  /** Where the objects are stored (removed at stop). */
  directory: string;
  /** Closes both servers and removes the folder. Idempotent. */
  stop(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
interface S3rverModule {
  new (options: Record<string, unknown>): S3rverInstance;
}
interface AwsAccountModule {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

const require = createRequire(import.meta.url);

/** Starts the local S3. Fails with one line (`Port … is in use (local S3; …)`) when the port is taken. */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const host = options.host ?? '127.0.0.1';
  const credentials = options.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' };
  const front = createServer();
  const port = await listenOn(front, options.port, host, s3PortInUseHint());
  const directory = await mkdtemp(join(tmpdir(), 'coworking-s3-'));
  let s3rver: S3rverInstance | undefined;
  try {
    const S3rver = require('s3rver') as S3rverModule;
    // s3rver knows one account (S3RVER/S3RVER); the clients of the local stack sign with their own key
    (require('s3rver/lib/models/account') as AwsAccountModule).DUMMY_ACCOUNT.createKeyPair(
      credentials.accessKeyId,
      credentials.secretAccessKey,
    );
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      vhostBuckets: false,
      configureBuckets: options.buckets.map((name) => ({ name })),
    });
    const inner = await s3rver.run();
    front.on('request', (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res, inner.port, credentials, directory).catch((error: unknown) => {
        if (!res.headersSent) s3Error(res, 500, 'InternalError', (error as Error).message);
        else res.destroy();
      });
    });
  } catch (error) {
    await closeServer(front);
    await s3rver?.close().catch(() => undefined);
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    directory,
    stop() {
      stopping ??= (async () => {
        await closeServer(front);
        await s3rver?.close().catch(() => undefined);
        await rm(directory, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** An S3 error answer (XML, as S3 gives it). */
function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  res.writeHead(status, { 'content-type': 'application/xml', connection: 'close' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlText(message)}</Message></Error>`,
  );
}

class PolicyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * AbortMultipartUpload (`DELETE /bucket/key?uploadId=…`), which s3rver 3.7.1 does not serve (405): the upload's parts,
 * kept by s3rver in `<bucket>/._S3rver_uploads/<uploadId>/`, are removed, as S3 removes them; 204, or 404
 * `NoSuchUpload` for an upload it does not hold.
 */
async function abortUpload(res: ServerResponse, directory: string, bucket: string, uploadId: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]+$/.test(uploadId) || !/^[a-z0-9.-]+$/.test(bucket)) {
    return s3Error(res, 404, 'NoSuchUpload', 'The specified upload does not exist');
  }
  const parts = join(directory, bucket, '._S3rver_uploads', uploadId);
  if (!existsSync(parts)) return s3Error(res, 404, 'NoSuchUpload', 'The specified upload does not exist');
  await rm(parts, { recursive: true, force: true });
  res.writeHead(204);
  res.end();
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  innerPort: number,
  credentials: { accessKeyId: string; secretAccessKey: string },
  directory: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const uploadId = url.searchParams.get('uploadId');
  const objectBucket = /^\/([^/]+)\/.+$/.exec(url.pathname)?.[1];
  if (req.method === 'DELETE' && uploadId !== null && objectBucket !== undefined) {
    return abortUpload(res, directory, objectBucket, uploadId);
  }
  const bucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const contentType = req.headers['content-type'] ?? '';
  if (req.method !== 'POST' || bucket === undefined || !contentType.startsWith('multipart/form-data')) {
    forward(req, res, innerPort);
    return;
  }
  const body = await readBody(req);
  if (body === undefined) {
    s3Error(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    req.destroy();
    return;
  }
  try {
    const form = await new Request('http://local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
    checkPostPolicy(form, decodeURIComponent(bucket), credentials, Date.now());
  } catch (error) {
    if (error instanceof PolicyRefusal) return s3Error(res, error.status, error.code, error.message);
    return s3Error(
      res,
      400,
      'MalformedPOSTRequest',
      'The body of your POST request is not well-formed multipart/form-data.',
    );
  }
  forward(req, res, innerPort, body);
}

/** The request body, or `undefined` past {@link MAX_POST_BODY_BYTES}. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_POST_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Sends the request to s3rver (its body from `req`, or `body` when already read) and its answer back. */
function forward(req: IncomingMessage, res: ServerResponse, innerPort: number, body?: Buffer): void {
  const headers = { ...req.headers };
  if (body !== undefined) {
    headers['content-length'] = String(body.length);
    delete headers['transfer-encoding'];
  }
  const upstream = httpRequest(
    { host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) s3Error(res, 502, 'InternalError', `local S3: ${error.message}`);
    else res.destroy();
  });
  if (body === undefined) req.pipe(upstream);
  else upstream.end(body);
}

type Condition = Record<string, string> | [string, ...(string | number)[]];

const refuse = (message: string) => new PolicyRefusal(403, 'AccessDenied', `Invalid according to Policy: ${message}`);

/** Form fields the conditions need not cover (S3's POST policy rules). */
const UNCOVERED_FIELDS = new Set(['x-amz-signature', 'file', 'policy']);

/**
 * Checks a POST upload form as S3 does: a V4-signed policy from the known key, not expired, whose every condition
 * holds and which covers every field sent. Throws {@link PolicyRefusal} with S3's code for the first failure.
 */
export function checkPostPolicy(
  form: FormData,
  bucket: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  now: number,
): void {
  const fields = new Map<string, string>();
  let file: File | undefined;
  for (const [name, value] of form.entries()) {
    if (name.toLowerCase() === 'file') {
      if (typeof value === 'string') file = new File([value], 'file');
      else file = value;
      break; // S3 ignores what follows the file
    }
    if (typeof value === 'string') fields.set(name.toLowerCase(), value);
  }
  if (file === undefined)
    throw new PolicyRefusal(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  const policy = fields.get('policy');
  if (policy === undefined) throw new PolicyRefusal(403, 'AccessDenied', 'Anonymous uploads are not allowed here.');

  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
    throw new PolicyRefusal(400, 'InvalidArgument', 'Only AWS4-HMAC-SHA256 POST policies are supported.');
  const [accessKeyId, date, region, service, terminator] = (fields.get('x-amz-credential') ?? '').split('/');
  if (accessKeyId !== credentials.accessKeyId)
    throw new PolicyRefusal(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  if (!date || !region || service !== 's3' || terminator !== 'aws4_request')
    throw new PolicyRefusal(400, 'InvalidArgument', 'X-Amz-Credential is malformed.');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), service), terminator);
  const expected = hmac(signingKey, policy);
  const given = Buffer.from(fields.get('x-amz-signature') ?? '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new PolicyRefusal(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );

  let document: { expiration?: string; conditions?: Condition[] };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    throw new PolicyRefusal(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = Date.parse(document.expiration ?? '');
  if (Number.isNaN(expiration) || !Array.isArray(document.conditions))
    throw new PolicyRefusal(400, 'InvalidPolicyDocument', 'Invalid Policy: expiration and conditions are required.');
  if (expiration <= now) throw refuse('Policy expired.');

  const fieldValue = (name: string) => (name === 'bucket' ? bucket : fields.get(name));
  const covered = new Set<string>();
  let lengthRange: [number, number] | undefined;
  for (const condition of document.conditions) {
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        covered.add(name.toLowerCase());
        if (fieldValue(name.toLowerCase()) !== value)
          throw refuse(`Policy Condition failed: ["eq", "$${name}", ${JSON.stringify(value)}]`);
      }
      continue;
    }
    const [operator, first, second] = condition;
    if (operator === 'content-length-range') {
      lengthRange = [Number(first), Number(second)];
      continue;
    }
    const name = String(first).replace(/^\$/, '').toLowerCase();
    covered.add(name);
    const actual = fieldValue(name) ?? '';
    const ok =
      operator === 'eq' ? actual === second : operator === 'starts-with' ? actual.startsWith(String(second)) : false;
    if (!ok) throw refuse(`Policy Condition failed: ${JSON.stringify(condition)}`);
  }
  const extra = [...fields.keys()].filter(
    (name) => !UNCOVERED_FIELDS.has(name) && !name.startsWith('x-ignore-') && !covered.has(name),
  );
  if (extra.length > 0) throw refuse(`Extra input fields: ${extra.join(', ')}`);
  if (lengthRange) {
    if (file.size > lengthRange[1])
      throw new PolicyRefusal(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    if (file.size < lengthRange[0])
      throw new PolicyRefusal(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
  }
}
