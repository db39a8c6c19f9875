/**
 * A read route's bundle carries only what it uses (issue 19): `get-me`, bundled with the project's esbuild options,
 * holds no X-Ray SDK (tracing is Lambda's own, no Powertools Tracer), no Step Functions, IoT, S3, SES, Cognito or
 * Secrets Manager client, and none of the SDK's default credential chain (`credential-provider-node` and the STS/SSO
 * clients it brings); in its place the environment's credentials (lambdas/platform/sdk/env-credentials.ts). Run from a
 * folder no node_modules is reachable from, the handler answers and signs its DynamoDB call with the credentials in
 * its environment, as Lambda gives them. A partner's profile (read and edited in the table only) carries no Cognito
 * client. A drop-in check-in carries no national-holiday table, a settlement route only the table's dates. Its zod is
 * zod/mini (contracts/zod.ts), not classic zod. One esbuild build of the four: about a second.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageOf } from '../../bench/lib/bundles';
import { CLAIMS } from '../../contracts/auth';
import { handlerEntry, routes } from '../../lambdas/routes';
import { esbuildOptions } from '../../lib/bundling';
import { PROJECT_ROOT } from '../../lib/constructs/handler-function';
import { filesIn } from './helpers';

const run = promisify(execFile);

/** The packages of the files that put code into the bundle. */
const packagesIn = (metafile: Metafile, name = 'index') =>
  new Set(
    filesIn(metafile, name)
      .filter((input) => input.includes('node_modules/'))
      .map(packageOf),
  );

const entryOf = (id: string) => {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`no ${id} row`);
  return path.join(PROJECT_ROOT, handlerEntry(route));
};

describe('routes’ bundles (get-me, get-partner-profile, check-in-visit, a settlement route, and the photo, export, door, timer and ticket routes)', () => {
  // under /tmp, not the project's .tmp: nothing there resolves a package, the bundle must hold all it loads
  const outdir = mkdtempSync('/tmp/get-me-bundle-');
  let metafile: Metafile;
  beforeAll(async () => {
    // one build, each entry bundled on its own (no splitting)
    const result = await build(
      esbuildOptions({
        entryPoints: {
          index: entryOf('get-me'),
          profile: entryOf('get-partner-profile'),
          visit: entryOf('check-in-visit'),
          payment: entryOf('record-company-payment'),
          facility: entryOf('get-facility'),
          photo: entryOf('new-photo'),
          export: entryOf('get-export'),
          checkin: entryOf('check-in'),
          reserve: entryOf('create-reservation'),
          ticket: entryOf('check-in-by-ticket'),
        },
        outdir,
      }),
    );
    metafile = result.metafile as Metafile;
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('get-me carries no X-Ray SDK, no client it never calls and none of the SDK’s default credential chain', () => {
    const packages = packagesIn(metafile);
    expect(packages.has('@aws-sdk/client-dynamodb')).toBe(true);
    const unused = [
      'aws-xray-sdk-core',
      'semver',
      '@aws-lambda-powertools/tracer',
      '@aws-sdk/client-sfn',
      '@aws-sdk/client-iot-data-plane',
      '@aws-sdk/client-s3',
      '@aws-sdk/client-sesv2',
      '@aws-sdk/client-cognito-identity-provider',
      '@aws-sdk/client-secrets-manager',
      '@aws-sdk/credential-provider-node',
      '@aws-sdk/credential-provider-ini',
      '@aws-sdk/credential-provider-sso',
      '@aws-sdk/credential-provider-web-identity',
      '@aws-sdk/credential-provider-process',
      '@aws-sdk/nested-clients',
      // DynamoDB's endpoint-discovery cache is lambdas/platform/sdk/lru-cache.ts in bundles
      'mnemonist',
      'obliterator',
    ];
    expect(unused.filter((name) => packages.has(name))).toEqual([]);
    expect(filesIn(metafile)).toContain('lambdas/platform/sdk/env-credentials.ts');
    expect(filesIn(metafile)).toContain('lambdas/platform/sdk/lru-cache.ts');
    // nor the SDK's event-stream codec (no operation a function calls streams events): a stub in its place
    expect(filesIn(metafile).filter((file) => file.includes('/submodules/event-streams/'))).toEqual([]);
  });

  it('get-me carries zod/mini with its English messages, not classic zod (a fraction of its size)', () => {
    const zod = filesIn(metafile).filter((file) => file.includes('node_modules/zod/'));
    expect(zod.some((file) => file.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(zod.some((file) => file.endsWith('node_modules/zod/v4/locales/en.js'))).toBe(true);
    expect(zod.filter((file) => file.includes('node_modules/zod/v4/classic/'))).toEqual([]);
  });

  it('get-partner-profile carries no Cognito client: only the rows that change sign-ins make the directory', () => {
    const packages = packagesIn(metafile, 'profile');
    expect(packages.has('@aws-sdk/client-dynamodb')).toBe(true);
    expect(packages.has('@aws-sdk/client-cognito-identity-provider')).toBe(false);
  });

  it('a drop-in check-in carries no national-holiday table: only the settlement’s business days need it', () => {
    // the drop-in module asks whether a period is still open (settlement-periods.ts), never which days are business
    // days; before that module was split from settlement.ts, the table came with every drop-in function (≈170 KiB)
    expect(packagesIn(metafile, 'visit').has('@holiday-jp/holiday_jp')).toBe(false);
    expect(packagesIn(metafile, 'visit').has('@aws-sdk/client-dynamodb')).toBe(true);
  });

  it('a settlement route counts business days with the table of dates, not the holiday library', () => {
    // recording a company's payment checks the period's issue day (its first business day): the holidays come from
    // holiday-dates.ts, the library's dates alone (≈8 KiB), not the library (≈171 KiB minified with every name)
    expect(filesIn(metafile, 'payment')).toContain('lambdas/domain/holiday-dates.ts');
    expect(packagesIn(metafile, 'payment').has('@holiday-jp/holiday_jp')).toBe(false);
  });

  it('the photo, export, door, timer and ticket routes sign their S3, IoT, Step Functions and Secrets Manager calls without those clients', () => {
    // lambdas/platform/sdk: presigned GETs and POSTs, DeleteObject, Publish and StartExecution signed with the
    // signer and sent through the HTTP handler the DynamoDB client brings anyway; the clients were ≈47 KiB gzip of
    // each S3 route (client-s3 and its presigners) and ≈5 to 9 KiB of the door and timer routes
    const clients = [
      '@aws-sdk/client-s3',
      '@aws-sdk/s3-presigned-post',
      '@aws-sdk/s3-request-presigner',
      '@aws-sdk/signature-v4-multi-region',
      '@aws-sdk/middleware-sdk-s3',
      '@aws-sdk/client-sfn',
      '@aws-sdk/client-iot-data-plane',
      '@aws-sdk/client-secrets-manager',
    ];
    for (const name of ['facility', 'photo', 'export', 'checkin', 'reserve', 'ticket']) {
      const packages = packagesIn(metafile, name);
      expect(packages.has('@aws-sdk/client-dynamodb')).toBe(true);
      expect({ name, clients: clients.filter((client) => packages.has(client)) }).toEqual({ name, clients: [] });
      expect(packages.has('@smithy/signature-v4')).toBe(true);
    }
    expect(filesIn(metafile, 'photo')).toContain('lambdas/platform/sdk/s3-objects.ts');
    expect(filesIn(metafile, 'export')).toContain('lambdas/platform/sdk/s3-objects.ts');
    expect(filesIn(metafile, 'checkin')).toContain('lambdas/platform/sdk/aws-http.ts');
    expect(filesIn(metafile, 'reserve')).toContain('lambdas/platform/adapters/sfn-timer-starter.ts');
    // a booking writes its mail's outbox item (contracts/outbox.ts) without the consumer's parsers (contracts/events.ts)
    expect(filesIn(metafile, 'reserve')).toContain('contracts/outbox.ts');
    expect(filesIn(metafile, 'reserve')).not.toContain('contracts/events.ts');
    // the ticket signing keys' GetSecretValue too
    expect(filesIn(metafile, 'ticket')).toContain('lambdas/platform/adapters/secrets-manager-signing-keys.ts');
  });

  it('get-me answers, and signs its DynamoDB call with the credentials in its environment', async () => {
    const seen: { target: string | undefined; authorization: string | undefined }[] = [];
    const dynamo = createServer((request, response) => {
      const headers: IncomingHttpHeaders = request.headers;
      seen.push({ target: headers['x-amz-target'] as string | undefined, authorization: headers.authorization });
      request.resume().on('end', () => {
        // no item: the member is not there
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = dynamo.address() as AddressInfo;
      const event = {
        version: '2.0',
        routeKey: 'GET /me',
        rawPath: '/me',
        rawQueryString: '',
        headers: {},
        isBase64Encoded: false,
        requestContext: {
          accountId: '123456789012',
          apiId: 'api',
          domainName: 'api.example.com',
          domainPrefix: 'api',
          http: { method: 'GET', path: '/me', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
          requestId: 'request-1',
          routeKey: 'GET /me',
          stage: '$default',
          time: '01/Jan/2026:00:00:00 +0000',
          timeEpoch: Date.now(),
          authorizer: { jwt: { claims: { sub: 'member-1', [CLAIMS.role]: 'member' }, scopes: [] } },
        },
      };
      const context = {
        functionName: 'get-me',
        functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:123456789012:function:get-me',
        memoryLimitInMB: '256',
        awsRequestId: 'request-1',
        logGroupName: 'logs',
        logStreamName: 'stream',
        callbackWaitsForEmptyEventLoop: true,
      };
      const script = [
        `const { handler } = await import(${JSON.stringify(path.join(outdir, 'index.mjs'))});`,
        `const context = { ...${JSON.stringify(context)}, getRemainingTimeInMillis: () => 10000 };`,
        `const answer = await handler(${JSON.stringify(event)}, context);`,
        'process.stdout.write(JSON.stringify(answer));',
      ].join('\n');
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: outdir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: outdir,
          AWS_REGION: 'ap-northeast-1',
          AWS_ACCESS_KEY_ID: 'AKIDBUNDLETEST',
          AWS_SECRET_ACCESS_KEY: 'bundle-test-secret',
          AWS_SESSION_TOKEN: 'bundle-test-session',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          TABLE_NAME: 'bundle-test',
          DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}`,
          POWERTOOLS_METRICS_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
      });
      const answer = JSON.parse(stdout) as { statusCode: number; body: string };
      expect(answer.statusCode).toBe(404);
      expect(seen.length).toBeGreaterThan(0);
      for (const call of seen) {
        expect(call.target).toMatch(/^DynamoDB_20120810\./);
        expect(call.authorization).toMatch(
          /^AWS4-HMAC-SHA256 Credential=AKIDBUNDLETEST\/\d{8}\/ap-northeast-1\/dynamodb\//,
        );
      }
    } finally {
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    }
  });
});

describe('the SDK bundled without its event-stream codec (lib/bundling.ts aliases it to a stub)', () => {
  const outdir = mkdtempSync('/tmp/sdk-bundle-');
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('leaves the codec out of every client’s protocol, and an S3 client (the export job’s uploads) still sends', async () => {
    const seen: { method: string | undefined; url: string | undefined; body: string }[] = [];
    const s3 = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { etag: '"e"' }).end();
      });
    });
    await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = s3.address() as AddressInfo;
      const options = esbuildOptions({ entryPoints: [], outdir });
      const result = await build({
        ...options,
        entryPoints: undefined,
        outdir: undefined,
        outfile: path.join(outdir, 'put.mjs'),
        stdin: {
          contents: [
            "import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';",
            `const client = new S3Client({ region: 'ap-northeast-1', endpoint: 'http://127.0.0.1:${port}', forcePathStyle: true });`,
            "await client.send(new PutObjectCommand({ Bucket: 'exports', Key: 'exports/x.csv', Body: 'a,b' }));",
            "process.stdout.write('sent');",
          ].join('\n'),
          resolveDir: PROJECT_ROOT,
          sourcefile: 'put.ts',
          loader: 'ts',
        },
      });
      const inputs = Object.keys((result.metafile as Metafile).inputs);
      expect(inputs).toContain('lambdas/platform/sdk/no-event-streams.ts');
      expect(inputs.filter((file) => file.includes('/submodules/event-streams/'))).toEqual([]);
      const { stdout } = await run(process.execPath, [path.join(outdir, 'put.mjs')], {
        cwd: outdir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: outdir,
          AWS_ACCESS_KEY_ID: 'AKIDBUNDLETEST',
          AWS_SECRET_ACCESS_KEY: 'bundle-test-secret',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      });
      expect(stdout).toBe('sent');
      expect(seen).toEqual([{ method: 'PUT', url: '/exports/exports/x.csv?x-id=PutObject', body: 'a,b' }]);
    } finally {
      await new Promise<void>((resolve) => s3.close(() => resolve()));
    }
  });
});
