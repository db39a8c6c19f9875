/**
 * `npm run bench`: bundles, latency against floors, unlock end to end, DynamoDB cost, contention and
 * timers, on a local stack of its own. Writes bench/results/latest.md and latest.json and prints the table.
 * Exit 1 when something is wrong (an error answer, a double booking, a 5xx, a stay not forced out) or a figure passes
 * its bound in `lib/budget.ts`.
 */
import '../lib/local/env';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableContext } from '../lambdas/platform/dynamo/client';
import { freePort } from '../lib/local/ports';
import { type LocalStack, startLocalStack } from '../lib/local/stack';
import { BUDGET, budgetFailures } from './lib/budget';
import { baselineOf, measureBundles, readBaseline, writeBaseline } from './lib/bundles';
import { CONTENDERS, measureContention } from './lib/contention';
import { measureCost } from './lib/cost';
import { measureCsvAnswers } from './lib/csv-answer';
import { measureExport } from './lib/export-job';
import { FutureSlots, putBenchData, T, T0 } from './lib/fixtures';
import { Floor } from './lib/floor';
import { Api } from './lib/http';
import { measureLatency } from './lib/latency';
import { measureLedgerCost } from './lib/ledger-cost';
import { MqttFloor } from './lib/mqtt-floor';
import { TableObserver } from './lib/observe';
import { Progress } from './lib/progress';
import { markdown, type Results } from './lib/report';
import { measureTimers, STAYS } from './lib/timers';
import { measureUnlockE2e } from './lib/unlock-e2e';

/**
 * `--bundles-only`: the bundles section alone (no stack; about 3 minutes on 2 cores). `--latency-only`: the latency
 * section alone (with the unlock end to end it holds), on the stack, without the bundles and the other live sections.
 * `--write-baseline`: also record this run's bundles as `bench/baseline/bundles.json`, the "before" the next runs show
 * beside their own figures.
 */
const args = new Set(process.argv.slice(2));
const known = new Set(['--bundles-only', '--latency-only', '--write-baseline']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`Unknown option ${arg} (known: ${[...known].join(', ')})`);
    process.exit(2);
  }
}
const options = {
  bundlesOnly: args.has('--bundles-only'),
  latencyOnly: args.has('--latency-only'),
  writeBaseline: args.has('--write-baseline'),
};
if (options.bundlesOnly && options.latencyOnly) {
  console.error('--bundles-only and --latency-only exclude each other');
  process.exit(2);
}
if (options.latencyOnly && options.writeBaseline) {
  console.error('--write-baseline needs the bundles section (not with --latency-only)');
  process.exit(2);
}

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const resultsDir = join(root, 'bench', 'results');
const progress = new Progress();
const startedAt = new Date();

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

// The local timer runner prints one line per failed execution; count them instead of breaking the progress line.
let localTimerFailures = 0;
const originalError = console.error;
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && /^Execution \S+ failed: /.test(args[0])) {
    localTimerFailures++;
    return;
  }
  progress.note(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
};

let stack: LocalStack | undefined;
let api: Api | undefined;
let floor: Floor | undefined;
let mqttFloor: MqttFloor | undefined;
let observer: TableObserver | undefined;
let workDir: string | undefined;

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    observer?.remove();
    api?.close();
    await mqttFloor?.close().catch(() => undefined);
    floor?.destroy();
    await stack?.stop().catch((error: unknown) => progress.note(`stopping the stack failed: ${String(error)}`));
    if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress.end();
    progress.note(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** The latency section (and the unlock end to end, measured on its checked-in stays), on the running stack. */
async function measureLatencySection(results: Results, doc: ReturnType<typeof tableContext>['doc']): Promise<void> {
  if (!(stack && api && floor && mqttFloor)) throw new Error('The stack is not running');
  const live = { api, floor, mqtt: mqttFloor, slots: new FutureSlots(), progress };
  const doors = stack.doors;
  await withConsumerHeld(results, 'latency', async () => {
    results.latency = await measureLatency(live, async (checkedIn) => {
      observer = TableObserver.install(doc);
      results.unlockE2e = await measureUnlockE2e(live.api, doors, observer, checkedIn, progress);
      observer.remove();
    });
  });
}

/**
 * Runs a section with the stream poller held, then waits until the outbox consumer has delivered what the section
 * wrote. In the cloud the consumer is another Lambda fed by the table's stream, so its reads, its mails and its polling
 * are not on a request's path and do not share its CPU; here they would run on the same two cores and the same
 * DynamoDB Local as the measured calls (the latency section's), and be counted as a measured call's commands (the cost
 * section's: a booking's mail claimed and read while the next call is observed). What is written meanwhile stays in
 * the stream and is delivered on release; the next sections start once it is.
 */
async function withConsumerHeld(results: Results, section: string, measure: () => Promise<void>): Promise<void> {
  if (!stack) throw new Error('The stack is not running');
  const poller = stack.streamPoller;
  await poller.hold();
  try {
    await measure();
  } finally {
    poller.release();
  }
  progress.step(`${section}: the outbox consumer catches up with the section’s mails`);
  let timer: NodeJS.Timeout | undefined;
  const caughtUp = await Promise.race([
    poller.idle().then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CATCH_UP_MS);
    }),
  ]);
  clearTimeout(timer);
  if (!caughtUp)
    results.run.failures.push(
      `${section}: the outbox consumer had not caught up ${CATCH_UP_MS / 1000} s after the section`,
    );
}

/** How long the outbox consumer may take to deliver what a section wrote while it was held. */
const CATCH_UP_MS = 120_000;

/** Every section after the bundles, on a local stack of the bench's own. */
async function measureLive(results: Results): Promise<void> {
  const failures = results.run.failures;
  progress.step('stack: DynamoDB Local, table, demo data, gateway, broker, door controllers');
  const reuse = process.env.DYNAMODB_ENDPOINT;
  stack = await startLocalStack({
    port: 0,
    mqttPort: 0,
    ...(reuse ? { dynamodbEndpoint: reuse } : { dynamodbPort: await freePort() }),
    tableName: `bench-${randomUUID()}`,
    frozenAt: Date.parse(T0),
    // as in the cloud: answers are not checked against their schemas on the way out
    validateResponses: false,
  });
  floor = new Floor(stack.dynamodbEndpoint, stack.tableName);
  await putBenchData(floor.doc, stack.tableName);
  api = new Api(stack.url);
  mqttFloor = await MqttFloor.connect(stack.mqttUrl);
  const { doc } = tableContext();

  if (options.latencyOnly) {
    await api.expect(200, api.post('/local/clock', { now: T }), 'POST /local/clock');
    await measureLatencySection(results, doc);
    return;
  }

  results.timers = await measureTimers(api, floor, stack, progress);
  const t = results.timers;
  if (t.forced !== STAYS)
    failures.push(`timers: ${STAYS - t.forced} of ${STAYS} stays were not forced out (${JSON.stringify(t.notForced)})`);
  if (t.forced > 0 && (t.lagMs.min !== 0 || t.lagMs.max !== 0)) {
    failures.push(`timers: checkedOutAt is not deadline + 5 min (lag ${t.lagMs.min} … ${t.lagMs.max} ms)`);
  }

  await api.expect(200, api.post('/local/clock', { now: T }), 'POST /local/clock');
  // before the latency section fills the bench seats for the hour from now
  // the timers' forced checkouts wrote 200 mails: held, the consumer delivers them after the ledger's checkouts, not among
  await withConsumerHeld(results, 'ledger', async () => {
    if (!(api && floor)) throw new Error('The stack is not running');
    observer = TableObserver.install(doc);
    try {
      results.ledger = await measureLedgerCost(api, floor, doc, observer, progress);
    } finally {
      observer.remove();
    }
  });
  await measureLatencySection(results, doc);

  results.contention = await measureContention(api, floor, progress);
  const c = results.contention;
  if (c.successes !== 1)
    failures.push(`contention: ${c.successes} of ${CONTENDERS} bookings of one capacity-1 slot succeeded`);
  if (c.serverErrors > 0) failures.push(`contention: ${c.serverErrors} answers were 5xx`);
  if (c.held !== 1) failures.push(`contention: the slot counter reads ${c.held} after the storm (expected 1)`);

  // an export job runs at once beside the request that starts it, and the outbox consumer beside every call that writes
  // a mail: both held, their reads and writes are not counted as the measured request's
  await withConsumerHeld(results, 'cost', async () => {
    if (!(api && floor && stack)) throw new Error('The stack is not running');
    observer = TableObserver.install(doc);
    stack.timers.hold('export');
    try {
      results.cost = await measureCost(api, floor, observer, progress);
    } finally {
      observer.remove();
      stack.timers.release('export');
    }
  });
  if (!results.cost) throw new Error('cost: the section measured nothing');
  if (results.cost.missing.length > 0) failures.push(`cost: no call measured for ${results.cost.missing.join(', ')}`);

  // last: they seed ten thousand and a hundred thousand sales lines (dated after the frozen clock)
  const table = { endpoint: stack.dynamodbEndpoint, tableName: stack.tableName, doc: floor.doc };
  results.csv = await measureCsvAnswers(table, progress);
  results.export = await measureExport(table, progress);
}

/** Section 1, the bundles (and the baseline: written when asked, then read for the report's "before"). */
async function bundleSection(results: Results, dir: string): Promise<void> {
  const bundles = await measureBundles(root, join(dir, 'bundles'), progress);
  results.bundles = bundles;
  if (options.writeBaseline) {
    const baseline = baselineOf(bundles, {
      commit: results.run.commit,
      measuredAt: results.run.startedAt,
      node: results.run.node,
      cpus: results.run.cpus,
    });
    const file = await writeBaseline(root, baseline);
    progress.note(`wrote ${file}`);
    // the run is compared with the baseline it just wrote: kept, not read back
    bundles.baseline = baseline;
  } else {
    bundles.baseline = await readBaseline(root);
  }
}

async function main(): Promise<number> {
  const results: Results = {
    run: {
      startedAt: startedAt.toISOString(),
      wallSeconds: 0,
      node: process.versions.node,
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`,
      commit: gitCommit(),
      dynamodb: process.env.DYNAMODB_ENDPOINT ? `reused (${process.env.DYNAMODB_ENDPOINT})` : 'started by the bench',
      ok: false,
      failures: [],
      localTimerFailures: 0,
    },
  };
  const failures = results.run.failures;
  try {
    workDir = await mkdtemp(join(tmpdir(), 'coworking-bench-'));
    if (!options.latencyOnly) await bundleSection(results, workDir);
    if (!options.bundlesOnly) await measureLive(results);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) progress.note(error.stack);
  }
  results.budget = BUDGET;
  failures.push(...budgetFailures(results.ledger, results.csv, results.export, results.bundles, results.latency));
  progress.step('stopping the stack');
  await cleanup();
  progress.end();

  results.run.ok = failures.length === 0;
  results.run.wallSeconds = progress.seconds();
  results.run.localTimerFailures = localTimerFailures;
  const md = markdown(results);
  await mkdir(resultsDir, { recursive: true });
  for (const [name, text] of [
    ['latest.md', md],
    ['latest.json', `${JSON.stringify(results, null, 2)}\n`],
  ] as const) {
    const file = join(resultsDir, name);
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  }
  process.stdout.write(md);
  process.stderr.write(
    `${results.run.ok ? 'bench passed' : 'bench FAILED'} in ${results.run.wallSeconds.toFixed(0)} s; wrote bench/results/latest.md and latest.json\n`,
  );
  return results.run.ok ? 0 : 1;
}

main().then(
  (code) => {
    console.error = originalError;
    process.exit(code);
  },
  async (error: unknown) => {
    console.error = originalError;
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
