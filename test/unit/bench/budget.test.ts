import { describe, expect, it } from 'vitest';
import { BUDGET, budgetFailures, bundleFailures, latencyFailures, overBundleBudget } from '../../../bench/lib/budget';
import type { BundleResult, BundleSection } from '../../../bench/lib/bundles';
import type { LatencySection, OpRow } from '../../../bench/lib/latency';
import type { C1Row } from '../../../bench/lib/latency-partner';
import type { PhaseResult } from '../../../bench/lib/load';

const KiB = 1024;

/** A bundle of `gzipKiB` whose ten cold loads have the median `loadMs`. */
function bundle(id: string, gzipKiB: number, loadMs: number, kind: BundleResult['kind'] = 'route'): BundleResult {
  return {
    id,
    kind,
    entry: `lambdas/${id}.ts`,
    bytes: gzipKiB * 3 * KiB,
    gzipBytes: gzipKiB * KiB,
    loadMs: Array.from({ length: 10 }, () => loadMs),
    loadMedianMs: loadMs,
    packages: [],
  };
}

const section = (...bundles: BundleResult[]): BundleSection => ({
  bundles,
  biggest: { id: bundles[0]?.id ?? '', bytes: 0, packages: [] },
  target: 'node24',
  loadSamples: 10,
  wallMs: 0,
});

describe('the bundle budget of HTTP handlers', () => {
  const { gzipKiB, loadMs } = BUDGET.bundle;

  it('is 120 KiB gzip and 60 ms of cold load (issue 19)', () => {
    expect(BUDGET.bundle).toEqual({ gzipKiB: 120, loadMs: 60 });
  });

  it('holds a handler under both bounds, and one exactly at them', () => {
    const under = section(bundle('get-me', 80, 40), bundle('get-facility', gzipKiB, loadMs));
    expect(bundleFailures(under)).toEqual([]);
    expect(budgetFailures(undefined, undefined, undefined, under)).toEqual([]);
    expect(under.bundles.some(overBundleBudget)).toBe(false);
  });

  it('fails a handler over the gzip size', () => {
    const over = bundle('create-reservation', 230.6, 40);
    expect(bundleFailures(section(over))).toEqual(['bundle: create-reservation is 230.6 KiB gzip (budget 120 KiB)']);
    expect(overBundleBudget(over)).toBe(true);
  });

  it('fails a handler over the cold load', () => {
    const slow = bundle('get-availability', 100, 80.5);
    expect(bundleFailures(section(slow))).toEqual([
      'bundle: get-availability loads in 80.5 ms (median of 10; budget 60 ms)',
    ]);
    expect(overBundleBudget(slow)).toBe(true);
  });

  it('fails a handler over both in one sentence, and each handler on its own', () => {
    const failures = bundleFailures(section(bundle('checkout', 219.9, 92.1), bundle('unlock', 121, 61)));
    expect(failures).toEqual([
      'bundle: checkout is 219.9 KiB gzip (budget 120 KiB) and loads in 92.1 ms (median of 10; budget 60 ms)',
      'bundle: unlock is 121.0 KiB gzip (budget 120 KiB) and loads in 61.0 ms (median of 10; budget 60 ms)',
    ]);
  });

  it('leaves the door-event handler and the steps out (they answer no one waiting)', () => {
    const others = section(bundle('iot/door-event', 200, 90, 'iot'), bundle('steps/run-export', 280, 120, 'step'));
    expect(bundleFailures(others)).toEqual([]);
    expect(others.bundles.some(overBundleBudget)).toBe(false);
  });

  it('is part of the bench’s budget failures, after the other bounds', () => {
    expect(budgetFailures(undefined, undefined, undefined, section(bundle('get-me', 213.2, 40)))).toEqual([
      'bundle: get-me is 213.2 KiB gzip (budget 120 KiB)',
    ]);
    expect(budgetFailures(undefined, undefined)).toEqual([]);
  });
});

/** A phase whose p50 is `p50` ms. */
const phaseAt = (p50: number, concurrency = 1): PhaseResult => ({
  n: 100,
  p50,
  p95: p50 * 2,
  p99: p50 * 3,
  max: p50 * 4,
  throughput: 1000 / p50,
  wallMs: 100 * p50,
  concurrency,
});

/** An operation row: its c1 p50s as given, its c16 p50s far apart (no bound there). */
const opRow = (op: string, route: number, floor: number): OpRow => ({
  op,
  route: { c1: phaseAt(route), c16: phaseAt(route * 10, 16) },
  floor: { c1: phaseAt(floor), c16: phaseAt(floor, 16) },
  floorCalls: 'GetItem',
});

const c1Row = (op: string, route: number, floor: number): C1Row => ({
  op,
  request: `GET /${op}`,
  route: phaseAt(route),
  floor: phaseAt(floor),
  floorCalls: 'Query',
});

const latency = (ops: OpRow[], c1Only: C1Row[] = []): LatencySection => ({
  ops,
  mqtt: { c1: phaseAt(0.08), c16: phaseAt(0.8, 16) },
  c1Only,
});

describe('the latency budget: route / floor p50 at concurrency 1', () => {
  it('is 1.5× (issue 19)', () => {
    expect(BUDGET.latency).toEqual({ routeOverFloorC1: 1.5 });
  });

  it('holds rows under the bound and one exactly at it, whatever their c16 ratio', () => {
    const within = latency([opRow('cancel', 4, 3), opRow('unlock', 6, 4)], [c1Row('space calendar', 2.1, 1.5)]);
    expect(latencyFailures(within)).toEqual([]);
    expect(budgetFailures(undefined, undefined, undefined, undefined, within)).toEqual([]);
  });

  it('fails an operation row over the bound, with its figures', () => {
    expect(latencyFailures(latency([opRow('availability', 4, 3), opRow('check-in', 15.2, 4.25)]))).toEqual([
      "latency: check-in takes 15.20 ms at c1 (p50), 3.58× its floor's 4.25 ms (budget 1.5×)",
    ]);
  });

  it('fails a concurrency-1-only row (partner, drop-in) over the bound', () => {
    expect(latencyFailures(latency([], [c1Row('sales CSV (1,000 lines)', 57.3, 35.0)]))).toEqual([
      "latency: sales CSV (1,000 lines) takes 57.30 ms at c1 (p50), 1.64× its floor's 35.00 ms (budget 1.5×)",
    ]);
  });

  it('fails a row just over the bound that the report would round to 1.5×', () => {
    expect(latencyFailures(latency([opRow('checkout', 15.2, 10)]))).toEqual([
      "latency: checkout takes 15.20 ms at c1 (p50), 1.52× its floor's 10.00 ms (budget 1.5×)",
    ]);
  });

  it('fails a row without a measure rather than passing it', () => {
    expect(latencyFailures(latency([opRow('create reservation', 9, Number.NaN)]))).toEqual([
      'latency: create reservation has no route/floor ratio at c1 (p50 9.00 ms, floor NaN ms; budget 1.5×)',
    ]);
  });

  it('is part of the bench’s budget failures, last; no latency section, no failure', () => {
    const slow = latency([opRow('checkout', 16.2, 7.68)]);
    expect(budgetFailures(undefined, undefined, undefined, section(bundle('get-me', 213.2, 40)), slow)).toEqual([
      'bundle: get-me is 213.2 KiB gzip (budget 120 KiB)',
      "latency: checkout takes 16.20 ms at c1 (p50), 2.11× its floor's 7.68 ms (budget 1.5×)",
    ]);
    expect(latencyFailures(undefined)).toEqual([]);
  });
});
