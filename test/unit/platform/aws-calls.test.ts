/**
 * The AWS calls made without the SDK's clients (lambdas/platform/sdk) against the clients themselves, as oracles: with
 * the same credentials, region, clock and endpoint, each sends the same request — method, host, port, path, query,
 * headers, body and the same SigV4 `authorization`, byte for byte — as `SFNClient` (StartExecution),
 * `IoTDataPlaneClient` (Publish) and `S3Client` (DeleteObject); and presigns the same GET URL and POST form as
 * `getSignedUrl` and `createPresignedPost`. The SDK's own extra headers (user agent, invocation id, attempt count),
 * which it signs too, are taken off its requests before they are signed: nothing else is. Both send through the
 * same stand-in handler, so the cloud's endpoints (no `endpoint` set) are compared as well as local ones.
 *
 * Then how the calls fail: an error answer becomes an error named by the service's code (ExecutionAlreadyExists is
 * still a harmless repeated start), throttling, 5xx, connection resets and a request past its timeout are tried again
 * up to three attempts in all, a client error is not. Keys whose dots a URL would resolve are refused.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PHOTOS_KEY_PREFIX } from '../../../contracts/files';
import { WORKFLOW_ARN_ENV } from '../../../contracts/workflows';
import { IotDoorPublisher } from '../../../lambdas/platform/adapters/iot-door-publisher';
import { keyUnder } from '../../../lambdas/platform/adapters/s3-bucket';
import { S3FileStore } from '../../../lambdas/platform/adapters/s3-file-store';
import { SecretsManagerReader } from '../../../lambdas/platform/adapters/secrets-manager-signing-keys';
import { SfnTimerStarter } from '../../../lambdas/platform/adapters/sfn-timer-starter';
import {
  AwsServiceError,
  awsHttpHandler,
  errorOf,
  httpRequest,
  retryable,
} from '../../../lambdas/platform/sdk/aws-http';
import { S3Bucket } from '../../../lambdas/platform/sdk/s3-objects';

const REGION = 'ap-northeast-1';
const KEYS = { accessKeyId: 'AKIDORACLE', secretAccessKey: 'oracle-secret', sessionToken: 'oracle-session' };
const credentials = async () => KEYS;
const LOCAL = 'http://127.0.0.1:4566';

interface Sent {
  method: string;
  protocol: string;
  hostname: string;
  port: number | undefined;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: string;
}

interface Answer {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A handler that records each request and answers the next of `answers` (the last one again when they run out). */
function standIn(...answers: (Answer | Error)[]) {
  const sent: Sent[] = [];
  const handler = {
    async handle(request: {
      method: string;
      protocol: string;
      hostname: string;
      port?: number;
      path: string;
      query?: Record<string, unknown>;
      headers: Record<string, string>;
      body?: unknown;
    }) {
      const body = request.body;
      sent.push({
        method: request.method,
        protocol: request.protocol,
        hostname: request.hostname,
        port: request.port ?? undefined,
        path: request.path,
        query: { ...request.query },
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body:
          body === undefined || body === null
            ? ''
            : typeof body === 'string'
              ? body
              : Buffer.from(body as Uint8Array).toString('utf8'),
      });
      const answer = answers[Math.min(sent.length - 1, answers.length - 1)] ?? { statusCode: 200 };
      if (answer instanceof Error) throw answer;
      return {
        response: {
          statusCode: answer.statusCode,
          headers: answer.headers ?? {},
          body: new TextEncoder().encode(answer.body ?? ''),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  return { handler, sent };
}

/** Takes the SDK's own headers (signed by it, sent by nothing else) off its requests before they are signed. */
function bare<C extends { middlewareStack: { addRelativeTo: (...args: never[]) => void } }>(client: C): C {
  (client.middlewareStack as unknown as { addRelativeTo: (m: unknown, o: unknown) => void }).addRelativeTo(
    (next: (args: { request: { headers: Record<string, string> } }) => unknown) =>
      (args: { request: { headers: Record<string, string> } }) => {
        for (const name of ['user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request'])
          delete args.request.headers[name];
        return next(args);
      },
    { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'oracle-bare' },
  );
  return client;
}

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('StartExecution without the Step Functions client', () => {
  const arn = `arn:aws:states:${REGION}:123456789012:stateMachine:reminder`;
  const env = { AWS_REGION: REGION, [WORKFLOW_ARN_ENV.reminder]: arn };
  const input = { reservationId: 'r-1', remindAt: '2026-01-03T00:00:00.000Z', reminderId: 'x' };
  const accepted = {
    statusCode: 200,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: '{"executionArn":"arn:x","startDate":1.767e9}',
  };

  it.each([
    ['the cloud', undefined],
    ['a local runner', LOCAL],
  ])('sends what SFNClient sends, signed alike (%s)', async (_where, endpoint) => {
    const sdk = standIn(accepted);
    const client = bare(
      new SFNClient({ region: REGION, credentials, requestHandler: sdk.handler, ...(endpoint ? { endpoint } : {}) }),
    );
    await client.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'reminder-r-1', input: JSON.stringify(input) }),
    );
    const ours = standIn(accepted);
    await new SfnTimerStarter(endpoint, env, { credentials, handler: ours.handler }).start(
      'reminder',
      'reminder-r-1',
      input as never,
    );
    expect(ours.sent).toEqual(sdk.sent);
    expect(ours.sent[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDORACLE\/20260102\//);
  });

  it('takes ExecutionAlreadyExists as a repeated start, and throws other errors by their code', async () => {
    const dup = standIn({
      statusCode: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: '{"__type":"com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists","message":"exists"}',
    });
    const starter = new SfnTimerStarter(undefined, env, { credentials, handler: dup.handler });
    await expect(starter.start('reminder', 'n', input as never)).resolves.toBeUndefined();
    expect(dup.sent).toHaveLength(1);

    const missing = standIn({
      statusCode: 400,
      body: '{"__type":"com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist","message":"no machine"}',
    });
    const failing = new SfnTimerStarter(undefined, env, { credentials, handler: missing.handler });
    const error = await failing.start('reminder', 'n', input as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({
      name: 'StateMachineDoesNotExist',
      message: 'no machine',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    expect(missing.sent).toHaveLength(1);
  });

  it('tries a throttled or failed start again, three attempts in all, each signed afresh', async () => {
    const throttled = standIn(
      { statusCode: 400, body: '{"__type":"ThrottlingException","message":"slow down"}' },
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      accepted,
    );
    const starter = new SfnTimerStarter(undefined, env, { credentials, handler: throttled.handler });
    await starter.start('reminder', 'n', input as never);
    expect(throttled.sent).toHaveLength(3);
    expect(throttled.sent.every((s) => s.headers.authorization?.startsWith('AWS4-HMAC-SHA256 '))).toBe(true);

    const down = standIn({ statusCode: 503, body: '' });
    const failing = new SfnTimerStarter(undefined, env, { credentials, handler: down.handler });
    await expect(failing.start('reminder', 'n', input as never)).rejects.toMatchObject({
      name: 'InternalError',
      $fault: 'server',
      $metadata: { httpStatusCode: 503, attempts: 3 },
    });
    expect(down.sent).toHaveLength(3);
  });
});

describe('Publish without the IoT data-plane client', () => {
  const message = { doorId: 'door 1/a', commandId: 'c-1', expiresAt: '2026-01-02T03:05:05.000Z' };

  it.each([
    ['the cloud', undefined],
    ['a local broker', LOCAL],
  ])('sends what IoTDataPlaneClient sends, signed alike (%s)', async (_where, endpoint) => {
    vi.stubEnv('AWS_REGION', REGION);
    try {
      const sdk = standIn({ statusCode: 200, body: '' });
      const client = bare(
        new IoTDataPlaneClient({
          region: REGION,
          credentials,
          requestHandler: sdk.handler,
          ...(endpoint ? { endpoint } : {}),
        }),
      );
      await client.send(
        new PublishCommand({
          topic: 'doors/door 1/a/unlock',
          qos: 1,
          payload: new TextEncoder().encode(JSON.stringify(message)),
          contentType: 'application/json',
        }),
      );
      const ours = standIn({ statusCode: 200, body: '' });
      const publisher = new IotDoorPublisher(endpoint, { credentials, handler: ours.handler });
      await (publisher as unknown as { publish(topic: string, m: object): Promise<void> }).publish(
        'doors/door 1/a/unlock',
        message,
      );
      expect(ours.sent).toEqual(sdk.sent);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('publishes an unlock command on its door’s topic, and fails by the service’s error code', async () => {
    const ok = standIn({ statusCode: 200 });
    const publisher = new IotDoorPublisher(LOCAL, { region: REGION, credentials, handler: ok.handler });
    const unlock = { ...message, doorId: 'door-1' };
    await publisher.publishUnlock(unlock as never);
    expect(ok.sent[0]?.path).toMatch(/^\/topics\/doors%2Fdoor-1%2F/);
    expect(ok.sent[0]?.query).toEqual({ contentType: 'application/json', qos: '1' });
    expect(JSON.parse(ok.sent[0]?.body ?? '')).toEqual(unlock);

    const refused = standIn({
      statusCode: 403,
      headers: { 'x-amzn-ErrorType': 'ForbiddenException:http://internal.amazon.com/coral/' },
      body: '{"message":"not allowed"}',
    });
    const failing = new IotDoorPublisher(LOCAL, { region: REGION, credentials, handler: refused.handler });
    await expect(failing.publishUnlock(unlock as never)).rejects.toMatchObject({
      name: 'ForbiddenException',
      message: 'not allowed',
    });
    expect(refused.sent).toHaveLength(1);
  });
});

describe('GetSecretValue without the Secrets Manager client', () => {
  const secretId = `arn:aws:secretsmanager:${REGION}:123456789012:secret:TicketSigningKey-abc123`;
  const found = {
    statusCode: 200,
    headers: { 'content-type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({
      ARN: secretId,
      Name: 'TicketSigningKey',
      SecretString: 'k'.repeat(64),
      VersionStages: ['AWSCURRENT'],
    }),
  };

  it.each([
    ['the cloud', undefined],
    ['an endpoint of its own', LOCAL],
  ])(
    'sends what SecretsManagerClient sends, signed alike, and reads the same string (%s)',
    async (_where, endpoint) => {
      const sdk = standIn(found);
      const client = bare(
        new SecretsManagerClient({
          region: REGION,
          credentials,
          requestHandler: sdk.handler,
          ...(endpoint ? { endpoint } : {}),
        }),
      );
      const expected = await client.send(
        new GetSecretValueCommand({ SecretId: secretId, VersionStage: 'AWSPREVIOUS' }),
      );
      const ours = standIn(found);
      const reader = new SecretsManagerReader({
        region: REGION,
        credentials,
        handler: ours.handler,
        ...(endpoint ? { endpoint } : {}),
      });
      expect(await reader.secretString(secretId, 'AWSPREVIOUS')).toBe(expected.SecretString);
      expect(ours.sent).toEqual(sdk.sent);
    },
  );

  it('throws a missing version as ResourceNotFoundException, and has no string for a binary secret', async () => {
    const missing = standIn({
      statusCode: 400,
      body: '{"__type":"ResourceNotFoundException","Message":"Secrets Manager can\'t find the specified secret value for staging label: AWSPREVIOUS"}',
    });
    const reader = new SecretsManagerReader({ region: REGION, credentials, handler: missing.handler });
    await expect(reader.secretString(secretId, 'AWSPREVIOUS')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: expect.stringContaining('AWSPREVIOUS'),
    });
    const binary = standIn({ statusCode: 200, body: '{"SecretBinary":"AAEC"}' });
    const binaryReader = new SecretsManagerReader({ region: REGION, credentials, handler: binary.handler });
    expect(await binaryReader.secretString(secretId, 'AWSCURRENT')).toBeUndefined();
  });
});

describe('S3 without the S3 client', () => {
  const sdkClient = (endpoint: string | undefined, region = REGION, requestHandler?: unknown) =>
    new S3Client({
      region,
      credentials,
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      ...(requestHandler ? { requestHandler: requestHandler as never } : {}),
    });
  const KEY = `${PHOTOS_KEY_PREFIX}f-1/a b+c/ü(1)*!'.jpg`;

  it.each([
    ['the cloud, virtual-hosted', 'coworking-photos-1', undefined, REGION],
    ['the cloud, a dotted bucket path-style', 'photos.example', undefined, 'us-east-1'],
    ['a local S3, path-style', 'coworking-local-photos', LOCAL, REGION],
  ])('presigns the GET URL getSignedUrl presigns (%s)', async (_where, bucket, endpoint, region) => {
    const expected = await getSignedUrl(
      sdkClient(endpoint, region),
      new GetObjectCommand({ Bucket: bucket, Key: KEY }),
      {
        expiresIn: 300,
      },
    );
    const ours = await new S3Bucket({ bucket, endpoint, region, credentials }).presignedGet(KEY, 300);
    expect(ours).toBe(expected);
    expect(ours).toContain('X-Amz-Date=20260102T030405Z');
  });

  it.each([
    ['the cloud, virtual-hosted', 'coworking-photos-1', undefined, REGION],
    ['the cloud, a dotted bucket path-style', 'photos.example', undefined, 'us-east-1'],
    ['a local S3, path-style', 'coworking-local-photos', LOCAL, REGION],
  ])('presigns the POST form createPresignedPost presigns (%s)', async (_where, bucket, endpoint, region) => {
    const conditions = [
      ['eq', '$Content-Type', 'image/jpeg'],
      ['content-length-range', 1, 5_000_000],
    ];
    const expected = await createPresignedPost(sdkClient(endpoint, region), {
      Bucket: bucket,
      Key: KEY,
      Conditions: conditions as never,
      Fields: { 'Content-Type': 'image/jpeg' },
      Expires: 600,
    });
    const ours = await new S3Bucket({ bucket, endpoint, region, credentials }).presignedPost(KEY, {
      conditions,
      fields: { 'Content-Type': 'image/jpeg' },
      expiresInSeconds: 600,
    });
    expect(ours).toEqual(expected);
    expect(Object.keys(ours.fields)).toEqual(Object.keys(expected.fields));
  });

  it('presigns alike without a session token (long-term keys, as the local stack’s)', async () => {
    const keys = async () => ({ accessKeyId: 'local', secretAccessKey: 'local' });
    const client = new S3Client({ region: REGION, credentials: keys, endpoint: LOCAL, forcePathStyle: true });
    const ours = new S3Bucket({ bucket: 'coworking-local-photos', endpoint: LOCAL, region: REGION, credentials: keys });
    const url = await ours.presignedGet(KEY, 60);
    expect(url).toBe(
      await getSignedUrl(client, new GetObjectCommand({ Bucket: 'coworking-local-photos', Key: KEY }), {
        expiresIn: 60,
      }),
    );
    expect(url).not.toContain('X-Amz-Security-Token');
    const form = { conditions: [['content-length-range', 1, 10]], fields: { 'Content-Type': 'image/jpeg' } };
    const post = await ours.presignedPost(KEY, { ...form, expiresInSeconds: 60 });
    expect(post).toEqual(
      await createPresignedPost(client, {
        Bucket: 'coworking-local-photos',
        Key: KEY,
        Conditions: form.conditions as never,
        Fields: form.fields,
        Expires: 60,
      }),
    );
    expect(post.fields).not.toHaveProperty('X-Amz-Security-Token');
  });

  it('the file store presigns as the SDK did, with the content type and the size range in the policy', async () => {
    const store = new S3FileStore({
      bucket: 'coworking-photos-1',
      keyPrefix: PHOTOS_KEY_PREFIX,
      region: REGION,
      credentials,
    });
    const upload = await store.presignedUpload({
      key: KEY,
      contentType: 'image/png',
      maxBytes: 1234,
      expiresInSeconds: 60,
    });
    const expected = await createPresignedPost(sdkClient(undefined), {
      Bucket: 'coworking-photos-1',
      Key: KEY,
      Conditions: [
        ['eq', '$Content-Type', 'image/png'],
        ['content-length-range', 1, 1234],
      ],
      Fields: { 'Content-Type': 'image/png' },
      Expires: 60,
    });
    expect(upload).toEqual(expected);
    expect(await store.presignedDownload(KEY, 60)).toBe(
      await getSignedUrl(sdkClient(undefined), new GetObjectCommand({ Bucket: 'coworking-photos-1', Key: KEY }), {
        expiresIn: 60,
      }),
    );
    await expect(store.presignedDownload('elsewhere/x.jpg', 60)).rejects.toThrow(/is not under/);
  });

  it.each([
    ['the cloud', undefined],
    ['a local S3', LOCAL],
  ])('deletes with the request DeleteObjectCommand sends, signed alike (%s)', async (_where, endpoint) => {
    const sdk = standIn({ statusCode: 204 });
    await bare(sdkClient(endpoint, REGION, sdk.handler)).send(
      new DeleteObjectCommand({ Bucket: 'coworking-photos-1', Key: KEY }),
    );
    const ours = standIn({ statusCode: 204 });
    await new S3FileStore({
      bucket: 'coworking-photos-1',
      endpoint,
      keyPrefix: PHOTOS_KEY_PREFIX,
      region: REGION,
      credentials,
      handler: ours.handler,
    }).delete(KEY);
    expect(ours.sent).toEqual(sdk.sent);
  });

  it('names an S3 error by its XML code', async () => {
    const missing = standIn({
      statusCode: 404,
      headers: { 'x-amz-request-id': 'req-1' },
      body: '<?xml version="1.0"?><Error><Code>NoSuchBucket</Code><Message>The bucket is gone</Message></Error>',
    });
    const store = new S3FileStore({
      bucket: 'gone',
      endpoint: LOCAL,
      keyPrefix: PHOTOS_KEY_PREFIX,
      region: REGION,
      credentials,
      handler: missing.handler,
    });
    await expect(store.delete(KEY)).rejects.toMatchObject({
      name: 'NoSuchBucket',
      message: 'The bucket is gone',
      $metadata: { httpStatusCode: 404, requestId: 'req-1', attempts: 1 },
    });
  });
});

describe('keys that would name another object', () => {
  it('the stores refuse a key with an empty, `.` or `..` segment under their prefix', () => {
    expect(keyUnder('photos/', 'photos/f-1/p-1.jpg')).toBe('photos/f-1/p-1.jpg');
    for (const key of ['photos/../secret', 'photos/x/..', 'photos/./x', 'photos//x', 'photos/', 'secret/x']) {
      expect(() => keyUnder('photos/', key), key).toThrow(/is not under photos\//);
    }
  });

  it('the bucket signs no URL a key’s dots would move (a URL resolves `..` and `%2E%2E` alike)', async () => {
    const bucket = new S3Bucket({ bucket: 'coworking-photos-1', region: REGION, credentials });
    for (const key of ['a/../b', 'a/./b', 'a//b', '..']) {
      expect(() => bucket.objectUrl(key), key).toThrow(/Not an object key/);
      await expect(bucket.presignedGet(key, 60)).rejects.toThrow(/Not an object key/);
    }
    expect(bucket.objectUrl('photos/a b+ü.jpg').pathname).toBe('/photos/a%20b%2B%C3%BC.jpg');
  });
});

describe('a call that gets no answer', () => {
  it('fails as a TimeoutError after the request timeout (tried again), instead of waiting on', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer(() => {
      // reads the request and never answers
    }).on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = performance.now();
      const failure = await awsHttpHandler(200)
        .handle(httpRequest({ method: 'POST', url: new URL(`http://127.0.0.1:${port}/`), body: '{}' }))
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toMatchObject({ name: 'TimeoutError' });
      expect(retryable(failure)).toBe(true);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('which failures are tried again', () => {
  const answer = (statusCode: number, body: string, headers: Record<string, string> = {}) =>
    errorOf({ statusCode, headers, body: Buffer.from(body) }, 1);

  it('throttling, 429, 5xx and network failures; not a client error', () => {
    expect(retryable(answer(400, '{"__type":"ThrottlingException"}'))).toBe(true);
    expect(retryable(answer(503, '<Error><Code>SlowDown</Code></Error>'))).toBe(true);
    expect(retryable(answer(429, ''))).toBe(true);
    expect(retryable(answer(500, ''))).toBe(true);
    expect(retryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(retryable(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(true);
    expect(retryable(answer(400, '{"__type":"ValidationException"}'))).toBe(false);
    expect(retryable(answer(403, '<Error><Code>AccessDenied</Code></Error>'))).toBe(false);
    expect(retryable(new Error('bug'))).toBe(false);
  });
});
