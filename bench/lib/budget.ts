/**
 * Bounds the bench holds the product to: a run past one fails (exit 1), as an error answer does. Set with headroom from
 * runs on a 2-vCPU machine (the figures in the comments); capacity units are exact for a given item layout, so their
 * bounds catch a ledger item that grows or a transaction that gains items; the CSV bounds are wall time and memory, so
 * they catch a read or a writer that became several times slower or holds far more than the file.
 */
import type { BundleEntry, BundleResult, BundleSection } from './bundles';
import type { CsvSection } from './csv-answer';
import type { ExportSection } from './export-job';
import type { LatencySection } from './latency';
import type { LedgerSection } from './ledger-cost';

export const BUDGET = {
  /**
   * Every HTTP handler's bundle (issue 19): its gzip size, what a cold start downloads and unpacks, and the median of
   * its cold module loads (one fresh Node process each), most of a cold start's init on our side. Not set from a
   * measurement but from the goal: on the baseline (`bench/baseline/bundles.json`, commit 51f4fc1) the 75
   * routes are 193–593 KiB gzip (median 220) and load in 70–184 ms (median 85), so the bench fails until the bundles
   * carry only what each route uses. The door-event handler and the steps answer no one waiting and have no bound.
   * The gzip half is exact for given sources and packages, so the suite holds it too (test/cdk/bundle-budget.test.ts,
   * on every CI run); the cold loads depend on the machine and are the bench's alone.
   */
  bundle: { gzipKiB: 120, loadMs: 60 },
  /**
   * The ledger's items of one checkout in a transaction of their own: WCU as DynamoDB Local counts them, and items
   * (AWS: ≥ 2 WCU each). Measured: 12 WCU, 3 items, for a reservation's and a visit's checkout alike.
   */
  ledger: { wcu: 16, txItems: 3 },
  /**
   * The 10,000-line sales CSV (median of 5 fresh processes): answer time, and the process's peak RSS (the function has
   * 512 MB in dev). Measured: 1.0–2.1 s (median 1.4 s, on a machine loaded 5× its cores), 196–205 MiB.
   */
  csv: { ms: 5_000, peakRssMiB: 400 },
  /**
   * The export of 100,000 sales lines (one run of the job in a fresh process): its time (the function may take 10
   * minutes), its peak RSS (it has 1,024 MB), what its heap still holds after a full GC (what it keeps, garbage aside)
   * and its Buffers (the part being gathered and the copy sent: two parts of 8 MiB), both below the file's 11.4 MiB:
   * the lines are read a page at a time and sent in parts, never held. Measured: 4.7–5.4 s, 182–236 MiB peak RSS,
   * 4.2 MiB live heap, 17–18 MiB of Buffers.
   */
  export: { ms: 120_000, peakRssMiB: 512, liveHeapGrowthMiB: 8, bufferGrowthMiB: 24 },
  /**
   * Every latency row (issue 19): the route's p50 at concurrency 1 over its floor's p50, both measured in the same run,
   * so that a route's own overhead (gateway, handler, the order of its calls) stays within half its floor. Concurrency
   * 16 has no bound: there the load generator, the gateway and DynamoDB Local queue for the same two cores.
   */
  latency: { routeOverFloorC1: 1.5 },
} as const;

/**
 * A row's ratio at concurrency 1, route p50 over floor p50, and whether it is over the bound; undefined when there is no
 * ratio (a floor of 0, a missing figure).
 */
export function c1Verdict(route: number, floor: number): { ratio: number; over: boolean } | undefined {
  const ratio = route / floor;
  if (!(floor > 0 && Number.isFinite(ratio))) return undefined;
  return { ratio, over: ratio > BUDGET.latency.routeOverFloorC1 };
}

/** The latency rows over the bound: route p50 / floor p50 at concurrency 1, one sentence each. */
export function latencyFailures(latency: LatencySection | undefined): string[] {
  const bound = BUDGET.latency.routeOverFloorC1;
  const rows = [
    ...(latency?.ops ?? []).map((o) => ({ op: o.op, route: o.route.c1.p50, floor: o.floor.c1.p50 })),
    ...(latency?.c1Only ?? []).map((o) => ({ op: o.op, route: o.route.p50, floor: o.floor.p50 })),
  ];
  const failures: string[] = [];
  for (const { op, route, floor } of rows) {
    const verdict = c1Verdict(route, floor);
    if (!verdict)
      failures.push(
        `latency: ${op} has no route/floor ratio at c1 (p50 ${route.toFixed(2)} ms, floor ${floor.toFixed(2)} ms; budget ${bound}×)`,
      );
    else if (verdict.over)
      failures.push(
        `latency: ${op} takes ${route.toFixed(2)} ms at c1 (p50), ${verdict.ratio.toFixed(2)}× its floor's ${floor.toFixed(2)} ms (budget ${bound}×)`,
      );
  }
  return failures;
}

/**
 * Whether a bundle's gzip size is over the budget: only HTTP handlers (kind `route`) have one. The suite holds this half
 * (test/cdk/bundle-budget.test.ts); the bench holds both.
 */
export const gzipOverBudget = (kind: BundleEntry['kind'], gzipBytes: number): boolean =>
  kind === 'route' && gzipBytes / 1024 > BUDGET.bundle.gzipKiB;

/** Which halves of the bundle budget a handler's bundle is over: its gzip size, its median cold load (routes only). */
export const bundleOver = (b: BundleResult): { gzip: boolean; load: boolean } => ({
  gzip: gzipOverBudget(b.kind, b.gzipBytes),
  load: b.kind === 'route' && b.loadMedianMs > BUDGET.bundle.loadMs,
});

/** The HTTP handlers (kind `route`) over the bundle budget, one sentence each (its gzip size, its cold load, or both). */
export function bundleFailures(bundles: BundleSection | undefined): string[] {
  const failures: string[] = [];
  const bound = BUDGET.bundle;
  for (const b of bundles?.bundles ?? []) {
    const { gzip, load } = bundleOver(b);
    const over: string[] = [];
    if (gzip) over.push(`is ${(b.gzipBytes / 1024).toFixed(1)} KiB gzip (budget ${bound.gzipKiB} KiB)`);
    if (load)
      over.push(`loads in ${b.loadMedianMs.toFixed(1)} ms (median of ${b.loadMs.length}; budget ${bound.loadMs} ms)`);
    if (over.length > 0) failures.push(`bundle: ${b.id} ${over.join(' and ')}`);
  }
  return failures;
}

/** Whether a handler's bundle is over the budget (only HTTP handlers have one). */
export const overBundleBudget = (b: BundleResult): boolean => {
  const { gzip, load } = bundleOver(b);
  return gzip || load;
};

/** What a run's figures break of the budget, one sentence each. */
export function budgetFailures(
  ledger: LedgerSection | undefined,
  csv: CsvSection | undefined,
  exported?: ExportSection,
  bundles?: BundleSection,
  latency?: LatencySection,
): string[] {
  const failures: string[] = [];
  if (exported) {
    const { sample } = exported;
    const bound = BUDGET.export;
    if (exported.status !== 'done') failures.push(`export: the job ended ${exported.status}`);
    if (exported.lines !== exported.expectedLines)
      failures.push(`export: the file has ${exported.lines} lines (expected ${exported.expectedLines})`);
    if (exported.objectBytes !== exported.bytes)
      failures.push(`export: S3 holds ${exported.objectBytes} bytes, the job wrote ${exported.bytes}`);
    if (sample.ms > bound.ms) failures.push(`export: took ${sample.ms.toFixed(0)} ms (budget ${bound.ms} ms)`);
    for (const [what, value, max] of [
      ['peak RSS', sample.peakRssMiB, bound.peakRssMiB],
      ['live heap growth', sample.liveHeapGrowthMiB, bound.liveHeapGrowthMiB],
      ['Buffer growth', sample.bufferGrowthMiB, bound.bufferGrowthMiB],
    ] as const) {
      if (value > max) failures.push(`export: ${what} ${value.toFixed(0)} MiB (budget ${max} MiB)`);
    }
  }
  for (const share of ledger?.shares ?? []) {
    if (share.ledger.wcu > BUDGET.ledger.wcu)
      failures.push(
        `ledger cost: a ${share.checkout} checkout's ledger items take ${share.ledger.wcu} WCU (budget ${BUDGET.ledger.wcu})`,
      );
    if (share.ledger.txItems > BUDGET.ledger.txItems)
      failures.push(
        `ledger cost: a ${share.checkout} checkout writes ${share.ledger.txItems} ledger items (budget ${BUDGET.ledger.txItems})`,
      );
  }
  for (const row of csv?.rows ?? []) {
    for (const s of row.samples) {
      if (s.status !== 200) failures.push(`csv: ${row.list} answered ${s.status}`);
      else if (s.lines !== row.expectedLines)
        failures.push(`csv: ${row.list} has ${s.lines} lines (expected ${row.expectedLines})`);
    }
    if (row.ms > BUDGET.csv.ms)
      failures.push(`csv: ${row.list} took ${row.ms.toFixed(0)} ms (median; budget ${BUDGET.csv.ms} ms)`);
    if (row.peakRssMiB > BUDGET.csv.peakRssMiB)
      failures.push(
        `csv: ${row.list} peaked at ${row.peakRssMiB.toFixed(0)} MiB RSS (median; budget ${BUDGET.csv.peakRssMiB} MiB)`,
      );
  }
  failures.push(...bundleFailures(bundles));
  failures.push(...latencyFailures(latency));
  return failures;
}
