/**
 * Section 2, continued: the partner and drop-in routes of issue 19 (a facility edit, a space calendar read, a visit's
 * check-in and checkout, a sales CSV of 1,000 lines), warm, at concurrency 1 only, each beside its floor. Their floors are recorded (`replay.ts`) rather than rebuilt from the repositories: every route call's
 * DynamoDB commands are recorded, then sent again bare, each when the command it waited for in the call has ended.
 * A write is replayed where its conditions hold as they did for the route: the facility edit on a twin facility (the
 * same item under another id, edited the same way in the same order), a visit as another member's (`visitRows`).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Facility, Space } from '../../lambdas/domain/model';
import { visitNumber } from '../../lambdas/domain/reservation-number';
import { facilityKey } from '../../lambdas/modules/catalog';
import { reservationNumberDigits, timerStarter } from '../../lambdas/platform/deps';
import { tableContext } from '../../lambdas/platform/dynamo/client';
import type { TimerStarter } from '../../lambdas/platform/ports';
import * as demo from '../../lib/local/demo-data';
import { issueToken } from '../../lib/local/tokens';
import { type BenchMember, benchFacility, newMembers, putOutOfIndexes } from './fixtures';
import { type Floor, startExecutionInput } from './floor';
import type { Api } from './http';
import { type LoadStep, type PhaseResult, phaseOf, runLoad, runPaired } from './load';
import type { Progress } from './progress';
import { CommandRecorder, describeReplay, type Replay, rename, sendReplay } from './replay';
import { seedSales } from './seed-sales';

/**
 * Calls of each route: a warm-up (discarded), then one caller at a time; as many as the operations' c1 (100), so that
 * the p50 the budget holds to its floor's rests on as many calls.
 */
export const C1_COUNTS = { warm: 10, c1: 100 };

export interface C1Row {
  op: string;
  /** The request, as the report shows it. */
  request: string;
  route: PhaseResult;
  floor: PhaseResult;
  /** What the floor is made of. */
  floorCalls: string;
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
/** The drop-in twin of the Regus lounge, its partner and its QR. */
const DROPIN_FACILITY = 'bench-dropin';
const DROPIN_PARTNER = 'partner-bench-dropin';
const DROPIN_QR = 'QR-BENCH-DROPIN';

/**
 * Records the timers a route call starts as `StartExecution` inputs (what `SfnTimerStarter` sends), beside its table
 * commands: the handlers run in this process, so the product's timer starter (`timerStarter()`, one per process) is
 * wrapped while a row records, and unwrapped by the function returned. A timer is part of what the call must do (a
 * visit that ends by itself ends only if its timer is started), so its floor starts it too.
 */
function recordTimerStarts(recorder: CommandRecorder): () => void {
  const starter = timerStarter();
  const start = starter.start;
  starter.start = async function recorded(this: TimerStarter, workflow, name, input) {
    const startedAt = performance.now();
    try {
      return await start.call(this, workflow, name, input);
    } finally {
      // an unset ARN is recorded as such, not thrown here: the start's own error (if any) is the one to see
      recorder.note('StartExecution', startExecutionInput(workflow, name, input), startedAt, performance.now());
    }
  };
  return () => {
    starter.start = start;
  };
}

/**
 * A route at concurrency 1, recording each call's commands, and its floor: each recording (renamed by `floorOf`) sent
 * again right after its call, call by call in turn (`runPaired`: both meet the same load). The warm-up's calls are
 * replayed too (untimed), so that a write's floor meets the items in the state the route met them.
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
  const stopTimers = recordTimerStarts(recorder);
  const replays: Replay[] = [];
  const floorStep: LoadStep<number, Replay> = {
    prepare: (i) => floorOf(replays[i] as Replay),
    exec: (replay) => sendReplay(floor.raw, replay, { sfn: floor.stepFunctions }),
  };
  let route: PhaseResult;
  let floorC1: PhaseResult;
  try {
    const step: LoadStep<number, number> = {
      // what the shared client sent between calls is not the call's
      prepare: (i) => {
        recorder.take();
        return i;
      },
      exec: (i) => call(i),
      after: () => {
        replays.push(recorder.take());
      },
    };
    const indices = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
    progress.step(`latency ${op}: warm-up`);
    await runLoad([indices(0, C1_COUNTS.warm)], step);
    await runLoad([indices(0, C1_COUNTS.warm)], floorStep);
    progress.step(`latency ${op}: route and floor c1, in turn`);
    [route, floorC1] = await runPaired(
      { jobs: indices(C1_COUNTS.warm, calls), step },
      { jobs: indices(C1_COUNTS.warm, calls), step: floorStep },
      progress,
    );
  } finally {
    stopTimers();
    recorder.remove();
  }
  const shapes = new Set(replays.slice(C1_COUNTS.warm).map(describeReplay));
  return { op, request, route, floor: floorC1, floorCalls: [...shapes].join('; or ') };
}

/**
 * A visit's check-in and checkout, in a drop-in facility of the bench's own (a copy of the Regus lounge under a partner
 * of its own, out of the search indexes), so that its visits and sales lines are in no list the cost section reads.
 * Each route call's commands are recorded; right after the route's visit (visit by visit in turn, so that both meet
 * the same load), the floor sends its two recordings again as another fresh member's, under a fresh visit id and number (every other item, the space's occupancy and the partner's sales totals, is the
 * same one, moved and moved back as the route did).
 */
async function visitRows(ctx: PartnerLatencyContext, calls: number): Promise<C1Row[]> {
  const { api, floor, progress } = ctx;
  progress.step('latency visits: setup');
  const regus = demo.facilities.find((f) => f.facilityId === 'regus-marunouchi') as Facility;
  const lounge = demo.spaces.find((x) => x.spaceId === 'regus-marunouchi-lounge') as Space;
  const facility: Facility = { ...regus, facilityId: DROPIN_FACILITY, partnerId: DROPIN_PARTNER, name: 'Bench lounge' };
  const space: Space = {
    ...lounge,
    spaceId: `${DROPIN_FACILITY}-lounge`,
    facilityId: DROPIN_FACILITY,
    qrValue: DROPIN_QR,
  };
  await putOutOfIndexes(floor.doc, floor.tableName, facility, [space]);
  const total = C1_COUNTS.warm + calls;
  const members = await newMembers(floor.doc, floor.tableName, total);
  const twins = await newMembers(floor.doc, floor.tableName, total);

  const recorder = CommandRecorder.install(tableContext().doc);
  const stopTimers = recordTimerStarts(recorder);
  const visits: Array<{ checkIn: Replay; checkout: Replay; id: string; number: string }> = [];
  const checkIns: number[] = [];
  const checkouts: number[] = [];
  const floorIns: number[] = [];
  const floorOuts: number[] = [];
  // each side's wall time: the time spent on its own calls (route and floor run visit by visit in turn)
  let routeWall = 0;
  let floorWall = 0;
  try {
    progress.step('latency visits: route and floor c1, visit by visit in turn');
    for (const [i, member] of members.entries()) {
      // the route's visit: check in, check out, each call's commands recorded
      recorder.take();
      const t0 = performance.now();
      const visit = await api.expect(
        201,
        api.post('/v1/visits', { qrValue: DROPIN_QR }, member.token),
        'visit check-in',
      );
      const t1 = performance.now();
      const checkIn = recorder.take();
      const t2 = performance.now();
      await api.expect(
        200,
        api.post(`/v1/visits/${visit.body.id}/checkout`, { qrValue: DROPIN_QR }, member.token),
        'visit checkout',
      );
      const t3 = performance.now();
      const recorded = { checkIn, checkout: recorder.take(), id: visit.body.id, number: visit.body.number };
      visits.push(recorded);

      // its floor: the two recordings sent again as another fresh member's, under a fresh visit id and number
      const twin = twins[i] as BenchMember;
      const names = {
        [member.memberId]: twin.memberId,
        [member.member.memberNumber]: twin.member.memberNumber,
        [recorded.id]: randomUUID(),
        [recorded.number]: visitNumber(reservationNumberDigits.next()),
      };
      const floorIn = rename(recorded.checkIn, names);
      const floorOut = rename(recorded.checkout, names);
      const f0 = performance.now();
      await sendReplay(floor.raw, floorIn, { sfn: floor.stepFunctions });
      const f1 = performance.now();
      await sendReplay(floor.raw, floorOut, { sfn: floor.stepFunctions });
      const f2 = performance.now();
      if (i < C1_COUNTS.warm) continue;
      checkIns.push(t1 - t0);
      checkouts.push(t3 - t2);
      routeWall += t3 - t0;
      floorIns.push(f1 - f0);
      floorOuts.push(f2 - f1);
      floorWall += f2 - f0;
      progress.tick(i + 1 - C1_COUNTS.warm, calls);
    }
  } finally {
    stopTimers();
    recorder.remove();
  }
  const measured = visits.slice(C1_COUNTS.warm);
  const shapes = (pick: (v: (typeof visits)[number]) => Replay) =>
    [...new Set(measured.map((v) => describeReplay(pick(v))))].join('; or ');
  // each visit's two calls share the phase's wall time: ops/s is per call of the pair
  return [
    {
      op: 'visit check-in',
      request: 'POST /v1/visits',
      route: phaseOf(checkIns, routeWall / 2),
      floor: phaseOf(floorIns, floorWall / 2),
      floorCalls: shapes((v) => v.checkIn),
    },
    {
      op: 'visit checkout',
      request: 'POST /v1/visits/{id}/checkout',
      route: phaseOf(checkouts, routeWall / 2),
      floor: phaseOf(floorOuts, floorWall / 2),
      floorCalls: shapes((v) => v.checkout),
    },
  ];
}

export async function measurePartnerLatency(ctx: PartnerLatencyContext): Promise<C1Row[]> {
  const { api, floor, progress } = ctx;
  const rows: C1Row[] = [];
  const calls = C1_COUNTS.c1;

  // A facility edit: PATCH with If-Match, one version on each time.
  const h1t = issueToken({ sub: 'op-h1t-full', role: 'operator', partnerId: 'partner-h1t', operatorRole: 'full' });
  for (const facilityId of [EDIT_ROUTE_FACILITY, EDIT_FLOOR_FACILITY]) {
    await putOutOfIndexes(floor.doc, floor.tableName, { ...benchFacility, facilityId, name: 'Bench edits' });
  }
  try {
    rows.push(
      await recordedRow(
        ctx,
        'facility edit',
        'PATCH /v1/operator/facilities/{id}, If-Match',
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
    await recordedRow(ctx, 'sales CSV (1,000 lines)', `GET ${csvPath}, Accept: text/csv`, calls, async (i) => {
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
  rows.push(...(await visitRows(ctx, calls)));
  return rows;
}
