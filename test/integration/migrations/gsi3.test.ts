/**
 * The GSI3 backfill (lib/migrations/gsi3.ts, `npm run migrate:gsi3`) against the local stack's DynamoDB Local: a visit
 * and a reservation written as before GSI3 (without its keys) are missing from the partners' usage lists; the
 * migration gives them the keys their write gives today, and they show; a dry run writes nothing, a run stopped half
 * way resumes from its state file, a rerun updates nothing, and an item indexed between the scan and the update is
 * left to the write that indexed it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservationKey } from '../../../lambdas/modules/booking';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { itemKey } from '../../../lambdas/platform/dynamo/keys';
import type { LocalStack } from '../../../lib/local/stack';
import { backfillUsageIndex, type Gsi3State, usageIndexBackfill } from '../../../lib/migrations/gsi3';
import { at, newMember } from '../booking/fixtures';
import { dynamodbEndpoint } from '../support/dynamo';
import { client, operatorToken, startTestStack } from '../support/local-stack';

const DAY = '2026-11-24';
let stack: LocalStack;
let api: ReturnType<typeof client>;
let dir: string;
const made = { reservationId: '', visitId: '' };
/** The GSI3 keys the application wrote, before they were taken off. */
const written: Record<string, Record<string, unknown>> = {};

const table = () => tableContext();
const keyOf = {
  reservation: () => reservationKey(made.reservationId),
  visit: () => itemKey('visit', { visitId: made.visitId }),
};
const read = async (which: keyof typeof keyOf) =>
  (await table().doc.send(new GetCommand({ TableName: table().tableName, Key: keyOf[which](), ConsistentRead: true })))
    .Item as Record<string, unknown>;
const gsi3Of = (item: Record<string, unknown>) => ({ GSI3PK: item.GSI3PK, GSI3SK: item.GSI3SK });

/** Takes GSI3's keys off an item: the item as it was written before the index. */
const unindex = (which: keyof typeof keyOf) =>
  table().doc.send(
    new UpdateCommand({ TableName: table().tableName, Key: keyOf[which](), UpdateExpression: 'REMOVE GSI3PK, GSI3SK' }),
  );

const listed = async () => {
  const visits = await api.get(
    `/v1/operator/usage/visits?from=${DAY}&to=${DAY}`,
    operatorToken('op-regus-usage', 'partner-regus', 'usage'),
  );
  const reservations = await api.get(
    `/v1/operator/usage/reservations?from=${DAY}&to=${DAY}`,
    operatorToken('op-tw-usage', 'partner-tw', 'usage'),
  );
  expect(visits.status, JSON.stringify(visits.body)).toBe(200);
  expect(reservations.status, JSON.stringify(reservations.body)).toBe(200);
  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id);
  return {
    visit: ids(visits.body).includes(made.visitId),
    reservation: ids(reservations.body).includes(made.reservationId),
  };
};
const run = (options: Partial<Parameters<typeof backfillUsageIndex>[0]> = {}) =>
  backfillUsageIndex({ doc: table().doc, tableName: table().tableName, segments: 3, pageSize: 25, ...options });

beforeAll(async () => {
  stack = await startTestStack(at(DAY, '09:00'));
  api = client(stack.url);
  dir = mkdtempSync(join(tmpdir(), 'gsi3-'));
  const booker = await newMember(api, 'premium');
  const booked = await api.post(
    '/v1/reservations',
    { spaceId: 'tw-shibuya-desk', start: at(DAY, '10:00'), end: at(DAY, '11:00') },
    booker.token,
  );
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  made.reservationId = booked.body.id;
  const visitor = await newMember(api, 'premium');
  const visit = await api.post('/v1/visits', { qrValue: 'QR-REGUS-MARUNOUCHI' }, visitor.token);
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  made.visitId = visit.body.id;
});
afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('items written before GSI3', () => {
  it('are listed while they have its keys, and missing once the keys are off', async () => {
    expect(await listed()).toEqual({ visit: true, reservation: true });
    for (const which of ['reservation', 'visit'] as const) {
      const item = await read(which);
      written[which] = gsi3Of(item);
      expect(item.GSI3PK).toEqual(expect.stringMatching(/^PARTNER#partner-(tw|regus)#(RESERVATIONS|VISITS)$/));
      // the migration's decision for the stored item is the key its write made
      expect(usageIndexBackfill(item)).toEqual({ kind: 'skip', reason: 'indexed already' });
      await unindex(which);
      expect(usageIndexBackfill(await read(which))).toEqual({ kind: 'index', keys: written[which] });
    }
    expect(await listed()).toEqual({ visit: false, reservation: false });
  });

  it('a dry run counts them and writes nothing', async () => {
    const counts = await run({ dryRun: true, stateFile: join(dir, 'dry.json') });
    expect(counts.updated).toBe(2);
    expect(counts.scanned).toBeGreaterThan(2);
    expect(counts.skipped).toBe(counts.scanned - 2);
    expect((await read('visit')).GSI3PK).toBeUndefined();
    expect(await listed()).toEqual({ visit: false, reservation: false });
    // no state either: a dry run is not a run to resume
    expect(() => readFileSync(join(dir, 'dry.json'))).toThrow();
  });

  it('a run stopped after a page resumes from its state file, and they are listed again with the keys of their write', async () => {
    const stateFile = join(dir, 'state.json');
    const lines: string[] = [];
    const first = await run({ stateFile, maxPages: 1, log: (line) => lines.push(line) });
    expect(first.scanned).toBeGreaterThan(0);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as Gsi3State;
    expect(saved.segments).toBe(3);
    expect(saved.positions.some((p) => !p.done)).toBe(true);
    expect(lines[0]).toMatch(/^segment \d\/3: \d+ scanned, \d+ updated/);
    // the state of another table, or of another number of segments, is refused
    await expect(run({ stateFile, segments: 2 })).rejects.toThrow(/segments/);

    const rest = await run({ stateFile });
    expect(first.updated + rest.updated).toBe(2);
    expect((JSON.parse(readFileSync(stateFile, 'utf8')) as Gsi3State).positions.every((p) => p.done)).toBe(true);
    for (const which of ['reservation', 'visit'] as const) expect(gsi3Of(await read(which))).toEqual(written[which]);
    expect(await listed()).toEqual({ visit: true, reservation: true });
    // the same state file again: every segment done, nothing scanned
    expect(await run({ stateFile })).toMatchObject({ scanned: 0, updated: 0 });
  });

  it('a rerun updates nothing', async () => {
    const again = await run();
    expect(again.updated).toBe(0);
    expect(again.raced).toBe(0);
    expect(again.skipped).toBe(again.scanned);
    expect(await listed()).toEqual({ visit: true, reservation: true });
  });

  it('an item indexed between the scan and its update (a write beside the run) is not updated twice', async () => {
    await unindex('visit');
    const real = table().doc;
    let updates = 0;
    // a write of the application lands just before the migration's update of the item
    const beside = {
      send: async (command: unknown) => {
        if (command instanceof UpdateCommand) {
          updates++;
          await real.send(
            new UpdateCommand({
              TableName: table().tableName,
              Key: keyOf.visit(),
              UpdateExpression: 'SET GSI3PK = :pk, GSI3SK = :sk',
              ExpressionAttributeValues: { ':pk': written.visit?.GSI3PK, ':sk': written.visit?.GSI3SK },
            }),
          );
        }
        return real.send(command as GetCommand);
      },
    } as unknown as DynamoDBDocumentClient;
    const counts = await run({ doc: beside });
    expect(updates).toBe(1);
    expect(counts).toMatchObject({ updated: 0, raced: 1 });
    expect(gsi3Of(await read('visit'))).toEqual(written.visit);
    expect(await listed()).toEqual({ visit: true, reservation: true });
  });

  it('runs as npm run migrate:gsi3 -- --table <name> --endpoint <url>, printing its counts', async () => {
    await unindex('reservation');
    const cli = (...args: string[]) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            '--import',
            'tsx',
            'bin/migrate-gsi3.ts',
            '--table',
            table().tableName,
            '--endpoint',
            dynamodbEndpoint(),
            ...args,
          ],
          { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
        );
      });
    const dry = await cli('--dry-run', '--segments', '2');
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toMatch(/Done: \d+ scanned, 1 to update, \d+ skipped/);
    expect((await read('reservation')).GSI3PK).toBeUndefined();
    const done = await cli('--segments', '2');
    expect(done.code, done.out).toBe(0);
    expect(done.out).toMatch(/Done: \d+ scanned, 1 updated, \d+ skipped \(0 indexed meanwhile, 0 unindexable\)/);
    expect(await listed()).toEqual({ visit: true, reservation: true });
    expect((await cli()).out).toMatch(/Done: \d+ scanned, 0 updated/);
  }, 60_000);
});
