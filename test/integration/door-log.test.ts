import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { followLocalClock, type LocalClockFollower } from '../../iot/local-clock';
import { type LocalStack, startLocalStack } from '../../lib/local/stack';
import { waitFor } from './door/support';
import { client, memberToken } from './support/local-stack';

// Tuesday 2026-11-24, 13:55 in Tokyo: check-in opens for a 14:00 booking. Two days behind the wall clock is fine.
const NOW = '2026-11-24T13:55:00+09:00';
const lines: { line: string; now: number }[] = [];
let stack: LocalStack;
let api: ReturnType<typeof client>;
let follower: LocalClockFollower | undefined;
const token = memberToken('member-basic');
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    mqttPort: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: `it-${randomUUID()}`,
    frozenAt: Date.parse(NOW),
    doorLog: (line, now) => lines.push({ line, now }),
  });
  api = client(stack.url);
});
afterAll(async () => {
  await follower?.stop();
  await stack?.stop();
});

describe('the door controllers of the local stack', () => {
  it('print every unlock of a stay (entry, re-entry, exit) on the stack clock', async () => {
    const booked = await api.post(
      '/v1/reservations',
      { spaceId: 'h1t-kudanshita-room', start: '2026-11-24T14:00:00+09:00', end: '2026-11-24T15:00:00+09:00' },
      token,
      { 'idempotency-key': randomUUID() },
    );
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    const unlocked = async (path: string, doorId: string, count: number) => {
      const answer = await api.post(`/v1/reservations/${id}/${path}`, { doorId }, token, json);
      expect(answer.status).toBeLessThan(300);
      await waitFor(() => lines.filter((l) => l.line.startsWith('🔓')).length >= count, `${path} unlock printed`);
    };
    await unlocked('check-in', 'h1t-kudanshita-front', 1);
    await unlocked('unlock', 'h1t-kudanshita-side', 2);
    await unlocked('checkout', 'h1t-kudanshita-front', 3);
    expect(lines.filter((l) => l.line.startsWith('🔓'))).toEqual([
      { line: '🔓 h1t-kudanshita-front open', now: Date.parse(NOW) },
      { line: '🔓 h1t-kudanshita-side open', now: Date.parse(NOW) },
      { line: expect.stringMatching(/^🔓 h1t-kudanshita-front open/), now: Date.parse(NOW) },
    ]);
  });

  it('publish the clock for a door controller started by itself, and every move of it', async () => {
    follower = followLocalClock(stack.mqttUrl, `it-clock-${randomUUID().slice(0, 8)}`);
    await waitFor(() => follower?.following, 'the clock message');
    expect(follower.now()).toBe(Date.parse(NOW));
    const moved = await api.post('/local/clock', { advanceMinutes: 70 });
    expect(moved.status).toBe(200);
    await waitFor(() => follower?.now() === Date.parse(NOW) + 70 * 60_000, 'the moved clock');
  });
});
