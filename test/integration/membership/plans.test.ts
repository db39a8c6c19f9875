/**
 * Plans for real (domain-rules §1, §4; 003): no plan until a corporate code or a purchase; purchases the payment
 * provider reports start and renew contract months; a change takes effect at renewal; a stopped renewal ends
 * the plan with the paid month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../lib/local/stack';
import { at, memberWithBoughtPlan, memberWithoutPlan } from '../booking/fixtures';
import { adminToken, client, startTestStack } from '../support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const CORPORATE_CODE = '1234567890123456';

let stack: LocalStack;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const setClock = (now: string) => api.post('/local/clock', { now });
const book = (token: string) =>
  api.post(
    '/v1/reservations',
    { spaceId: 'h1t-kudanshita-box', start: at('2026-11-25', '14:00'), end: at('2026-11-25', '15:00') },
    token,
  );
const buy = (memberId: string, body: object, key?: string) =>
  api.post(`/v1/admin/members/${memberId}/purchases`, body, adminToken(), key ? { 'idempotency-key': key } : {});

describe('no plan until there is one', () => {
  it('a new member has no plan, no contract and no uses; booking is 403 PLAN_REQUIRED and writes nothing', async () => {
    await setClock(NOW);
    const { token } = await memberWithoutPlan(api);
    const me = await api.get('/v1/me', token);
    expect(me.body).toMatchObject({ plan: null, uses: { limit: 0, used: 0, held: 0, remaining: 0 } });
    expect(me.body.contract).toBeUndefined();
    expect(me.body.renewal).toBeUndefined();
    const refused = await book(token);
    expect(refused).toMatchObject({ status: 403, body: { code: 'PLAN_REQUIRED' } });
    expect((await api.get('/v1/reservations?scope=upcoming', token)).body.items).toEqual([]);
    expect((await api.get('/v1/me', token)).body).toEqual(me.body);
  });

  it('a corporate code gives the company’s plan, and booking works', async () => {
    await setClock(NOW);
    const { token } = await memberWithoutPlan(api);
    const linked = await api.post('/v1/me/corporate-code', { code: CORPORATE_CODE }, token);
    expect(linked.body.plan).toBe('corporate');
    expect((await book(token)).status).toBe(201);
  });
});

describe('purchases', () => {
  it('start the plan on their day and list with amount, tax and total', async () => {
    await setClock(NOW);
    const { memberId, token, purchase } = await memberWithBoughtPlan(api, 'basic', '2026-10-31T09:00:00+09:00');
    expect(purchase).toMatchObject({
      plan: 'basic',
      period: { start: '2026-10-31', end: '2026-11-29' },
      amount: 9800,
      tax: 980,
      total: 10780,
      paidAt: '2026-10-31T09:00:00+09:00',
    });
    const me = await api.get('/v1/me', token);
    expect(me.body).toMatchObject({
      memberId,
      plan: 'basic',
      contract: { start: '2026-10-31', end: '2026-11-29' },
      uses: { limit: 31 },
      renewal: { on: '2026-11-30', plan: 'basic', stops: false },
    });
    expect((await api.get('/v1/me/purchases', token)).body.items).toEqual([purchase]);
    expect((await book(token)).status).toBe(201);
  });

  it('a retried report with the same Idempotency-Key records one purchase', async () => {
    const { memberId, token } = await memberWithoutPlan(api);
    const body = { plan: 'premium', paidAt: NOW, amount: 19800 };
    const first = await buy(memberId, body, 'provider-42');
    const again = await buy(memberId, body, 'provider-42');
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await api.get('/v1/me/purchases', token)).body.items).toHaveLength(1);
  });

  it('is refused for a member of a company, and for no such member', async () => {
    const { memberId, token } = await memberWithoutPlan(api);
    await api.post('/v1/me/corporate-code', { code: CORPORATE_CODE }, token);
    expect(await buy(memberId, { plan: 'basic', paidAt: NOW, amount: 9800 })).toMatchObject({
      status: 409,
      body: { code: 'INVALID_STATE' },
    });
    expect((await api.get('/v1/me/purchases', token)).body.items).toEqual([]);
    expect((await buy('nobody-here', { plan: 'basic', paidAt: NOW, amount: 9800 })).status).toBe(404);
  });
});

describe('changing and stopping', () => {
  it('a change takes effect at the next renewal, in the plan the renewal pays for', async () => {
    await setClock(NOW);
    const { memberId, token } = await memberWithBoughtPlan(api, 'basic', '2026-11-10T09:00:00+09:00');
    const changed = await api.post('/v1/me/plan/change', { plan: 'premium' }, token);
    expect(changed.body).toMatchObject({ plan: 'basic', renewal: { on: '2026-12-10', plan: 'premium', stops: false } });
    const renewed = await buy(memberId, { plan: 'premium', paidAt: '2026-12-09T23:00:00+09:00', amount: 19800 });
    expect(renewed.body.period).toEqual({ start: '2026-12-10', end: '2027-01-09' });
    await setClock('2026-12-10T10:00:00+09:00');
    const me = await api.get('/v1/me', token);
    expect(me.body).toMatchObject({
      plan: 'premium',
      contract: { start: '2026-12-10', end: '2027-01-09' },
      renewal: { on: '2027-01-10', plan: 'premium', stops: false },
    });
  });

  it('a stopped renewal keeps the plan to the end of the paid month, then none', async () => {
    await setClock(NOW);
    const { token } = await memberWithBoughtPlan(api, 'premium', '2026-11-10T09:00:00+09:00');
    const stopped = await api.post('/v1/me/plan/stop-renewal', {}, token);
    expect(stopped.body).toMatchObject({ plan: 'premium', renewal: { on: '2026-12-10', stops: true } });
    await setClock('2026-12-09T23:00:00+09:00');
    expect((await api.get('/v1/me', token)).body.plan).toBe('premium');
    await setClock('2026-12-10T09:00:00+09:00');
    const me = await api.get('/v1/me', token);
    expect(me.body).toMatchObject({ plan: null, uses: { limit: 0 } });
    expect(me.body.renewal).toBeUndefined();
    const refused = await api.post(
      '/v1/reservations',
      { spaceId: 'h1t-kudanshita-box', start: at('2026-12-11', '14:00'), end: at('2026-12-11', '15:00') },
      token,
    );
    expect(refused).toMatchObject({ status: 403, body: { code: 'PLAN_REQUIRED' } });
  });

  it('without a bought plan in force there is nothing to change or stop (409), and nothing changes', async () => {
    await setClock(NOW);
    const { token } = await memberWithoutPlan(api);
    const before = (await api.get('/v1/me', token)).body;
    for (const [path, body] of [
      ['/v1/me/plan/change', { plan: 'premium' }],
      ['/v1/me/plan/stop-renewal', {}],
    ] as const) {
      expect(await api.post(path, body, token)).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    }
    expect((await api.get('/v1/me', token)).body).toEqual(before);
  });
});
