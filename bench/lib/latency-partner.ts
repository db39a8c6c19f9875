/**
 * Section 2, continued: the partner and drop-in routes of issue 19 (a facility edit, a space calendar read, a visit's
 * check-in and checkout, a sales CSV of 1,000 lines), warm, at concurrency 1 only, each beside a floor where one is
 * sensible. Their floors are recorded (`replay.ts`) rather than rebuilt from the repositories: every route call's
 * DynamoDB commands are recorded, then sent again bare in the same order (those that overlapped, at the same time).
 * The facility edit is replayed on a twin facility (the same item under another id, edited the same way in the same
 * order), so that its version conditions hold for the floor as they did for the route.
 */
import { DeleteCommand, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Facility } from '../../lambdas/domain/model';
import { FacilityRepository, facilityKey } from '../../lambdas/modules/catalog';
import { tableContext } from '../../lambdas/platform/dynamo/client';
import { issueToken } from '../../lib/local/tokens';
import { benchFacility, newMembers, recordingClient } from './fixtures';
import type { Floor } from './floor';
import type { Api } from './http';
import { type LoadStep, type PhaseResult, runLoad } from './load';
import type { Progress } from './progress';
import { CommandRecorder, describeReplay, type Replay, rename, sendReplay } from './replay';
import { seedSales } from './seed-sales';
import { percentiles } from './stats';

/** Calls of each route: a warm-up (discarded), then one caller at a time. */
export const C1_COUNTS = { warm: 10, c1: 50 };

export interface C1Row {
  op: string;
  /** The request, as the report shows it. */
  request: string;
  route: PhaseResult;
  floor?: PhaseResult;
  /** What the floor is made of. */
  floorCalls: string;
  /** Why the route has no floor. */
  noFloor?: string;
}

export interface PartnerLatencyContext {
  api: Api;
  floor: Floor;
  progress: Progress;
}

/** The facility twins of the edit: the route edits one, its floor replays the same commands on the other. */
const EDIT_ROUTE_FACILITY = 'bench-edit-route';
const EDIT_FLOOR_FACILITY = 'bench-edit-floor';
/** 1,000 sales lines of TIMEWORK渋谷's desk, dated in 2028: after every other range the bench seeds or reads. */
const CSV_LINES = 1_000;
const CSV_RANGE = { from: '2028-01-04', to: '2028-01-13' };
const REGUS_QR = 'QR-REGUS-MARUNOUCHI';

/** A phase's figures from its latencies (one caller). */
function phaseOf(latencies: number[], wallMs: number): PhaseResult {
  return { ...percentiles(latencies), throughput: (latencies.length / wallMs) * 1000, wallMs, concurrency: 1 };
}

/**
 * A route at concurrency 1, recording each call's commands, then its floor: the recordings (renamed by `floorOf`) sent
 * again in the same order. Every call of the warm-up is replayed too (untimed), so that a write's floor meets the items
 * in the state the route met them.
 */
async function recordedRow(
  ctx: PartnerLatencyContext,
  op: string,
  request: string,
  calls: number,
  call: (i: number) => Promise<void>,
  floorOf: (replay: Replay) => Replay = (r) => r,
): Promise<C1Row> {
  const { progress, floor } = ctx;
  const recorder = CommandRecorder.install(tableContext().doc);
  const replays: Replay[] = [];
  let route: PhaseResult;
  try {
    const step: LoadStep<number, number> = {
      exec: (i) => call(i),
      after: () => {
        replays.push(recorder.take());
      },
    };
    progress.step(`latency ${op}: warm-up`);
    await runLoad([Array.from({ length: C1_COUNTS.warm }, (_, i) => i)], step);
    progress.step(`latency ${op}: route c1`);
    route = await runLoad([Array.from({ length: calls }, (_, i) => C1_COUNTS.warm + i)], step, progress);
  } finally {
    recorder.remove();
  }
  const floorReplays = replays.map(floorOf);
  const floorStep: LoadStep<Replay, Replay> = { exec: (replay) => sendReplay(floor.raw, replay) };
  progress.step(`latency ${op}: floor c1`);
  await runLoad([floorReplays.slice(0, C1_COUNTS.warm)], floorStep);
  const floorC1 = await runLoad([floorReplays.slice(C1_COUNTS.warm)], floorStep, progress);
  const shapes = new Set(replays.slice(C1_COUNTS.warm).map(describeReplay));
  return { op, request, route, floor: floorC1, floorCalls: [...shapes].join('; or ') };
}

/** A facility as the repository writes it, kept out of the search indexes (as the bench facility is). */
async function putOutOfIndexes(floor: Floor, facility: Facility): Promise<void> {
  const recorder = recordingClient();
  await new FacilityRepository(recorder.doc, floor.tableName).putFacility(facility);
  for (const { input } of recorder.sent) {
    const put = input as PutCommandInput;
    const item = { ...(put.Item as Record<string, unknown>) };
    delete item.GSI1PK;
    delete item.GSI1SK;
    await floor.doc.send(new PutCommand({ ...put, Item: item }));
  }
}

export async function measurePartnerLatency(ctx: PartnerLatencyContext): Promise<C1Row[]> {
  const { api, floor, progress } = ctx;
  const rows: C1Row[] = [];
  const calls = C1_COUNTS.c1;

  // A facility edit: PATCH with If-Match, one version on each time.
  const h1t = issueToken({ sub: 'op-h1t-full', role: 'operator', partnerId: 'partner-h1t', operatorRole: 'full' });
  for (const facilityId of [EDIT_ROUTE_FACILITY, EDIT_FLOOR_FACILITY]) {
    await putOutOfIndexes(floor, { ...benchFacility, facilityId, name: 'Bench edits' });
  }
  try {
    rows.push(
      await recordedRow(
        ctx,
        'facility edit',
        'PATCH /v1/operator/facilities/{id} (description, If-Match)',
        calls,
        async (i) => {
          await api.expect(
            200,
            api.call(
              'PATCH',
              `/v1/operator/facilities/${EDIT_ROUTE_FACILITY}`,
              { description: `bench edit ${i}` },
              h1t,
              { 'if-match': `"${benchFacility.version + i}"` },
            ),
            'facility edit',
          );
        },
        (replay) => rename(replay, { [EDIT_ROUTE_FACILITY]: EDIT_FLOOR_FACILITY }),
      ),
    );
  } finally {
    // the edit writes the facility as the product does, search-index keys included: the twins leave no trace
    for (const facilityId of [EDIT_ROUTE_FACILITY, EDIT_FLOOR_FACILITY]) {
      await floor.doc.send(new DeleteCommand({ TableName: floor.tableName, Key: facilityKey(facilityId) }));
    }
  }

  // A space calendar read: the demo booth of H1T九段下, special days and closures from today on.
  rows.push(
    await recordedRow(ctx, 'space calendar', 'GET /v1/operator/spaces/{id}/calendar', calls, async () => {
      await api.expect(200, api.get('/v1/operator/spaces/h1t-kudanshita-box/calendar', h1t), 'space calendar');
    }),
  );

  // A sales CSV of 1,000 lines (header aside), seeded through the ledger's writer.
  progress.step(`latency CSV: seeding ${CSV_LINES} sales lines`);
  const where = { partnerId: 'partner-tw', facilityId: 'tw-shibuya', spaceId: 'tw-shibuya-desk' };
  await seedSales(floor.doc, floor.tableName, { ...where, ...CSV_RANGE, lines: CSV_LINES, idPrefix: 'bench-latency' });
  const tw = issueToken({ sub: 'op-tw-full', role: 'operator', partnerId: 'partner-tw', operatorRole: 'full' });
  const csvPath = `/v1/operator/sales?from=${CSV_RANGE.from}&to=${CSV_RANGE.to}`;
  rows.push(
    await recordedRow(ctx, 'sales CSV, 1,000 lines', `GET ${csvPath} (Accept: text/csv)`, calls, async (i) => {
      const answer = await api.expect(
        200,
        api.call('GET', csvPath, undefined, tw, { accept: 'text/csv' }),
        'sales CSV',
      );
      if (i === 0) {
        const lines = String(answer.body).trimEnd().split('\r\n').length;
        if (lines !== CSV_LINES + 1) throw new Error(`sales CSV: ${lines} lines (expected ${CSV_LINES + 1})`);
      }
    }),
  );

  // A drop-in visit: check in with the lounge's QR, then check out; fresh members, one visit each.
  progress.step('latency visits: setup');
  const members = await newMembers(floor.doc, floor.tableName, C1_COUNTS.warm + calls);
  const checkIns: number[] = [];
  const checkouts: number[] = [];
  let checkInWall = 0;
  let checkoutWall = 0;
  progress.step('latency visits: route c1');
  for (const [i, member] of members.entries()) {
    const t0 = performance.now();
    const visit = await api.expect(201, api.post('/v1/visits', { qrValue: REGUS_QR }, member.token), 'visit check-in');
    const t1 = performance.now();
    await api.expect(
      200,
      api.post(`/v1/visits/${visit.body.id}/checkout`, { qrValue: REGUS_QR }, member.token),
      'visit checkout',
    );
    const t2 = performance.now();
    if (i < C1_COUNTS.warm) continue;
    checkIns.push(t1 - t0);
    checkouts.push(t2 - t1);
    checkInWall += t1 - t0;
    checkoutWall += t2 - t1;
    progress.tick(i + 1 - C1_COUNTS.warm, calls);
  }
  const noFloor =
    'no floor yet: a check-in creates a visit under a fresh id and number and moves the space’s occupancy, and a checkout ends it with its sales record; replaying their commands needs every generated id and the member’s renamed on a twin, which the recorder does not do';
  rows.push({
    op: 'visit check-in',
    request: 'POST /v1/visits (the Regus lounge QR)',
    route: phaseOf(checkIns, checkInWall),
    floorCalls: '',
    noFloor,
  });
  rows.push({
    op: 'visit checkout',
    request: 'POST /v1/visits/{id}/checkout (the same QR)',
    route: phaseOf(checkouts, checkoutWall),
    floorCalls: '',
    noFloor,
  });
  return rows;
}
