/**
 * What the benchmark books on: instants, its own facility beside the demo data, members, and free slots.
 *
 * The bench facility is a copy of H1T九段下 (same partner, limits, rules and doors) open 24 hours with 32
 * seats of capacity 20, so that hundreds of stays can be checked in at one frozen instant and concurrent
 * workers never share a slot item. It is kept out of the search indexes (no GSI1 entry for the facility,
 * no catalogue entry for its spaces), so that search answers and their cost are those of the demo data.
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient, PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Facility, Member, Space } from '../../lambdas/domain/model';
import { FacilityRepository, SpaceRepository } from '../../lambdas/modules/catalog';
import { MemberRepository } from '../../lambdas/modules/membership/data/member';
import * as demo from '../../lib/local/demo-data';
import { localMemberNumber } from '../../lib/local/stack';
import { issueToken } from '../../lib/local/tokens';

/** Tuesday 2026-11-24 in Tokyo: the frozen start of the run (the timers section runs here). */
export const DAY = '2026-11-24';
export const at = (date: string, time: string) => `${date}T${time}:00+09:00`;
export const T0 = at(DAY, '10:00');
/** The frozen instant of every section after the timers. */
export const T = at(DAY, '11:30');
/** `date` plus `days`, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
/** `HH:mm` of a whole hour. */
export const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

const template = demo.facilities.find((f) => f.facilityId === 'h1t-kudanshita') as Facility;
const seatTemplate = demo.spaces.find((s) => s.spaceId === 'h1t-kudanshita-box') as Space;

/** Doors that have a running door controller in the local stack. */
export const DOORS = demo.facilities.flatMap((f) => f.doors.map((d) => d.doorId));
export const BENCH_FACILITY_ID = 'bench-hall';
export const BENCH_SPACE_COUNT = 32;
export const BENCH_CAPACITY = 20;

export const benchFacility: Facility = {
  ...template,
  facilityId: BENCH_FACILITY_ID,
  name: 'Bench hall',
  doors: demo.facilities.flatMap((f) => f.doors),
};

export const benchSpaces: Space[] = Array.from({ length: BENCH_SPACE_COUNT }, (_, i) => ({
  ...seatTemplate,
  spaceId: `${BENCH_FACILITY_ID}-seat-${String(i).padStart(2, '0')}`,
  facilityId: BENCH_FACILITY_ID,
  capacity: BENCH_CAPACITY,
  doorIds: DOORS,
  calendar: {
    ...seatTemplate.calendar,
    regularHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' })),
  },
}));

export const benchSpace = (i: number) => benchSpaces[i % BENCH_SPACE_COUNT] as Space;

/**
 * A document client that records what it is asked to send and answers `{}`: repositories write through it
 * to show the exact command inputs they would send.
 */
export function recordingClient(): { doc: DynamoDBDocumentClient; sent: Array<{ name: string; input: unknown }> } {
  const sent: Array<{ name: string; input: unknown }> = [];
  const doc = {
    send: async (command: { input: unknown; constructor: { name: string } }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, sent };
}

/**
 * Writes a facility and its spaces as the repositories write them (a space's QR item included), without their
 * search-index keys: bench facilities stay out of the search (no GSI1 entry for a facility, no catalogue entry for a
 * space), so that the routes measured against the demo data read what they always read.
 */
export async function putOutOfIndexes(
  doc: DynamoDBDocumentClient,
  tableName: string,
  facility: Facility,
  spaces: readonly Space[] = [],
): Promise<void> {
  const recorder = recordingClient();
  await new FacilityRepository(recorder.doc, tableName).putFacility(facility);
  const repository = new SpaceRepository(recorder.doc, tableName);
  for (const space of spaces) await repository.putSpace(space);
  await Promise.all(
    recorder.sent.map(({ input }) => {
      const put = input as PutCommandInput;
      const item = { ...(put.Item as Record<string, unknown>) };
      if (item.entity === 'facility') {
        delete item.GSI1PK;
        delete item.GSI1SK;
      } else {
        delete item.GSI2PK;
        delete item.GSI2SK;
      }
      return doc.send(new PutCommand({ ...put, Item: item }));
    }),
  );
}

/** Writes the bench facility and its spaces. */
export function putBenchData(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  return putOutOfIndexes(doc, tableName, benchFacility, benchSpaces);
}

export interface BenchMember {
  memberId: string;
  token: string;
  member: Member;
}

let memberSerial = 0;
const runId = randomUUID().slice(0, 8);

/**
 * Fresh premium members (uses never run out): the item `POST /local/members` writes (same repository call,
 * same member number), written straight to the table because the bench needs about a thousand of them.
 */
export async function newMembers(
  doc: DynamoDBDocumentClient,
  tableName: string,
  count: number,
  plan: Member['plan'] = 'premium',
): Promise<BenchMember[]> {
  const repo = new MemberRepository(doc, tableName);
  const members: Member[] = Array.from({ length: count }, () => {
    const memberId = `bench-${runId}-${String(++memberSerial).padStart(5, '0')}`;
    return {
      memberId,
      memberNumber: localMemberNumber(memberId),
      plan,
      contractStart: '2026-11-01',
      companyId: null,
      companyName: null,
    };
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      for (;;) {
        const member = members[next++];
        if (member === undefined) return;
        await repo.putMember(member);
      }
    }),
  );
  return members.map((member) => ({
    memberId: member.memberId,
    token: issueToken({ sub: member.memberId, role: 'member' }),
    member,
  }));
}

/**
 * Hands out one-hour bookings on bench seats in the future (tomorrow … +7 days, any hour), one space per
 * caller-chosen index, never the same (space, day, hour) twice.
 */
export class FutureSlots {
  private readonly used = new Map<number, number>();

  next(spaceIndex: number): { spaceId: string; start: string; end: string } {
    const space = benchSpace(spaceIndex);
    const n = this.used.get(spaceIndex % BENCH_SPACE_COUNT) ?? 0;
    this.used.set(spaceIndex % BENCH_SPACE_COUNT, n + 1);
    const day = 1 + (n % 7);
    const h = Math.floor(n / 7) % 23;
    if (n >= 7 * 23) throw new Error(`No free future hour left on ${space.spaceId}`);
    const date = addDays(DAY, day);
    return { spaceId: space.spaceId, start: at(date, hour(h)), end: at(date, hour(h + 1)) };
  }
}
