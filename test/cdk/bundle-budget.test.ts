/**
 * The bundle budget in the suite (issue 19): every HTTP handler's bundle, built with the project's esbuild options as
 * the bench and CDK build it, is within `BUDGET.bundle.gzipKiB`. Sizes are exact for given sources and packages, so
 * this runs on every CI run; cold-load time is not (it depends on the machine), so that half of the budget stays in
 * `npm run bench`. One esbuild build of every function: about 10 s on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, gzipOverBudget } from '../../bench/lib/budget';
import { type BuiltBundle, buildBundles } from '../../bench/lib/bundles';
import { routes } from '../../lambdas/routes';
import { PROJECT_ROOT } from '../../lib/constructs/handler-function';

describe('every HTTP handler’s bundle within the size budget', () => {
  const outdir = mkdtempSync('/tmp/bundle-budget-');
  let built: BuiltBundle[];
  beforeAll(async () => {
    built = await buildBundles(PROJECT_ROOT, outdir);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('builds one bundle per route row, and the door-event and step functions beside them', () => {
    const routeIds = built.filter((b) => b.entry.kind === 'route').map((b) => b.entry.id);
    expect(routeIds.sort()).toEqual(routes.map((r) => r.id).sort());
    expect(built.some((b) => b.entry.kind === 'iot')).toBe(true);
    expect(built.some((b) => b.entry.kind === 'step')).toBe(true);
  });

  it(`no route is over ${BUDGET.bundle.gzipKiB} KiB gzip`, () => {
    const over = built
      .filter((b) => gzipOverBudget(b.entry.kind, b.gzipBytes))
      .map((b) => `${b.entry.id}: ${(b.gzipBytes / 1024).toFixed(1)} KiB`);
    expect(over).toEqual([]);
    // the sizes are real: every bundle holds the AWS SDK's DynamoDB client at least
    for (const b of built) expect(b.gzipBytes).toBeGreaterThan(40 * 1024);
  });
});
