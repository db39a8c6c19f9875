/** latest.md and latest.json from the sections' results. */

import { BUDGET, c1Verdict, overBundleBudget } from './budget';
import { type BundleSection, type PackageShare, TOP_PACKAGES } from './bundles';
import type { ContentionSection } from './contention';
import type { CostSection } from './cost';
import type { CsvSection } from './csv-answer';
import type { ExportSection } from './export-job';
import type { LatencySection } from './latency';
import type { LedgerSection } from './ledger-cost';
import type { PhaseResult } from './load';
import type { Percentiles } from './stats';
import { kib, ms, ratio, table } from './stats';
import type { TimersSection } from './timers';
import type { UnlockE2eSection } from './unlock-e2e';

export interface RunInfo {
  startedAt: string;
  wallSeconds: number;
  node: string;
  cpus: string;
  commit: string;
  dynamodb: string;
  ok: boolean;
  failures: string[];
  /** Lines the local stack printed that the bench counted instead of showing. */
  localTimerFailures: number;
}

export interface Results {
  run: RunInfo;
  bundles?: BundleSection;
  latency?: LatencySection;
  unlockE2e?: UnlockE2eSection;
  cost?: CostSection;
  /** The sales ledger's share of a checkout's write capacity (with the cost section). */
  ledger?: LedgerSection;
  contention?: ContentionSection;
  timers?: TimersSection;
  csv?: CsvSection;
  export?: ExportSection;
  /** The bounds the run was held to (`budget.ts`). */
  budget?: typeof BUDGET;
}

const HOW_TO_READ = `**How to read it.** Everything runs on this machine in one Node process (the local gateway, the
handlers, the door controllers, the timer runner and the load generator) against DynamoDB Local (Java) and the
in-process MQTT broker, so absolute numbers say little about AWS: compare runs on the same machine, and compare each
route with its *floor*, the bare calls the same operation needs (its DynamoDB commands with the same items and
transaction shapes, and what it must send beside the table: door publishes, timers; sent straight through the SDK to
the same DynamoDB Local and local endpoints in the same run). *route/floor* near 1× means the time goes to
DynamoDB; a large ratio means it goes to our code, the gateway, the door channel or the local timer runner.
Latencies are warm (a warm-up is discarded), in milliseconds, closed loop: *c1* is one caller at a time, *c16*
sixteen callers each waiting for its answer before the next call, so *ops/s* is throughput at that load and c16
latencies include queueing on the machine's cores. Bundle sizes are what CDK deploys (same esbuild options, AWS SDK
bundled); cold load is the time to \`import()\` a bundle in a fresh Node process (median), not a Lambda cold start.
Capacity units are what DynamoDB Local reports for \`ReturnConsumedCapacity: TOTAL\` (table and indexes): single-item
reads and writes follow AWS's rules, transactions do not — Local prices a \`TransactWriteItems\` by its largest item
whatever the number of items, where AWS bills at least 2 WCU per item — so read the *tx items* column as the AWS
lower bound of a transaction (2 WCU × items). The bench fails (exit 1) when something is wrong (an error answer, a
double booking, a 5xx, a stay not forced out, a CSV or an export without its lines) and when a figure passes its bound
in \`bench/lib/budget.ts\` (the sales ledger's WCU and items per checkout, the 10,000-line CSV's time and peak RSS, the
100,000-line export's time, peak RSS, live heap and Buffers, every HTTP handler's gzip size and median cold load, every
latency row's route/floor p50 at concurrency 1); it asserts no other timing.`;

const pRow = (p: Percentiles) => [ms(p.p50), ms(p.p95), ms(p.p99)];
const phase = (p: PhaseResult) => [...pRow(p), p.throughput.toFixed(0)];

/** `+1.5` / `−12.0` (a change, with its sign; `—` when there is nothing to compare with). */
function delta(after: number, before: number | undefined, digits = 1): string {
  if (before === undefined || !Number.isFinite(before) || !Number.isFinite(after)) return '—';
  const d = after - before;
  const text = Math.abs(d).toFixed(digits);
  return Number(text) === 0 ? '0' : `${d > 0 ? '+' : '−'}${text}`;
}

/** `pkg 130.6 · pkg 89.3 · …` (KiB in the bundle). */
const packagesLine = (packages: readonly PackageShare[]) =>
  packages.map((p) => `${p.name} ${kib(p.bytes)}`).join(' · ');

function bundlesMd(b: BundleSection): string {
  const base = b.baseline?.bundles ?? {};
  const sorted = [...b.bundles].sort((x, y) => y.gzipBytes - x.gzipBytes);
  const bound = BUDGET.bundle;
  const rows = sorted.map((x) => {
    const before = base[x.id];
    return [
      x.id,
      x.kind,
      kib(x.bytes),
      before ? kib(before.gzipBytes) : '—',
      kib(x.gzipBytes),
      delta(x.gzipBytes / 1024, before && before.gzipBytes / 1024),
      before ? ms(before.loadMedianMs) : '—',
      ms(x.loadMedianMs),
      delta(x.loadMedianMs, before?.loadMedianMs),
      x.kind === 'route' ? (overBundleBudget(x) ? '**over**' : 'ok') : '',
    ];
  });
  const routes = sorted.filter((x) => x.kind === 'route');
  const over = routes.filter(overBundleBudget).length;
  const gone = Object.keys(base).filter((id) => !b.bundles.some((x) => x.id === id));
  const biggest = b.biggest.packages.map((p) => [
    p.name,
    kib(p.bytes),
    `${((p.bytes / b.biggest.bytes) * 100).toFixed(1)} %`,
  ]);
  const baseline = b.baseline
    ? `*Before* is the committed baseline (\`bench/baseline/bundles.json\`: commit ${b.baseline.commit}, ${b.baseline.measuredAt}, Node ${b.baseline.node}, ${b.baseline.cpus}; its cold loads compare only with a run on the same machine under the same load: the sizes are exact, the loads move with what else runs), *after* this run; a handler the baseline does not have shows —.`
    : 'No baseline is committed (`bench/baseline/bundles.json`, written by `npm run bench -- --bundles-only --write-baseline`): *before* shows —.';
  return [
    '## 1. Bundles',
    '',
    `Every function bundled with \`esbuildOptions\` of \`lib/bundling.ts\` (ESM, ${b.target}, minified, AWS SDK bundled); cold load: median of ${b.loadSamples} fresh Node processes (the Node.js of this run, not the Lambda runtime). ${baseline} Budget of every HTTP handler (kind \`route\`, \`bench/lib/budget.ts\`): ≤ ${bound.gzipKiB} KiB gzip and ≤ ${bound.loadMs} ms cold load; **${over} of ${routes.length}** are over it.`,
    '',
    table(
      [
        'handler',
        'kind',
        'minified KiB',
        'gzip KiB before',
        'gzip KiB after',
        'Δ gzip KiB',
        'cold load ms before',
        'cold load ms after',
        'Δ ms',
        'budget',
      ],
      rows,
      'llrrrrrrrl',
    ),
    ...(gone.length > 0 ? ['', `In the baseline, no longer built: ${gone.join(', ')}.`] : []),
    '',
    `Top ${TOP_PACKAGES} packages of each bundle, KiB in the minified output (esbuild's \`bytesInOutput\`), largest bundle first:`,
    '',
    ...sorted.map((x) => `- \`${x.id}\`: ${packagesLine(x.packages)}`),
    '',
    `Largest inputs of the biggest bundle (\`${b.biggest.id}\`, ${kib(b.biggest.bytes)} KiB), by package:`,
    '',
    table(['package', 'KiB in bundle', 'share'], biggest, 'lrr'),
  ].join('\n');
}

function latencyMd(l: LatencySection): string {
  const header = [
    'operation',
    'n',
    'p50',
    'p95',
    'p99',
    'ops/s',
    'floor p50',
    'floor p95',
    'floor p99',
    'floor ops/s',
    'route/floor p50',
  ];
  // at c1, the ratio the budget holds (two decimals, **over** past the bound); at c16, one decimal
  const bound = BUDGET.latency.routeOverFloorC1;
  const c1Ratio = (route: number, floor: number) => {
    const verdict = c1Verdict(route, floor);
    if (!verdict) return '–';
    return verdict.over ? `**${verdict.ratio.toFixed(2)}× over**` : `${verdict.ratio.toFixed(2)}×`;
  };
  const at = (which: 'c1' | 'c16') => [
    ...l.ops.map((o) => [
      o.op,
      o.route[which].n,
      ...phase(o.route[which]),
      ...phase(o.floor[which]),
      which === 'c1' ? c1Ratio(o.route.c1.p50, o.floor.c1.p50) : ratio(o.route.c16.p50, o.floor.c16.p50),
    ]),
    ['unlock: MQTT publish → receive', l.mqtt[which].n, '', '', '', '', ...phase(l.mqtt[which]), ''],
  ];
  const c1Only = (l.c1Only ?? []).map((o) => [
    o.op,
    o.route.n,
    ...phase(o.route),
    ...phase(o.floor),
    c1Ratio(o.route.p50, o.floor.p50),
  ]);
  return [
    '## 2. Latency through the local gateway (warm, ms)',
    '',
    `Concurrency 1 (budget, \`bench/lib/budget.ts\`: route/floor p50 ≤ ${bound}× on every row). Route and floor run call by call in turn (a route call, then a floor call), so that both meet the same load on a shared machine; their *ops/s* count the time spent on their own calls.`,
    '',
    table(header, [...at('c1'), ...c1Only]),
    '',
    'Concurrency 16:',
    '',
    table(header, at('c16')),
    '',
    'Floors (the calls in the order the handler makes them; ∥ = at the same time):',
    '',
    ...l.ops.map((o) => `- ${o.op}: ${o.floorCalls}`),
    '- the stay steps publish to the door through the IoT data plane (the local endpoint in front of the stack’s broker); their floors send the same `Publish` calls bare through the SDK. The *MQTT publish → receive* row is the broker’s part alone: a QoS 1 publish until another connection has it.',
    '- the outbox consumer (stream poller) is held through the section: in the cloud it is another Lambda, off the request’s path.',
    ...(l.c1Only && l.c1Only.length > 0
      ? [
          '',
          `The partner and drop-in routes (${l.c1Only.map((o) => o.op).join('; ')}) are measured at concurrency 1 only. Their floors are recorded (\`bench/lib/replay.ts\`): each route call's DynamoDB commands, sent again bare, each when the command it waited for in the call has ended (∥ = sent while the one before it was in flight); the facility edit's on a twin facility edited the same way, the visits' as another fresh member's under a fresh visit id and number, so that their conditions hold as they did for the route.`,
          '',
          ...l.c1Only.map((o) => `- ${o.op} (\`${o.request}\`): ${o.floorCalls}`),
        ]
      : []),
  ].join('\n');
}

function e2eMd(e: UnlockE2eSection): string {
  const row = (name: string, p: Percentiles) => [name, ...pRow(p), ms(p.max)];
  return [
    '## 3. Unlock end to end (ms, one at a time)',
    '',
    table(
      ['from the request being sent to …', 'p50', 'p95', 'p99', 'max'],
      [
        row('202 answered', e.accepted),
        row('the door controller has the command', e.doorReceived),
        row('the door’s answer recorded (`unlocked`)', e.recorded),
        row('(202 answered → recorded)', e.acceptedToRecorded),
      ],
    ),
    '',
    `${e.unlocked} of ${e.count} commands read back as \`unlocked\`.`,
  ].join('\n');
}

const cu = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function costMd(c: CostSection): string {
  const rows = c.rows.map((r) => [
    r.route,
    r.call,
    `${r.commands.length} / ${r.maxTableCommands}`,
    r.commands.join(', '),
    cu(r.rcu),
    cu(r.wcu),
    r.txItems > 0 ? r.txItems : '',
    r.doorEvent ? cu(r.doorEvent.wcu) : '',
  ]);
  const j = c.journey;
  return [
    '## 4. DynamoDB cost per call',
    '',
    table(
      ['route', 'call', 'commands / max', 'commands', 'RCU', 'WCU', 'tx items', 'door answer WCU'],
      rows,
      'llrlrrrr',
    ),
    '',
    `Journey (${j.steps.join(' → ')}): **${cu(j.rcu)} RCU, ${cu(j.wcu)} WCU** (DynamoDB Local) in ${j.commands} commands; its ${j.transactions} transactions write ${j.txItems} items (AWS: ≥ ${2 * j.txItems} WCU for those), plus ${cu(j.doorEventWcu)} WCU to record the 3 door answers.`,
    ...(c.missing.length > 0 ? ['', `Routes without a measured call: ${c.missing.join(', ')}.`] : []),
  ].join('\n');
}

function ledgerMd(l: LedgerSection): string {
  const rows = l.shares.map((s) => [
    s.checkout,
    s.route,
    cu(s.total.wcu),
    s.total.txItems,
    cu(s.ledger.wcu),
    s.ledger.txItems,
    cu(s.rest.wcu),
    cu(s.addedWcu),
    `${cu(s.ledger.wcu)} / ${BUDGET.ledger.wcu}`,
  ]);
  return [
    "### The sales ledger's share of a checkout",
    '',
    "Two checkouts of one shape each: the first as the product makes it (*total*); the second with the ledger's items (its sales record, put only if absent, and its facility's day and month totals) taken out of its transaction by a bench-only middleware (*rest*) and sent right after as a transaction of their own (*ledger*). *total − rest* is what the ledger's items add to a real checkout as Local prices it: Local does not price a transaction as the sum of its items, so it differs from *ledger*, the figure the budget bounds. WCU as DynamoDB Local reports them; AWS bills each transaction item at least 2 WCU.",
    '',
    table(
      [
        'checkout',
        'route',
        'total WCU',
        'tx items',
        'ledger WCU',
        'ledger items',
        'rest WCU',
        'total − rest',
        'ledger WCU / budget',
      ],
      rows,
      'llrrrrrrr',
    ),
  ].join('\n');
}

function csvMd(c: CsvSection): string {
  const s = c.seeding;
  const mib = (n: number) => n.toFixed(1);
  const rows = c.rows.map((r) => [
    r.list,
    `\`${r.request}\``,
    `${r.lines} / ${r.expectedLines}`,
    kib(r.bytes),
    `${ms(r.ms)} / ${BUDGET.csv.ms}`,
    `${mib(r.peakRssMiB)} / ${BUDGET.csv.peakRssMiB}`,
    mib(r.rssBeforeMiB),
    mib(r.heapGrowthMiB),
  ]);
  return [
    '## 7. The largest CSV answer',
    '',
    `Seeded through the ledger's writer (\`bench/lib/seed-sales.ts\`): ${s.lines} sales lines in ${s.records} records of ${s.partnerId} (${s.facilityId}, ${s.spaceId}), use dates ${s.from} … ${s.to}, one transaction per record, in ${(s.ms / 1000).toFixed(1)} s${s.existing > 0 ? ` (${s.existing} there already)` : ''}. Each answer is the median of ${c.rows[0]?.samples.length ?? 0} fresh Node processes that load the handler (through tsx), answer a small request of the route, then call it once with \`Accept: text/csv\` for the whole range: *peak RSS* is the process's (\`resourceUsage().maxRSS\`, what Lambda reports as Max Memory Used; the function has 512 MB in dev), *heap growth* the heap used at its highest during the call (sampled every ms) less before it.`,
    '',
    table(
      [
        'list',
        'request',
        'lines / expected',
        'KiB',
        'ms / budget',
        'peak RSS MiB / budget',
        'RSS before MiB',
        'heap growth MiB',
      ],
      rows,
      'llrrrrrr',
    ),
    ...c.notMeasured.map((n) => `\n${n.list}: not measured (${n.why}).`),
  ].join('\n');
}

function exportMd(e: ExportSection): string {
  const s = e.seeding;
  const b = BUDGET.export;
  const mib = (n: number) => n.toFixed(1);
  const x = e.sample;
  const requests = Object.entries(x.s3)
    .map(([command, n]) => `${n} ${command.replace(/Command$/, '')}`)
    .join(', ');
  return [
    '## 8. An export of 100,000 lines',
    '',
    `Seeded through the ledger's writer: ${s.lines} sales lines in ${s.records} records of ${s.partnerId} (${s.facilityId}, ${s.spaceId}), use dates ${s.from} … ${s.to}, in ${(s.ms / 1000).toFixed(1)} s${s.existing > 0 ? ` (${s.existing} there already)` : ''}. A sales export of that range, recorded as \`POST /v1/operator/exports\` records one, is run once by the \`run-export\` step handler in a fresh Node process (through tsx) against DynamoDB Local and the local S3: it reads the lines a page at a time through the sales list's own service and sends the CSV in parts of 8 MiB (\`S3DownloadStore\`). *Live heap growth* is the most the heap held after a full GC (one every 250 ms, paused in the run's time) less before the run, *heap growth* the highest heap used, garbage included (sampled every 5 ms), *Buffer growth* the highest memory of Buffers (the part being gathered, and its copy being sent): what the job holds stays far below the file's size, which is read a page at a time and sent in parts. The function has 1,024 MB and 10 minutes.`,
    '',
    table(
      [
        'job',
        'lines / expected',
        'MiB (S3)',
        'parts',
        'ms / budget',
        'peak RSS MiB / budget',
        'live heap growth MiB / budget',
        'heap growth MiB',
        'Buffer growth MiB / budget',
      ],
      [
        [
          e.status,
          `${e.lines} / ${e.expectedLines}`,
          `${mib(e.bytes / 1048576)} (${mib(e.objectBytes / 1048576)})`,
          String(e.parts),
          `${ms(x.ms)} / ${b.ms}`,
          `${mib(x.peakRssMiB)} / ${b.peakRssMiB}`,
          `${mib(x.liveHeapGrowthMiB)} / ${b.liveHeapGrowthMiB}`,
          mib(x.heapGrowthMiB),
          `${mib(x.bufferGrowthMiB)} / ${b.bufferGrowthMiB}`,
        ],
      ],
      'lrrrrrrrr',
    ),
    '',
    `S3 requests of the run: ${requests || 'none'}. RSS after loading the handler: ${mib(x.rssBeforeMiB)} MiB.`,
  ].join('\n');
}

function contentionMd(c: ContentionSection): string {
  const conflicts =
    Object.entries(c.conflicts)
      .map(([code, n]) => `${n} ${code}`)
      .join(', ') || '0';
  const others =
    Object.entries(c.others)
      .map(([code, n]) => `${n} × ${code}`)
      .join(', ') || '0';
  return [
    '## 5. Contention',
    '',
    `${c.contenders} members book \`${c.spaceId}\` (capacity 1), ${c.slot}, all at once.`,
    '',
    table(
      ['successes (201)', '409', 'other answers', '5xx', 'slot counter after', 'wall ms', 'slowest answer ms'],
      [[c.successes, conflicts, others, c.serverErrors, c.held ?? '–', ms(c.wallMs), ms(c.slowestMs)]],
    ),
  ].join('\n');
}

function timersMd(t: TimersSection): string {
  const notForced =
    Object.entries(t.notForced)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ') || '0';
  return [
    '## 6. Timers',
    '',
    `${t.stays} stays checked in, all ending ${t.deadline}; one \`POST /local/clock\` to ${t.movedTo} (deadline + 5 min).`,
    '',
    table(
      [
        'stays',
        'forcedCheckout',
        'not forced out',
        'checkedOutAt − (deadline + 5 min)',
        'POST wall ms',
        'executions ok / failed / running',
      ],
      [
        [
          t.stays,
          t.forced,
          notForced,
          `${ms(t.lagMs.min)} … ${ms(t.lagMs.max)} ms`,
          ms(t.postMs),
          `${t.executions.succeeded} / ${t.executions.failed} / ${t.executions.running}`,
        ],
      ],
    ),
  ].join('\n');
}

export function markdown(r: Results): string {
  const run = r.run;
  const head = [
    `# Benchmark: ${run.ok ? 'passed' : '**FAILED**'}`,
    '',
    `${run.startedAt} · ${run.wallSeconds.toFixed(0)} s · Node ${run.node} · ${run.cpus} · commit ${run.commit} · DynamoDB Local ${run.dynamodb}`,
  ];
  if (run.failures.length > 0) head.push('', '**Failures:**', '', ...run.failures.map((f) => `- ${f}`));
  if (run.localTimerFailures > 0) {
    head.push(
      '',
      `Note: the local timer runner reported ${run.localTimerFailures} failed executions during the run (held timer tasks time out after 60 s of wall time in aws-local-stepfunctions); they do not touch the measured calls.`,
    );
  }
  const sections = [
    head.join('\n'),
    HOW_TO_READ,
    r.bundles && bundlesMd(r.bundles),
    r.latency && latencyMd(r.latency),
    r.unlockE2e && e2eMd(r.unlockE2e),
    r.cost && costMd(r.cost),
    r.ledger && ledgerMd(r.ledger),
    r.contention && contentionMd(r.contention),
    r.timers && timersMd(r.timers),
    r.csv && csvMd(r.csv),
    r.export && exportMd(r.export),
  ].filter((s): s is string => typeof s === 'string');
  return `${sections.join('\n\n')}\n`;
}
