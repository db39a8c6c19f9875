import { describe, expect, it } from 'vitest';
import { BUDGET, budgetFailures, bundleFailures, overBundleBudget } from '../../../bench/lib/budget';
import type { BundleResult, BundleSection } from '../../../bench/lib/bundles';

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
