/**
 * One sample of a large CSV answer, in a fresh Node process (run by `csv-answer.ts` with `node --import tsx
 * --expose-gc`): imports the route's handler module, answers one small warm-up request (modules loaded, connections
 * open), then times one call of the handler with an API Gateway v2 event as the local gateway builds it, watching the
 * process's memory. Prints one JSON line ({@link CsvSample}) on stdout.
 *
 * Input: the JSON of {@link CsvChildInput} in argv[2]; the table from `TABLE_NAME` and `DYNAMODB_ENDPOINT`.
 */
import '../../lib/local/env';
import { randomUUID } from 'node:crypto';
import type { ContractHandler, HttpEvent } from '../../lambdas/platform/http';
import { handlerEntry, routes } from '../../lambdas/routes';
import { lambdaContext } from '../../lib/local/lambda-context';
import { issueToken, type TokenSubject, verifyToken } from '../../lib/local/tokens';

export interface CsvChildInput {
  routeId: string;
  /** The measured request's path and query. */
  path: string;
  /** A request of the same route answered first and not measured. */
  warmPath: string;
  caller: TokenSubject;
}

export interface CsvSample {
  status: number;
  ms: number;
  /** Lines of the file (its header among them). */
  lines: number;
  bytes: number;
  /** Resident set size just before the call (after the warm-up and a full GC), MiB. */
  rssBeforeMiB: number;
  /** The process's peak resident set size (`resourceUsage().maxRSS`) after the call, MiB: Lambda's "Max Memory Used". */
  peakRssMiB: number;
  /** Peak heap used during the call (sampled every ms and at the end) less the heap used before it, MiB. */
  heapGrowthMiB: number;
}

const MiB = 1024 * 1024;
const input = JSON.parse(process.argv[2] ?? '{}') as CsvChildInput;
const route = routes.find((r) => r.id === input.routeId);
if (!route) throw new Error(`No route ${input.routeId}`);
const { handler } = (await import(`../../${handlerEntry(route)}`)) as { handler: ContractHandler };
const claims = verifyToken(issueToken(input.caller));
if (!claims) throw new Error('token');

function event(pathAndQuery: string): HttpEvent {
  const url = new URL(pathAndQuery, 'http://127.0.0.1');
  const query = Object.fromEntries(url.searchParams);
  const now = Date.now();
  const routeKey = `${route?.method} ${route?.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers: { accept: 'text/csv', host: url.host },
    queryStringParameters: query,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: { method: 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } },
    },
  } as unknown as HttpEvent;
}

const call = (pathAndQuery: string) => handler(event(pathAndQuery), lambdaContext(input.routeId));

const warm = await call(input.warmPath);
if (warm.statusCode !== 200) throw new Error(`warm-up: ${warm.statusCode} ${String(warm.body).slice(0, 300)}`);
(globalThis as { gc?: () => void }).gc?.();
const before = process.memoryUsage();
let peakHeap = before.heapUsed;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 1);
const started = performance.now();
const answer = await call(input.path);
const ms = performance.now() - started;
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
const text = answer.isBase64Encoded ? Buffer.from(answer.body ?? '', 'base64').toString('utf8') : (answer.body ?? '');
const sample: CsvSample = {
  status: answer.statusCode ?? 0,
  ms,
  lines: answer.statusCode === 200 ? text.split('\r\n').filter((line) => line.length > 0).length : 0,
  bytes: Buffer.byteLength(text),
  rssBeforeMiB: before.rss / MiB,
  // maxRSS is in KiB
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  heapGrowthMiB: (peakHeap - before.heapUsed) / MiB,
};
process.stdout.write(`${JSON.stringify(sample)}\n`);
process.exit(0);
