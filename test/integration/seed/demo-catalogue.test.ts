/**
 * The demo catalogue (the default of `npm run seed`) against DynamoDB Local: over what the local stack loads
 * (lib/local/seed.ts) it writes nothing; into an empty table it makes the local demo data, but for what the routes
 * make fresh or move; and the command itself, run as `npm run seed` runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Space } from '../../../lambdas/domain/model';
import { makeDocumentClient } from '../../../lambdas/platform/dynamo/client';
import * as demo from '../../../lib/local/demo-data';
import { seedDemoData } from '../../../lib/local/seed';
import { DEMO_CATALOGUE } from '../../../lib/seed/catalogue';
import { runSeed } from '../../../lib/seed/run';
import { seedPorts } from '../../../lib/seed/table';
import { type TestTable, testTable } from '../support/dynamo';

const NOW = Date.parse('2026-11-20T10:00:00+09:00');
const ROOT = new URL('../../../', import.meta.url).pathname;
const demoCatalogue = () => JSON.parse(readFileSync(DEMO_CATALOGUE, 'utf8'));

type Table = TestTable & { seedDoc: DynamoDBDocumentClient };
let loaded: Table;
let seeded: Table;
/** A table of its own, with the document client the seed uses (as the handlers make theirs). */
const table = async (): Promise<Table> => {
  const made = await testTable();
  return { ...made, seedDoc: makeDocumentClient(made.client) };
};
const scratch = mkdtempSync(join(tmpdir(), 'seed-'));
beforeAll(async () => {
  [loaded, seeded] = await Promise.all([table(), table()]);
  await seedDemoData(loaded.doc, loaded.tableName);
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await Promise.all([loaded?.drop(), seeded?.drop()]);
});

const seedInto = (table: Table, options: { dryRun?: boolean } = {}) =>
  runSeed({
    doc: table.seedDoc,
    tableName: table.tableName,
    catalogue: demoCatalogue(),
    now: NOW,
    ...options,
  });

describe('the demo catalogue', () => {
  it("over the local stack's demo data: every entry unchanged, nothing written", async () => {
    const result = await seedInto(loaded);
    expect(result).toMatchObject({ status: 'done', applied: 0, writes: 0 });
    if (result.status !== 'done') return;
    expect(result.plan.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([]);
  });

  it('into an empty table: the demo data, but for versions, fresh QR values and what the routes default', async () => {
    const result = await seedInto(seeded);
    expect(result.status).toBe('done');
    const ports = seedPorts(seeded.seedDoc, seeded.tableName);
    for (const facility of demo.facilities) {
      // the doors are set after the facility is made: one version on
      const made = await ports.facilities.getFacility(facility.facilityId);
      expect({ ...made, version: undefined }, facility.facilityId).toEqual({ ...facility, version: undefined });
    }
    const routeMade = (space: Space) => ({
      ...space,
      // the writes of its doors and hours move them; a route writes what the demo data leaves out
      version: undefined,
      calendarVersion: undefined,
      calendarPending: space.calendarPending ?? null,
      externalLink: space.externalLink ?? false,
      priceHistory: space.priceHistory ?? [],
      // the open-space route makes a fresh QR value and sets no booking window (drop-in visits book nothing)
      qrValue: space.qrValue ? 'fresh' : undefined,
      windowDaysTo: space.type === 'openSpace' ? 'route default' : space.windowDaysTo,
    });
    for (const space of demo.spaces) {
      const made = await ports.spaces.getSpace(space.spaceId);
      if (!made) throw new Error(`${space.spaceId} was not made`);
      expect(made.qrValue ?? '', space.spaceId).toMatch(space.qrValue ? /^QR-[0-9A-F]{32}$/ : /^$/);
      expect(routeMade(made), space.spaceId).toEqual(routeMade(space));
    }
    for (const partner of demo.partners) expect(await ports.partners.getPartner(partner.partnerId)).toEqual(partner);
    for (const company of demo.companies) {
      expect(await ports.companies.getCompany(company.companyId)).toEqual({ ...company, version: 1 });
    }
  });

  it('through the command: a dry run prints the plan, a bad file is refused naming the field', async () => {
    const run = promisify(execFile);
    const seed = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'bin/seed.ts', '--stage', 'local', ...args], {
        cwd: ROOT,
        env: { ...process.env, DYNAMODB_ENDPOINT: loaded.endpoint },
      });
    const planned = await seed('--table', loaded.tableName, '--dry-run');
    expect(planned.stdout).toContain(`Catalogue lib/seed/demo-catalogue.json`);
    expect(planned.stdout).toContain(`table ${loaded.tableName}`);
    expect(planned.stdout).toContain('  unchanged  facility  tw-shibuya');
    expect(planned.stdout).toMatch(/0 create, \d+ unchanged, 0 differs\.\n$/);

    const bad = join(scratch, 'bad.json');
    const json = demoCatalogue();
    json.partners[0].facilities[0].spaces[0].capacity = 0;
    writeFileSync(bad, JSON.stringify(json));
    const refused = await seed('--table', loaded.tableName, '--file', bad).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'partners.0.facilities.0.spaces.0: Space h1t-kudanshita-box: capacity must be at least 1.',
    );
  });
});
