import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../lib/local/stack';
import { type Answer, client, startTestStack } from '../support/local-stack';
import { at, newMember } from './fixtures';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const CONTENDERS = 40;
const ROUNDS = 5;

let stack: LocalStack;
let api: ReturnType<typeof client>;
let tokens: string[];

beforeAll(async () => {
  stack = await startTestStack(NOW);
  // the subject is the booking race: the outbox consumer sending each booking's mails beside it would load the one
  // DynamoDB Local process (a 2 s request timeout on a busy machine), which the cloud's table does not share
  await stack.streamPoller.hold();
  api = client(stack.url);
  tokens = [];
  for (let i = 0; i < CONTENDERS; i++) tokens.push((await newMember(api, 'premium')).token);
});
afterAll(async () => stack?.stop());

async function race(spaceId: string, start: string, end: string): Promise<Answer[]> {
  return Promise.all(tokens.map((token) => api.post('/v1/reservations', { spaceId, start, end }, token)));
}

async function remaining(spaceId: string, date: string, start: string): Promise<number> {
  const answer = await api.get(`/v1/spaces/${spaceId}/availability?date=${date}`, tokens[0]);
  return answer.body.slots.find((s: { start: string }) => s.start === start).remaining;
}

describe.each([
  ['h1t-kudanshita-room', 1],
  ['h1t-kudanshita-box', 2],
])('%s (capacity %i): 40 members book the same slot at once', (spaceId, capacity) => {
  it.each(Array.from({ length: ROUNDS }, (_, round) => round))(
    'round %i: exactly capacity succeed, the rest get 409',
    async (round) => {
      const hour = String(11 + round * 2).padStart(2, '0');
      const start = at('2026-11-25', `${hour}:00`);
      const end = at('2026-11-25', `${hour}:30`);
      const answers = await race(spaceId, start, end);
      const created = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status === 409);
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      expect(created).toHaveLength(capacity);
      expect(refused).toHaveLength(CONTENDERS - capacity);
      expect(new Set(refused.map((a) => a.body.code))).toEqual(new Set(['SLOT_UNAVAILABLE']));
      expect(await remaining(spaceId, '2026-11-25', start)).toBe(0);
      expect(await remaining(spaceId, '2026-11-25', at('2026-11-25', `${hour}:15`))).toBe(0);
      expect(await remaining(spaceId, '2026-11-25', end)).toBe(capacity);
      // Cancelling one frees exactly one place.
      const [first] = created;
      const winner = tokens[answers.indexOf(first as Answer)] as string;
      expect((await api.post(`/v1/reservations/${first?.body.id}/cancel`, undefined, winner)).status).toBe(200);
      expect(await remaining(spaceId, '2026-11-25', start)).toBe(1);
    },
  );
});

describe('Idempotency-Key under concurrency', () => {
  it('20 identical requests with one key create one reservation and all get its answer', async () => {
    const { token } = await newMember(api, 'basic');
    const body = { spaceId: 'h1t-ryogoku-box', start: at('2026-11-26', '14:00'), end: at('2026-11-26', '15:00') };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call('POST', '/v1/reservations', { token, body, headers: { 'idempotency-key': 'k-1' } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const listed = await api.get('/v1/reservations?scope=upcoming', token);
    expect(listed.body.items).toHaveLength(1);
    const me = await api.get('/v1/me', token);
    expect(me.body.uses.held).toBe(1);
  });

  it('the same member racing two overlapping bookings gets one, and one 409', async () => {
    const { token } = await newMember(api, 'premium');
    const answers = await Promise.all([
      api.post(
        '/v1/reservations',
        { spaceId: 'h1t-ryogoku-box', start: at('2026-11-27', '14:00'), end: at('2026-11-27', '15:00') },
        token,
      ),
      api.post(
        '/v1/reservations',
        { spaceId: 'solotime-shibuya-room', start: at('2026-11-27', '14:30'), end: at('2026-11-27', '15:30') },
        token,
      ),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('OVERLAPS_OWN_RESERVATION');
  });
});
