/**
 * The export job in a fresh Node process (run by `export-job.ts` with `node --import tsx --expose-gc`): imports the
 * `run-export` step handler as its function would, runs it once for the job named in argv[2], and watches the
 * process's memory meanwhile. Prints one JSON line ({@link ExportSample}) on stdout.
 *
 * The table from `TABLE_NAME` and `DYNAMODB_ENDPOINT`, the bucket from `EXPORTS_BUCKET` and `S3_ENDPOINT`.
 */
import '../../lib/local/env';
import { S3Client } from '@aws-sdk/client-s3';
import { stepEntry } from '../../lambdas/routes';
import { lambdaContext } from '../../lib/local/lambda-context';

export interface ExportSample {
  /** What the task answered (`{ outcome: 'done' }`). */
  outcome: unknown;
  ms: number;
  /** Resident set size after loading the handler (and a full GC), MiB. */
  rssBeforeMiB: number;
  /** The process's peak resident set size (`resourceUsage().maxRSS`): Lambda's "Max Memory Used", MiB. */
  peakRssMiB: number;
  /** Peak heap used during the run (sampled every 5 ms and at the end) less the heap used before it, MiB. */
  heapGrowthMiB: number;
  /**
   * Peak of the heap still in use after a full GC (one every {@link LIVE_EVERY_MS} ms during the run) less before it,
   * MiB: what the job holds, garbage aside.
   */
  liveHeapGrowthMiB: number;
  /** Peak of the memory outside the heap (Buffers: the part being gathered) during the run, less before it, MiB. */
  bufferGrowthMiB: number;
  /** S3 requests the run sent, by command (the parts of a multipart upload among them). */
  s3: Record<string, number>;
}

const MiB = 1024 * 1024;
/** How often the run is paused for a full GC, to read what it holds (the pauses are in its time). */
const LIVE_EVERY_MS = 250;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const target = JSON.parse(process.argv[2] ?? '{}') as { partnerId: string; exportId: string };
// counts what the job asks of S3 (every client of the process sends through this prototype's method)
const s3: Record<string, number> = {};
const send = S3Client.prototype.send as (this: S3Client, command: object, ...rest: unknown[]) => Promise<unknown>;
S3Client.prototype.send = function (this: S3Client, command: object, ...rest: unknown[]) {
  const name = command.constructor.name;
  s3[name] = (s3[name] ?? 0) + 1;
  return send.call(this, command, ...rest);
} as typeof S3Client.prototype.send;
const { handler } = (await import(`../../${stepEntry('run-export')}`)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
gc();
const before = process.memoryUsage();
let peakLive = before.heapUsed;
const liveSampler = setInterval(() => {
  gc();
  peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
}, LIVE_EVERY_MS);
let peakHeap = before.heapUsed;
let peakBuffers = before.arrayBuffers;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakHeap = Math.max(peakHeap, now.heapUsed);
  peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
}, 5);
const started = performance.now();
const outcome = await handler(target, lambdaContext('run-export', 600_000));
const ms = performance.now() - started;
clearInterval(sampler);
clearInterval(liveSampler);
const after = process.memoryUsage();
const sample: ExportSample = {
  outcome,
  ms,
  rssBeforeMiB: before.rss / MiB,
  // maxRSS is in KiB
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  heapGrowthMiB: (Math.max(peakHeap, after.heapUsed) - before.heapUsed) / MiB,
  liveHeapGrowthMiB: (peakLive - before.heapUsed) / MiB,
  bufferGrowthMiB: (Math.max(peakBuffers, after.arrayBuffers) - before.arrayBuffers) / MiB,
  s3,
};
process.stdout.write(`${JSON.stringify(sample)}\n`);
process.exit(0);
