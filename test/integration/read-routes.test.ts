import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLog } from '../../lambdas/platform/dynamo/client';
import { routes } from '../../lambdas/routes';
import type { LocalStack } from '../../lib/local/stack';
import { type Answer, client, memberToken, operatorToken, startTestStack } from './support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';

let stack: LocalStack;
let api: ReturnType<typeof client>;
const basic = memberToken('member-basic');

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const ids = (answer: Answer) => answer.body.items.map((f: { facilityId: string }) => f.facilityId).sort();

describe('the local stack', () => {
  it('answers the clock', async () => {
    const answer = await api.get('/local/clock');
    expect(answer).toMatchObject({ status: 200, body: { now: '2026-11-24T10:00:00+09:00' } });
  });

  it('moves the clock', async () => {
    const moved = await api.post('/local/clock', { advanceMinutes: 30 });
    expect(moved.body.now).toBe('2026-11-24T10:30:00+09:00');
    const back = await api.post('/local/clock', { now: NOW });
    expect(back.body.now).toBe(NOW);
    stack.clock.freeze(Date.parse(NOW));
  });

  it.each([[{ later: 5 }], [{}], [{ now: NOW, advanceMinutes: 5 }], [[60]]])(
    'refuses the clock body %j naming the two it takes',
    async (body) => {
      const answer = await api.post('/local/clock', body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.detail).toContain('"now"');
      expect(answer.body.detail).toContain('"advanceMinutes"');
      expect(answer.body.errors).toEqual([{ field: 'body', message: answer.body.detail.replace(/^body: /, '') }]);
    },
  );

  it('refuses a wrong clock value naming its field', async () => {
    const advance = await api.post('/local/clock', { advanceMinutes: '60' });
    expect(advance.status).toBe(400);
    expect(advance.body.errors).toEqual([{ field: 'body.advanceMinutes', message: expect.any(String) }]);
    const extra = await api.post('/local/clock', { now: NOW, later: 5 });
    expect(extra.body.errors).toEqual([{ field: 'body.later', message: 'Unknown field' }]);
    const instant = await api.post('/local/clock', { now: 'tomorrow' });
    expect(instant.body.errors).toEqual([{ field: 'body.now', message: expect.any(String) }]);
    expect((await api.get('/local/clock')).body.now).toBe(NOW);
  });
});

describe('authentication and roles on every read route', () => {
  const paths: Record<string, string> = {
    'list-facilities': '/v1/facilities',
    'get-facility': '/v1/facilities/h1t-kudanshita',
    'get-availability': '/v1/spaces/h1t-kudanshita-box/availability?date=2026-11-24',
    'get-me': '/v1/me',
  };

  it.each(Object.entries(paths))('%s: no token is 401, a forged token is 401, an operator is 403', async (_, path) => {
    const none = await api.get(path);
    expect(none.status).toBe(401);
    expect(none.contentType).toContain('application/problem+json');
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const forged = await api.get(path, `${basic.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    const operator = await api.get(path, operatorToken('op-h1t-full', 'partner-h1t', 'full'));
    expect(operator.status).toBe(403);
    expect(operator.body.code).toBe('FORBIDDEN');
  });
});

describe('GET /v1/facilities', () => {
  it('lists every published facility', async () => {
    const answer = await api.get('/v1/facilities', basic);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([
      'h1t-kudanshita',
      'h1t-ryogoku',
      'iioffice-shinjuku',
      'kaikatsu-kanda',
      'regus-marunouchi',
      'solotime-shibuya',
      'tw-shibuya',
    ]);
  });

  it.each([
    ['kind=dropin', ['kaikatsu-kanda', 'regus-marunouchi']],
    ['kind=meeting', ['tw-shibuya']],
    // under every tab its spaces offer: TIMEWORK渋谷 has a desk seat and meeting rooms
    ['kind=reservation', ['h1t-kudanshita', 'h1t-ryogoku', 'iioffice-shinjuku', 'solotime-shibuya', 'tw-shibuya']],
    ['prefecture=%E6%9D%B1%E4%BA%AC%E9%83%BD&kind=dropin', ['kaikatsu-kanda', 'regus-marunouchi']],
    ['prefecture=%E5%A4%A7%E9%98%AA%E5%BA%9C', []],
    ['amenities=phoneBooth', ['h1t-kudanshita', 'solotime-shibuya']],
    ['amenities=wifi,meetingRoom', ['regus-marunouchi', 'tw-shibuya']],
    ['openLate=true&kind=dropin', ['kaikatsu-kanda']],
    ['weekends=true&kind=dropin', ['kaikatsu-kanda']],
    ['weekends=true&kind=meeting', []],
    ['noTimeLimit=true', ['tw-shibuya']],
    ['lat=35.6954&lng=139.7514&radiusM=1500', ['h1t-kudanshita']],
  ])('filters by %s', async (query, expected) => {
    const answer = await api.get(`/v1/facilities?${query}`, basic);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual(expected);
  });

  it('sorts by distance and gives it when a point is given', async () => {
    const answer = await api.get('/v1/facilities?lat=35.6954&lng=139.7514&radiusM=3000', basic);
    const distances = answer.body.items.map((f: { distanceM: number }) => f.distanceM);
    expect(answer.body.items[0].facilityId).toBe('h1t-kudanshita');
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it.each([
    ['color=red', 'query.color'],
    ['lat=35.6', 'query.lat'],
    ['kind=sauna', 'query.kind'],
    ['openEarly=yes', 'query.openEarly'],
  ])('refuses %s naming %s', async (query, field) => {
    const answer = await api.get(`/v1/facilities?${query}`, basic);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('GET /v1/facilities/{id}', () => {
  it('gives spaces, hours, limits and doors', async () => {
    const answer = await api.get('/v1/facilities/h1t-kudanshita', basic);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ facilityId: 'h1t-kudanshita', name: 'H1T九段下', dailyCheckInLimit: 5 });
    expect(answer.body.spaces.map((s: { spaceId: string }) => s.spaceId).sort()).toEqual([
      'h1t-kudanshita-box',
      'h1t-kudanshita-open',
      'h1t-kudanshita-room',
    ]);
    expect(answer.body.doors.map((d: { doorId: string }) => d.doorId)).toEqual([
      'h1t-kudanshita-front',
      'h1t-kudanshita-side',
    ]);
    expect(answer.body.hours.regular).toHaveLength(7);
  });

  it('is 404 for an unknown facility', async () => {
    const answer = await api.get('/v1/facilities/nowhere', basic);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
  });
});

describe('GET /v1/spaces/{id}/availability', () => {
  it('lists every 15-minute slot of the day with its symbol', async () => {
    const box = await api.get('/v1/spaces/h1t-kudanshita-box/availability?date=2026-11-24', basic);
    expect(box.status).toBe(200);
    expect(box.body.slots).toHaveLength(52);
    expect(box.body.slots[0]).toEqual({
      start: '2026-11-24T08:00:00+09:00',
      end: '2026-11-24T08:15:00+09:00',
      remaining: 2,
      symbol: '○',
    });
    const room = await api.get('/v1/spaces/h1t-kudanshita-room/availability?date=2026-11-24', basic);
    expect(room.body.slots.every((s: { symbol: string }) => s.symbol === '△')).toBe(true);
  });

  it('gives no slots on a closed day', async () => {
    // 2026-11-28 is a Saturday; TIMEWORK Shibuya opens Monday to Friday.
    const answer = await api.get('/v1/spaces/tw-shibuya-desk/availability?date=2026-11-28', basic);
    expect(answer).toMatchObject({ status: 200, body: { spaceId: 'tw-shibuya-desk', date: '2026-11-28', slots: [] } });
  });

  it.each(['date=2026-02-30', 'date=tomorrow', ''])('refuses ?%s', async (query) => {
    const answer = await api.get(`/v1/spaces/h1t-kudanshita-box/availability?${query}`, basic);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('query.date');
  });

  it('is 404 for an unknown space', async () => {
    const answer = await api.get('/v1/spaces/nowhere/availability?date=2026-11-24', basic);
    expect(answer.status).toBe(404);
  });
});

describe('GET /v1/me', () => {
  it.each([
    [
      'member-basic',
      {
        plan: 'basic',
        memberNumber: 'TW000001',
        contract: { start: '2026-11-10', end: '2026-12-09' },
        uses: { limit: 31, used: 0, held: 0, remaining: 31 },
      },
    ],
    [
      'member-basic-2',
      { plan: 'basic', contract: { start: '2026-10-31', end: '2026-11-29' }, uses: { limit: 31, remaining: 31 } },
    ],
    ['member-premium', { plan: 'premium', uses: { limit: null, remaining: null } }],
    [
      'member-corporate',
      {
        plan: 'corporate',
        companyName: 'Example Corp',
        contract: { start: '2026-11-01', end: '2026-11-30' },
        uses: { limit: null },
      },
    ],
  ])('shows %s', async (memberId, expected) => {
    const answer = await api.get('/v1/me', memberToken(memberId));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ memberId, ...expected });
  });

  it('is 404 for a token of a member that does not exist', async () => {
    const answer = await api.get('/v1/me', memberToken('member-ghost'));
    expect(answer.status).toBe(404);
  });

  it('creates a member through /local/members', async () => {
    const created = await api.post('/local/members', {
      memberId: 'member-new',
      plan: 'basic',
      contractStart: '2026-11-24',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      memberId: 'member-new',
      plan: 'basic',
      contract: { start: '2026-11-24', end: '2026-12-23' },
    });
    const me = await api.get('/v1/me', memberToken('member-new'));
    expect(me.body).toEqual(created.body);
    const bad = await api.post('/local/members', { memberId: 'x', plan: 'gold' });
    expect(bad.status).toBe(400);
  });
});

describe('cost of each call', () => {
  const calls: Record<string, string> = {
    'list-facilities': '/v1/facilities?noTimeLimit=true',
    'get-facility': '/v1/facilities/h1t-kudanshita',
    'get-availability': '/v1/spaces/h1t-kudanshita-box/availability?date=2026-11-24',
    'get-me': '/v1/me',
  };
  it.each(routes.filter((r) => r.id in calls).map((r) => [r.id, r] as const))(
    '%s stays within its documented command count, without Scan',
    async (id, route) => {
      const token = memberToken(id === 'get-me' ? 'member-corporate' : 'member-basic');
      const before = commandLog.length;
      const answer = await api.get(calls[id] as string, token);
      expect(answer.status).toBe(200);
      const sent = commandLog.slice(before);
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.length).toBeLessThanOrEqual(route.maxTableCommands);
      expect(sent).not.toContain('ScanCommand');
    },
  );
});
