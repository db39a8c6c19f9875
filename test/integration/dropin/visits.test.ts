/**
 * Drop-in visits end to end on the local stack (api.md "Drop-in visits"; domain-rules §6, §4, §7): check-in by the QR
 * posted at the space and its refusals (each writing nothing), counting uses, the per-check-in limit and the closing
 * through the visit's timer, guests, per-minute charges (004 資料1's example), and the races.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { at, memberWithoutPlan, newMember } from '../booking/fixtures';
import { partnerStack } from '../partner/support';
import { operatorToken } from '../support/local-stack';
import { clockSetter, KAIKATSU_QR, ledger, openSpaceLike, peopleIn, putOpenSpaces, REGUS_QR } from './support';

const api = partnerStack();
const setClock = clockSetter(api);
const DAY = '2026-11-24';
const LOUNGE = 'regus-marunouchi-lounge';

const NO_LIMIT = openSpaceLike('test-nolimit', { perCheckInLimitMinutes: null });
const RACE = openSpaceLike('test-race', { capacity: 20, guestLimit: null });
const TIGHT = openSpaceLike('test-tight', { capacity: 2, guestLimit: null });
const CLOSED_TODAY = openSpaceLike('test-closed', {
  calendar: { regularHours: [], specialOpenDays: [], closures: [] },
});

beforeAll(async () => {
  await putOpenSpaces(NO_LIMIT, RACE, TIGHT, CLOSED_TODAY);
});

const premium = () => newMember(api(), 'premium');
const scan = (token: string, qrValue: string) => api().post('/v1/visits', { qrValue }, token);
const checkout = (token: string, id: string, qrValue: string) =>
  api().post(`/v1/visits/${id}/checkout`, { qrValue }, token);
const usesOf = async (token: string) => (await api().get('/v1/me', token)).body.uses;
const current = async (token: string) => (await api().get('/v1/visits?scope=current', token)).body.items;

describe('check-in by the QR posted at an open space', () => {
  it('checks the member in: 1 use at once, the limit and the closing known, listed as current', async () => {
    await setClock(at(DAY, '10:00'));
    const { token, memberId } = await premium();
    const before = await usesOf(token);
    const answer = await scan(token, REGUS_QR);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      number: expect.stringMatching(/^V-\d{4}-\d{4}-\d{4}$/),
      memberId,
      facilityId: 'regus-marunouchi',
      spaceId: LOUNGE,
      status: 'in',
      checkedInAt: '2026-11-24T10:00:00+09:00',
      limitEndsAt: '2026-11-24T14:00:00+09:00',
      closesAt: '2026-11-24T18:00:00+09:00',
      uses: 1,
      guests: [],
    });
    expect((await usesOf(token)).used).toBe(before.used + 1);
    expect(await current(token)).toEqual([answer.body]);
    expect((await api().get(`/v1/visits/${answer.body.id}`, token)).body).toEqual(answer.body);
    // another member never sees it
    const other = await premium();
    expect((await api().get(`/v1/visits/${answer.body.id}`, other.token)).status).toBe(404);
    await checkout(token, answer.body.id, REGUS_QR);
  });

  it('refuses, writing nothing: unknown QR 404, closed 422, plan excluded 403, no plan 403, already in 409', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await premium();
    const before = await usesOf(token);
    const people = await peopleIn(LOUNGE);

    expect((await scan(token, 'QR-NO-SUCH-SPACE')).body).toMatchObject({ status: 404, code: 'QR_NOT_RECOGNIZED' });
    expect((await scan(token, CLOSED_TODAY.space.qrValue)).body).toMatchObject({
      status: 422,
      code: 'OUTSIDE_BUSINESS_HOURS',
    });
    await setClock(at(DAY, '18:00'));
    expect((await scan(token, REGUS_QR)).body).toMatchObject({ code: 'OUTSIDE_BUSINESS_HOURS' });
    await setClock(at(DAY, '10:00'));
    const basic = await newMember(api(), 'basic');
    expect((await scan(basic.token, REGUS_QR)).body).toMatchObject({ status: 403, code: 'PLAN_NOT_ELIGIBLE' });
    const nobody = await memberWithoutPlan(api());
    expect((await scan(nobody.token, REGUS_QR)).body).toMatchObject({ status: 403, code: 'PLAN_REQUIRED' });
    expect(await usesOf(token)).toEqual(before);
    expect(await current(token)).toEqual([]);
    expect(await current(basic.token)).toEqual([]);
    expect(await peopleIn(LOUNGE)).toBe(people);

    const first = await scan(token, REGUS_QR);
    expect(first.status).toBe(201);
    const again = await scan(token, NO_LIMIT.space.qrValue);
    expect(again.body).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await usesOf(token)).used).toBe(before.used + 1);
    expect(await current(token)).toEqual([first.body]);
    expect(await peopleIn(NO_LIMIT.space.spaceId)).toBe(0);
    await checkout(token, first.body.id, REGUS_QR);
  });

  it('refuses at congestion full (409 SPACE_FULL) and takes members again once staff lower it', async () => {
    await setClock(at(DAY, '10:00'));
    const staff = operatorToken('op-regus-staff', 'partner-regus', 'staff');
    const { token } = await premium();
    expect((await api().put(`/v1/operator/spaces/${LOUNGE}/congestion`, { level: 'full' }, staff)).status).toBe(200);
    const refused = await scan(token, REGUS_QR);
    expect(refused.body).toMatchObject({ status: 409, code: 'SPACE_FULL' });
    expect(await current(token)).toEqual([]);
    expect((await api().put(`/v1/operator/spaces/${LOUNGE}/congestion`, { level: 'crowded' }, staff)).status).toBe(200);
    const taken = await scan(token, REGUS_QR);
    expect(taken.status).toBe(201);
    await checkout(token, taken.body.id, REGUS_QR);
  });
});

describe('checkout and charges', () => {
  it('charges per minute, seconds up and yen down: 250 yen/15 min, 10:53:18–12:26:50 → 1,566 yen (004 資料1)', async () => {
    await setClock('2026-11-24T10:53:18+09:00');
    const { token } = await premium();
    const visit = (await scan(token, REGUS_QR)).body;
    await setClock('2026-11-24T12:26:50+09:00');
    const wrongQr = await checkout(token, visit.id, KAIKATSU_QR);
    expect(wrongQr.body).toMatchObject({ status: 404, code: 'QR_NOT_RECOGNIZED' });
    expect((await api().get(`/v1/visits/${visit.id}`, token)).body.status).toBe('in');
    const out = await checkout(token, visit.id, REGUS_QR);
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({
      status: 'out',
      checkedOutAt: '2026-11-24T12:26:50+09:00',
      uses: 1,
      charge: { amount: 1566, tax: 156, total: 1722 },
    });
    expect(await current(token)).toEqual([]);
    const past = (await api().get('/v1/visits?scope=past', token)).body.items;
    expect(past).toEqual([out.body]);
    // a second checkout finds it over
    expect((await checkout(token, visit.id, REGUS_QR)).body).toMatchObject({ status: 409, code: 'INVALID_STATE' });
  });

  it('writes the sales lines with the checkout: the member’s and each guest’s, the day’s total grown by them once', async () => {
    await setClock(at('2026-11-26', '10:00'));
    const before = await ledger().total('partner-regus', 'day', 'regus-marunouchi', '2026-11-26');
    const { token } = await premium();
    const visit = (await scan(token, REGUS_QR)).body;
    await setClock(at('2026-11-26', '10:15'));
    await api().post(`/v1/visits/${visit.id}/guests`, { count: 1 }, token);
    await setClock('2026-11-26T10:53:18+09:00');
    await api().post(`/v1/visits/${visit.id}/guests/g1/checkout`, undefined, token);
    await setClock('2026-11-26T11:00:00+09:00');
    const out = (await checkout(token, visit.id, REGUS_QR)).body;
    const record = await ledger().get(`visit:${visit.id}`);
    expect(record).toMatchObject({
      partnerId: 'partner-regus',
      companyName: null,
      memberNumber: expect.stringMatching(/^TW9/),
      facilityId: 'regus-marunouchi',
      spaceId: LOUNGE,
      useDate: '2026-11-26',
      visitId: visit.id,
      lines: [
        { lineId: 'member', item: 'openSpace', unitPrice: 250, quantity: 60, unit: '分', ...out.charge },
        { lineId: 'g1', item: 'guest', unitPrice: 250, quantity: 39, unit: '分', ...out.guests[0].charge },
      ],
    });
    expect(out.charge).toEqual({ amount: 1000, tax: 100, total: 1100 });
    // 10:15:00–10:53:18 → 39 minutes (seconds up) → 650 yen
    expect(out.guests[0].charge).toEqual({ amount: 650, tax: 65, total: 715 });
    const after = await ledger().total('partner-regus', 'day', 'regus-marunouchi', '2026-11-26');
    expect(after).toEqual({
      amount: before.amount + 1650,
      tax: before.tax + 165,
      total: before.total + 1815,
      lines: before.lines + 2,
    });
    // a second checkout writes nothing
    expect((await checkout(token, visit.id, REGUS_QR)).status).toBe(409);
    expect(await ledger().total('partner-regus', 'day', 'regus-marunouchi', '2026-11-26')).toEqual(after);
    expect(
      (await ledger().total('partner-regus', 'month', 'regus-marunouchi', '2026-11')).lines,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('listing', () => {
  it('pages past visits newest first; the visit in now is current only; a bad cursor is 400', async () => {
    const { token } = await premium();
    const qr = NO_LIMIT.space.qrValue;
    const ids: string[] = [];
    for (const [inAt, outAt] of [
      ['10:00', '10:30'],
      ['11:00', '11:30'],
      ['12:00', '12:30'],
    ] as const) {
      await setClock(at(DAY, inAt));
      const visit = (await scan(token, qr)).body;
      ids.push(visit.id);
      await setClock(at(DAY, outAt));
      expect((await checkout(token, visit.id, qr)).status).toBe(200);
    }
    await setClock(at(DAY, '13:00'));
    const inNow = (await scan(token, qr)).body;
    const first = (await api().get('/v1/visits?scope=past&limit=2', token)).body;
    expect(first.items.map((v: { id: string }) => v.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await api().get(`/v1/visits?scope=past&limit=2&cursor=${first.nextCursor}`, token)).body;
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })] });
    expect((await api().get('/v1/visits', token)).body.items.map((v: { id: string }) => v.id)).toEqual([inNow.id]);
    const bad = await api().get('/v1/visits?scope=past&cursor=not-a-cursor', token);
    expect(bad.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'query.cursor' }] });
    await checkout(token, inNow.id, qr);
  });
});

describe('counting uses (§6)', () => {
  it('ends the visit at a 4-hour limit (out at limitEndsAt); checking in again takes 1 more use', async () => {
    await setClock(at(DAY, '09:00'));
    const { token } = await premium();
    const before = (await usesOf(token)).used;
    const visit = (await scan(token, REGUS_QR)).body;
    await setClock(at(DAY, '12:59'));
    expect((await api().get(`/v1/visits/${visit.id}`, token)).body.status).toBe('in');
    await setClock(at(DAY, '13:00'));
    const ended = (await api().get(`/v1/visits/${visit.id}`, token)).body;
    expect(ended).toMatchObject({
      status: 'out',
      checkedOutAt: '2026-11-24T13:00:00+09:00',
      limitEndsAt: '2026-11-24T13:00:00+09:00',
      charge: { amount: 4000, tax: 400, total: 4400 },
    });
    const again = await scan(token, REGUS_QR);
    expect(again.status).toBe(201);
    expect(again.body.uses).toBe(1);
    expect((await usesOf(token)).used).toBe(before + 2);
    await checkout(token, again.body.id, REGUS_QR);
  });

  it('at a store without a limit, later visits the same day take no use; the next day takes one', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await premium();
    const before = (await usesOf(token)).used;
    const qr = NO_LIMIT.space.qrValue;
    const first = (await scan(token, qr)).body;
    expect(first).toMatchObject({ uses: 1, closesAt: '2026-11-24T18:00:00+09:00' });
    expect(first).not.toHaveProperty('limitEndsAt');
    await setClock(at(DAY, '11:00'));
    await checkout(token, first.id, qr);
    await setClock(at(DAY, '14:00'));
    const second = (await scan(token, qr)).body;
    expect(second.uses).toBe(0);
    expect((await usesOf(token)).used).toBe(before + 1);
    await checkout(token, second.id, qr);
    await setClock(at('2026-11-25', '10:00'));
    const nextDay = (await scan(token, qr)).body;
    expect(nextDay.uses).toBe(1);
    expect((await usesOf(token)).used).toBe(before + 2);
    await checkout(token, nextDay.id, qr);
  });

  it('快活CLUB: 1 check-in a day (422 DAILY_LIMIT_REACHED, nothing written); two members take 2 uses', async () => {
    await setClock(at(DAY, '10:00'));
    const a = await premium();
    const b = await premium();
    const [ua, ub] = [(await usesOf(a.token)).used, (await usesOf(b.token)).used];
    const visitA = (await scan(a.token, KAIKATSU_QR)).body;
    const visitB = (await scan(b.token, KAIKATSU_QR)).body;
    expect([visitA.uses, visitB.uses]).toEqual([1, 1]);
    expect((await usesOf(a.token)).used).toBe(ua + 1);
    expect((await usesOf(b.token)).used).toBe(ub + 1);
    await setClock(at(DAY, '11:00'));
    await checkout(a.token, visitA.id, KAIKATSU_QR);
    const people = await peopleIn('kaikatsu-kanda-booths');
    const again = await scan(a.token, KAIKATSU_QR);
    expect(again.body).toMatchObject({ status: 422, code: 'DAILY_LIMIT_REACHED' });
    expect(await current(a.token)).toEqual([]);
    expect((await usesOf(a.token)).used).toBe(ua + 1);
    expect(await peopleIn('kaikatsu-kanda-booths')).toBe(people);
    await checkout(b.token, visitB.id, KAIKATSU_QR);
  });
});

describe('closing', () => {
  it('closes a visit still in at the space’s closing, billed to closing, guests with it', async () => {
    await setClock(at(DAY, '16:00'));
    const { token } = await premium();
    const visit = (await scan(token, REGUS_QR)).body;
    expect(visit).toMatchObject({ limitEndsAt: '2026-11-24T20:00:00+09:00', closesAt: '2026-11-24T18:00:00+09:00' });
    await setClock(at(DAY, '17:00'));
    expect((await api().post(`/v1/visits/${visit.id}/guests`, { count: 1 }, token)).status).toBe(201);
    await setClock(at(DAY, '18:30'));
    const closed = (await api().get(`/v1/visits/${visit.id}`, token)).body;
    expect(closed).toMatchObject({
      status: 'closedAtClosing',
      checkedOutAt: '2026-11-24T18:00:00+09:00',
      charge: { amount: 2000, tax: 200, total: 2200 },
      guests: [
        {
          guestId: 'g1',
          checkedInAt: '2026-11-24T17:00:00+09:00',
          checkedOutAt: '2026-11-24T18:00:00+09:00',
          charge: { amount: 1000, tax: 100, total: 1100 },
        },
      ],
    });
    expect(await current(token)).toEqual([]);
  });

  it('a checkout racing the closing timer closes once and charges once', async () => {
    await setClock(at(DAY, '17:00'));
    const { token } = await premium();
    const people = await peopleIn(LOUNGE);
    const visit = (await scan(token, REGUS_QR)).body;
    expect(await peopleIn(LOUNGE)).toBe(people + 1);
    const [, scanned] = await Promise.all([setClock(at(DAY, '18:00')), checkout(token, visit.id, REGUS_QR)]);
    // whichever came first, the visit ended at closing: the checkout's own answer, or 409 when the timer won
    expect([200, 409]).toContain(scanned.status);
    const ended = (await api().get(`/v1/visits/${visit.id}`, token)).body;
    expect(ended.checkedOutAt).toBe('2026-11-24T18:00:00+09:00');
    expect(ended.charge).toEqual({ amount: 1000, tax: 100, total: 1100 });
    if (scanned.status === 200) expect(scanned.body).toEqual(ended);
    expect(await peopleIn(LOUNGE)).toBe(people);
  });
});

describe('guests (§6, 004 §2-2)', () => {
  it('adds guests up to the limit (422 GUEST_LIMIT_REACHED), each out on their own or with the member', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await premium();
    const people = await peopleIn(LOUNGE);
    const visit = (await scan(token, REGUS_QR)).body;
    await setClock(at(DAY, '10:15'));
    const added = await api().post(`/v1/visits/${visit.id}/guests`, { count: 2 }, token);
    expect(added.status).toBe(201);
    expect(added.body.guests).toEqual([
      { guestId: 'g1', checkedInAt: '2026-11-24T10:15:00+09:00' },
      { guestId: 'g2', checkedInAt: '2026-11-24T10:15:00+09:00' },
    ]);
    expect(await peopleIn(LOUNGE)).toBe(people + 3);
    const over = await api().post(`/v1/visits/${visit.id}/guests`, { count: 1 }, token);
    expect(over.body).toMatchObject({ status: 422, code: 'GUEST_LIMIT_REACHED' });
    expect((await api().get(`/v1/visits/${visit.id}`, token)).body.guests).toHaveLength(2);
    await setClock(at(DAY, '10:45'));
    const g1Out = await api().post(`/v1/visits/${visit.id}/guests/g1/checkout`, undefined, token);
    expect(g1Out.status).toBe(200);
    expect(g1Out.body.guests[0]).toEqual({
      guestId: 'g1',
      checkedInAt: '2026-11-24T10:15:00+09:00',
      checkedOutAt: '2026-11-24T10:45:00+09:00',
      charge: { amount: 500, tax: 50, total: 550 },
    });
    expect((await api().post(`/v1/visits/${visit.id}/guests/g1/checkout`, undefined, token)).body).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect((await api().post(`/v1/visits/${visit.id}/guests/g9/checkout`, undefined, token)).status).toBe(404);
    // one place is free again: a third guest fits the limit of 2 in at a time
    expect((await api().post(`/v1/visits/${visit.id}/guests`, { count: 1 }, token)).status).toBe(201);
    await setClock(at(DAY, '11:00'));
    const out = (await checkout(token, visit.id, REGUS_QR)).body;
    expect(out.charge).toEqual({ amount: 1000, tax: 100, total: 1100 });
    expect(out.guests.map((g: { guestId: string; checkedOutAt: string }) => [g.guestId, g.checkedOutAt])).toEqual([
      ['g1', '2026-11-24T10:45:00+09:00'],
      ['g2', '2026-11-24T11:00:00+09:00'],
      ['g3', '2026-11-24T11:00:00+09:00'],
    ]);
    expect(await peopleIn(LOUNGE)).toBe(people);
  });

  it('refuses guests where the space takes none, and guests past capacity (409 SPACE_FULL)', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await premium();
    const kaikatsu = (await scan(token, KAIKATSU_QR)).body;
    expect((await api().post(`/v1/visits/${kaikatsu.id}/guests`, { count: 1 }, token)).body).toMatchObject({
      code: 'GUEST_LIMIT_REACHED',
    });
    await checkout(token, kaikatsu.id, KAIKATSU_QR);
    const other = await premium();
    const tight = (await scan(other.token, TIGHT.space.qrValue)).body;
    expect((await api().post(`/v1/visits/${tight.id}/guests`, { count: 2 }, other.token)).body).toMatchObject({
      status: 409,
      code: 'SPACE_FULL',
    });
    expect(await peopleIn(TIGHT.space.spaceId)).toBe(1);
    expect((await api().post(`/v1/visits/${tight.id}/guests`, { count: 1 }, other.token)).status).toBe(201);
    const third = await premium();
    expect((await scan(third.token, TIGHT.space.qrValue)).body).toMatchObject({ code: 'SPACE_FULL' });
    expect(await current(third.token)).toEqual([]);
    await checkout(other.token, tight.id, TIGHT.space.qrValue);
  });
});

describe('races', () => {
  it('30 members scanning into 20 places at once: exactly 20 in, 10 × 409 SPACE_FULL, no 5xx', async () => {
    await setClock(at(DAY, '10:00'));
    const members = await Promise.all(Array.from({ length: 30 }, () => premium()));
    const answers = await Promise.all(members.map((m) => scan(m.token, RACE.space.qrValue)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'SPACE_FULL')).toHaveLength(10);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    expect(await peopleIn(RACE.space.spaceId)).toBe(20);
    const inNow = await Promise.all(members.map(async (m) => (await current(m.token)).length));
    expect(inNow.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('a member scanning twice at once gets one visit and one use', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await premium();
    const before = (await usesOf(token)).used;
    const answers = await Promise.all([scan(token, NO_LIMIT.space.qrValue), scan(token, NO_LIMIT.space.qrValue)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await current(token)).toHaveLength(1);
    expect((await usesOf(token)).used).toBe(before + 1);
  });
});
