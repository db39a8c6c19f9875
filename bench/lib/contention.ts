/**
 * Section 5: 64 members book the same capacity-1 slot at the same moment. Exactly one may win; the
 * slot's counter must say 1 afterwards.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { slotKey } from '../../lambdas/modules/booking';
import { addDays, at, DAY, newMembers } from './fixtures';
import type { Floor } from './floor';
import type { Api } from './http';
import type { Progress } from './progress';

export const CONTENDERS = 64;
export const CONTENTION_SPACE = 'h1t-kudanshita-room';

export interface ContentionSection {
  contenders: number;
  spaceId: string;
  slot: string;
  successes: number;
  /** 409 answers by code. */
  conflicts: Record<string, number>;
  /** Other answers by status and code. */
  others: Record<string, number>;
  serverErrors: number;
  /** The slot counter after the storm. */
  held: number | null;
  wallMs: number;
  /** Slowest single answer. */
  slowestMs: number;
}

export async function measureContention(api: Api, floor: Floor, progress: Progress): Promise<ContentionSection> {
  progress.step(`contention: ${CONTENDERS} members, one capacity-1 slot`);
  const members = await newMembers(floor.doc, floor.tableName, CONTENDERS);
  const date = addDays(DAY, 6);
  const start = at(date, '20:00');
  const end = at(date, '20:15');
  const started = performance.now();
  let slowest = 0;
  const answers = await Promise.all(
    members.map(async (member) => {
      const t0 = performance.now();
      const answer = await api.post('/v1/reservations', { spaceId: CONTENTION_SPACE, start, end }, member.token);
      slowest = Math.max(slowest, performance.now() - t0);
      return answer;
    }),
  );
  const wallMs = performance.now() - started;
  const conflicts: Record<string, number> = {};
  const others: Record<string, number> = {};
  let successes = 0;
  let serverErrors = 0;
  for (const answer of answers) {
    const code = String(answer.body?.code ?? '');
    if (answer.status === 201) successes++;
    else if (answer.status === 409) conflicts[code] = (conflicts[code] ?? 0) + 1;
    else others[`${answer.status} ${code}`.trim()] = (others[`${answer.status} ${code}`.trim()] ?? 0) + 1;
    if (answer.status >= 500) serverErrors++;
  }
  const { Item } = await floor.doc.send(
    new GetCommand({
      TableName: floor.tableName,
      Key: slotKey(CONTENTION_SPACE, Date.parse(start)),
      ConsistentRead: true,
    }),
  );
  return {
    contenders: CONTENDERS,
    spaceId: CONTENTION_SPACE,
    slot: `${start} – ${end.slice(11, 16)}`,
    successes,
    conflicts,
    others,
    serverErrors,
    held: Item ? Number(Item.held) : null,
    wallMs,
    slowestMs: slowest,
  };
}
