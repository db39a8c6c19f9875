/**
 * Section 2: warm latency of six operations (and, in `latency-partner.ts`, five partner and drop-in routes at
 * concurrency 1) through the local gateway, at concurrency 1 and 16, each
 * beside its floor (the bare DynamoDB calls, `floor.ts`) measured in the same run.
 *
 * Every call succeeds by construction: fresh premium members, one booking per member, bookings spread
 * over the bench seats and over days and hours so that capacity never refuses, and concurrent workers
 * never touch the same items (worker w of the 16 works on seat w; warm-up and the sequential phase on
 * seats 16–31), so that the numbers are latency, not transaction conflicts. Members, and the bookings
 * the stay operations start from, are written straight to the table with the product's repositories
 * (same items as the API writes; the stays just have no forced-checkout timer, which no stay step reads).
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Facility, Space } from '../../lambdas/domain/model';
import * as demo from '../../lib/local/demo-data';
import { issueToken } from '../../lib/local/tokens';
import {
  addDays,
  at,
  type BenchMember,
  benchFacility,
  benchSpace,
  DAY,
  DOORS,
  type FutureSlots,
  newMembers,
  T,
} from './fixtures';
import type { Floor, FloorReservation, StayFloor } from './floor';
import type { Api } from './http';
import { type C1Row, measurePartnerLatency } from './latency-partner';
import { deal, type LoadStep, type PhaseResult, pool, runLoad, runPaired } from './load';
import type { MqttFloor } from './mqtt-floor';
import type { Progress } from './progress';

export const C16 = 16;

/** Calls per phase: the warm-up (discarded), one caller, sixteen callers. */
export interface Counts {
  warm: number;
  c1: number;
  c16: number;
}
export const DEFAULT_COUNTS: Counts = { warm: 32, c1: 100, c16: 200 };

type PhaseName = keyof Counts;
const phasesOf = (counts: Counts): ReadonlyArray<{ name: PhaseName; count: number; workers: number }> => [
  { name: 'warm', count: counts.warm, workers: C16 },
  { name: 'c1', count: counts.c1, workers: 1 },
  { name: 'c16', count: counts.c16, workers: C16 },
];
/** Seat of a job: worker w of the concurrent phase on seat w, everything else on seats 16–31. */
const seatOf = (phase: PhaseName, worker: number, i: number) =>
  phase === 'c16' ? worker : 16 + (phase === 'warm' ? worker : i % 16);

type Plans<J> = Record<PhaseName, J[][]>;

function plans<J>(counts: Counts, make: (phase: PhaseName, worker: number, i: number) => J): Plans<J> {
  const out = {} as Plans<J>;
  for (const phase of phasesOf(counts)) {
    out[phase.name] = deal(phase.count, phase.workers, (w, i) => make(phase.name, w, i));
  }
  return out;
}

const all = <J>(p: Plans<J>): J[] => [...p.warm.flat(), ...p.c1.flat(), ...p.c16.flat()];

export interface OpRow {
  op: string;
  route: { c1: PhaseResult; c16: PhaseResult };
  floor: { c1: PhaseResult; c16: PhaseResult };
  /** What the floor is made of. */
  floorCalls: string;
}

export interface LatencyContext {
  api: Api;
  floor: Floor;
  mqtt: MqttFloor;
  slots: FutureSlots;
  progress: Progress;
}

export interface LatencySection {
  ops: OpRow[];
  mqtt: { c1: PhaseResult; c16: PhaseResult };
  /** The partner and drop-in routes, at concurrency 1 only (`latency-partner.ts`). */
  c1Only?: C1Row[];
}

const now = Date.parse(T);

/** `Put reservation, Update member, …`: the items of a recorded transaction, by kind and entity. */
export function describeTransaction(tx: TransactWriteCommandInput): string {
  const parts: string[] = [];
  for (const item of tx.TransactItems ?? []) {
    const [kind, body] = Object.entries(item).find(([, v]) => v !== undefined) ?? ['?', {}];
    const key = ((body as { Key?: Record<string, string>; Item?: Record<string, string> }).Key ??
      (body as { Item?: Record<string, string> }).Item ??
      {}) as Record<string, string>;
    const pk = String(key.PK ?? '');
    const sk = String(key.SK ?? '');
    const entity = pk.startsWith('RES#')
      ? 'reservation'
      : pk.startsWith('CMD#')
        ? 'command'
        : pk.startsWith('SALESTOTAL#')
          ? 'sales total'
          : pk.startsWith('SALES#')
            ? 'sales record'
            : pk.startsWith('OUTBOX#')
              ? 'mail (outbox)'
              : sk.startsWith('SLOT#')
                ? 'slot'
                : sk.startsWith('HOLD#')
                  ? 'hold'
                  : sk.startsWith('USES#')
                    ? 'uses counter'
                    : sk.startsWith('DAILY#')
                      ? 'daily counter'
                      : sk === '#PROFILE'
                        ? 'member guard'
                        : (pk.split('#')[0] ?? '?').toLowerCase();
    parts.push(`${kind} ${entity}`);
  }
  const counted = new Map<string, number>();
  for (const part of parts) counted.set(part, (counted.get(part) ?? 0) + 1);
  return `TransactWriteItems [${[...counted.entries()].map(([p, n]) => (n > 1 ? `${n}× ${p}` : p)).join(', ')}]`;
}

async function measure<R, F, PR = R, PF = F>(
  ctx: LatencyContext,
  op: string,
  floorCalls: () => string,
  route: { plans: Plans<R>; step: LoadStep<R, PR> },
  floor: { plans: Plans<F>; step: LoadStep<F, PF> },
): Promise<OpRow> {
  const { progress } = ctx;
  progress.step(`latency ${op}: warm-up`);
  await runLoad(route.plans.warm, route.step);
  await runLoad(floor.plans.warm, floor.step);
  // one caller: route and floor call by call in turn (`runPaired`), so that both meet the same load
  progress.step(`latency ${op}: route and floor c1, in turn`);
  const [routeC1, floorC1] = await runPaired(
    { jobs: route.plans.c1.flat(), step: route.step },
    { jobs: floor.plans.c1.flat(), step: floor.step },
    progress,
  );
  progress.step(`latency ${op}: route c16`);
  const routeC16 = await runLoad(route.plans.c16, route.step, progress);
  progress.step(`latency ${op}: floor c16`);
  const floorC16 = await runLoad(floor.plans.c16, floor.step, progress);
  return { op, route: { c1: routeC1, c16: routeC16 }, floor: { c1: floorC1, c16: floorC16 }, floorCalls: floorCalls() };
}

// ---- jobs ------------------------------------------------------------------------------------------

interface Booking {
  member: BenchMember;
  space: Space;
  start: string;
  end: string;
  doorId: string;
  /** The reservation id, once booked through the API. */
  id?: string;
  /** The reservation, when the bench wrote it (floor jobs, and the stays the routes start from). */
  r?: FloorReservation;
}

const facilityOf = (space: Space): Facility =>
  space.facilityId === benchFacility.facilityId
    ? benchFacility
    : (demo.facilities.find((f) => f.facilityId === space.facilityId) as Facility);

const door = (i: number) => DOORS[i % DOORS.length] as string;

const must = <V>(value: V | undefined, what: string): V => {
  if (value === undefined) throw new Error(`${what} is missing`);
  return value;
};

/** Plans of bookings with fresh members: future one-hour slots, or the stay `[T, T + 1 h)`. */
async function bookingPlans(ctx: LatencyContext, counts: Counts, when: 'future' | 'now'): Promise<Plans<Booking>> {
  const p = plans(counts, (phase, w, i) => {
    const space = benchSpace(seatOf(phase, w, i));
    const slot = when === 'now' ? { start: T, end: at(DAY, '12:30') } : ctx.slots.next(seatOf(phase, w, i));
    return { space, start: slot.start, end: slot.end, doorId: door(i) };
  });
  const jobs = all(p);
  const members = await newMembers(ctx.floor.doc, ctx.floor.tableName, jobs.length);
  for (const [i, job] of jobs.entries()) (job as Booking).member = members[i] as BenchMember;
  return p as Plans<Booking>;
}

/** The booking of a job as the product's create transaction writes it (`asMade`: with its mail and timers). */
const createTxOf = (floor: Floor, job: Booking, asMade = false) =>
  floor.createTx(
    job.member.member,
    job.space,
    facilityOf(job.space),
    Date.parse(job.start),
    Date.parse(job.end),
    now,
    asMade,
  );

/** Writes every booking with the product's create transaction (untimed setup). */
async function writeBookings(floor: Floor, p: Plans<Booking>): Promise<void> {
  await pool(all(p), 8, async (job) => {
    const { reservation, tx } = await createTxOf(floor, job);
    await floor.transact(tx);
    job.r = reservation;
    job.id = reservation.reservationId;
  });
}

// ---- the section -----------------------------------------------------------------------------------

export async function measureLatency(
  ctx: LatencyContext,
  beforeCheckout: (checkedIn: { token: string; id: string; doorId: string }[]) => Promise<void>,
): Promise<LatencySection> {
  const { api, floor, progress } = ctx;
  const ops: OpRow[] = [];
  const reader = issueToken({ sub: 'member-premium', role: 'member' });
  let described = '';
  const describe = (tx: TransactWriteCommandInput) => {
    described ||= describeTransaction(tx);
  };

  // Availability: the demo's reservable spaces over the 8 bookable days.
  const reservable = demo.spaces.filter((s) => s.type !== 'openSpace');
  const availability = plans(DEFAULT_COUNTS, (_phase, _w, i) => ({
    space: reservable[i % reservable.length] as Space,
    date: addDays(DAY, i % 8),
  }));
  const queries = new Map<string, Awaited<ReturnType<Floor['availabilityQuery']>>>();
  ops.push(
    await measure(
      ctx,
      'availability',
      () => 'GetItem space → GetItem facility → Query slots of the day (none on a closed day)',
      {
        plans: availability,
        step: {
          exec: async (job) => {
            await api.expect(
              200,
              api.get(`/v1/spaces/${job.space.spaceId}/availability?date=${job.date}`, reader),
              'availability',
            );
          },
        },
      },
      {
        plans: availability,
        step: {
          prepare: async (job) => {
            const key = `${job.space.spaceId}/${job.date}`;
            if (!queries.has(key)) {
              queries.set(key, await floor.availabilityQuery(job.space, facilityOf(job.space), job.date));
            }
            return { job, query: queries.get(key) };
          },
          exec: async ({ job, query }) => {
            await floor.getSpace(job.space.spaceId);
            await floor.getFacility(job.space.facilityId);
            if (query) await floor.query(query);
          },
        },
      },
    ),
  );

  // Create, then cancel what was created.
  progress.step('latency create: setup');
  const routeCreates = await bookingPlans(ctx, DEFAULT_COUNTS, 'future');
  const floorCreates = await bookingPlans(ctx, DEFAULT_COUNTS, 'future');
  ops.push(
    await measure(
      ctx,
      'create reservation',
      () =>
        `(GetItem space → GetItem facility) ∥ GetItem member ∥ Query member's holds → BatchGetItem counters → ${described} → StartExecution forced checkout ∥ StartExecution reminder (the booking's timers)`,
      {
        plans: routeCreates,
        step: {
          exec: async (job) => {
            const answer = await api.expect(
              201,
              api.post(
                '/v1/reservations',
                { spaceId: job.space.spaceId, start: job.start, end: job.end },
                job.member.token,
              ),
              'create reservation',
            );
            job.id = answer.body.id;
          },
        },
      },
      {
        plans: floorCreates,
        step: {
          prepare: async (job) => {
            const built = await createTxOf(floor, job, true);
            describe(built.tx);
            return { ...built, reads: await floor.createReadsOf(built.reservation, job.member.member) };
          },
          exec: async ({ tx, timers, reads }, job) => {
            await floor.createReads(job.space.spaceId, job.space.facilityId, reads);
            await floor.transact(tx);
            await floor.startTimers(timers);
          },
          after: (job, { reservation }) => {
            job.r = reservation;
          },
        },
      },
    ),
  );
  described = '';
  ops.push(
    await measure(
      ctx,
      'cancel',
      () => `GetItem reservation → ${described}`,
      {
        plans: routeCreates,
        step: {
          exec: async (job) => {
            await api.expect(200, api.post(`/v1/reservations/${job.id}/cancel`, undefined, job.member.token), 'cancel');
          },
        },
      },
      {
        plans: floorCreates,
        step: {
          prepare: async (job) => {
            const built = await floor.cancelTx(must(job.r, 'floor reservation'), now);
            describe(built.tx);
            return built;
          },
          exec: async ({ tx }, job) => {
            await floor.getReservation(must(job.r, 'floor reservation').reservationId);
            await floor.transact(tx);
          },
          after: (job, { after }) => {
            job.r = after;
          },
        },
      },
    ),
  );

  // Stays: booked for [now, now + 1 h), checked in, unlocked again and again, checked out.
  progress.step('latency check-in: setup');
  const stays = await bookingPlans(ctx, DEFAULT_COUNTS, 'now');
  await writeBookings(floor, stays);
  const floorStays = await bookingPlans(ctx, DEFAULT_COUNTS, 'future');
  await writeBookings(floor, floorStays);

  /**
   * A stay route (`POST /v1/reservations/{id}/<path>` with a door) beside its floor: GetItem reservation → GetItem space
   * (∥ GetItem facility, for check-in and checkout, which read it beside the space) → the route's transaction, built by
   * `build` from the product's repositories → its publishes to the door (the unlock command, ∥ a keypad code).
   */
  const stayOperation = async (
    op: string,
    path: string,
    status: number,
    routePlans: Plans<Booking>,
    floorPlans: Plans<Booking>,
    withFacility: boolean,
    build: (r: FloorReservation, job: Booking) => Promise<StayFloor>,
  ): Promise<OpRow> => {
    described = '';
    let keypadDoor = false;
    const reads = withFacility
      ? 'GetItem reservation → (GetItem space ∥ GetItem facility)'
      : 'GetItem reservation → GetItem space';
    return measure(
      ctx,
      op,
      () =>
        `${reads} → ${described} → Publish command${keypadDoor ? ' (∥ Publish keypad code, at a keypad door)' : ''}`,
      {
        plans: routePlans,
        step: {
          exec: async (job) => {
            await api.expect(
              status,
              api.post(`/v1/reservations/${job.id}/${path}`, { doorId: job.doorId }, job.member.token),
              op,
            );
          },
        },
      },
      {
        plans: floorPlans,
        step: {
          prepare: async (job) => {
            const built = await build(must(job.r, 'floor reservation'), job);
            describe(built.tx);
            keypadDoor ||= built.publishes.length > 1;
            return built;
          },
          exec: async ({ tx, publishes }, job) => {
            const r = must(job.r, 'floor reservation');
            await floor.getReservation(r.reservationId);
            await (withFacility
              ? Promise.all([floor.getSpace(r.spaceId), floor.getFacility(r.facilityId)])
              : floor.getSpace(r.spaceId));
            await floor.transact(tx);
            await floor.publish(publishes);
          },
          after: (job, { after }) => {
            job.r = after;
          },
        },
      },
    );
  };

  ops.push(
    await stayOperation('check-in', 'check-in', 200, stays, floorStays, true, (r, job) =>
      floor.checkInTx(r, facilityOf(job.space), job.doorId, now),
    ),
  );

  // Unlock (re-entry) repeats on one checked-in stay per worker; every call opens a door.
  const unlockOf = (p: Plans<Booking>): Plans<Booking> => {
    const out = {} as Plans<Booking>;
    for (const phase of phasesOf(DEFAULT_COUNTS)) {
      const lists = p[phase.name];
      out[phase.name] = deal(phase.count, phase.workers, (w, i) => {
        const own = lists[w] ?? [];
        const stay = phase.name === 'c1' ? own[i % own.length] : own[0];
        return { ...must(stay, 'stay'), doorId: door(i + 1) };
      });
    }
    return out;
  };
  const mqttRow = await ctx.mqtt.measure(progress);
  ops.push(
    await stayOperation('unlock', 'unlock', 202, unlockOf(stays), unlockOf(floorStays), false, (r, job) =>
      floor.unlockTx(r, job.doorId, now),
    ),
  );

  await beforeCheckout(
    stays.c1.flat().map((job) => ({ token: job.member.token, id: must(job.id, 'stay id'), doorId: job.doorId })),
  );
  ops.push(
    await stayOperation('checkout', 'checkout', 200, stays, floorStays, true, (r, job) =>
      floor.checkoutTx(r, { space: job.space, facility: facilityOf(job.space) }, job.doorId, now),
    ),
  );

  const c1Only = await measurePartnerLatency({ api, floor, progress });
  return { ops, mqtt: mqttRow, c1Only };
}
