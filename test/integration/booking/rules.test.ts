import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRICE_HISTORY_START } from '../../../lambdas/domain/billing';
import type { Facility, Space } from '../../../lambdas/domain/model';
import { ReservationNumberRepository, reservationKey } from '../../../lambdas/modules/booking';
import { FacilityRepository, SpaceRepository } from '../../../lambdas/modules/catalog';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { facilities, spaces } from '../../../lib/local/demo-data';
import type { LocalStack } from '../../../lib/local/stack';
import { client, memberToken, operatorToken, startTestStack } from '../support/local-stack';
import { at, memberWithoutPlan, newMember, putTestFacilities } from './fixtures';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const TODAY = '2026-11-24';

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
  await putTestFacilities();
});
afterAll(async () => stack?.stop());

const book = (token: string, spaceId: string, start: string, end: string, extra: Record<string, unknown> = {}) =>
  api.post('/v1/reservations', { spaceId, start, end, ...extra }, token);
const me = async (token: string) => (await api.get('/v1/me', token)).body;
const remainingAt = async (spaceId: string, date: string, start: string, token: string) => {
  const answer = await api.get(`/v1/spaces/${spaceId}/availability?date=${date}`, token);
  return answer.body.slots.find((s: { start: string }) => s.start === start)?.remaining;
};
const setClock = (now: string) => api.post('/local/clock', { now });

describe('creating a reservation', () => {
  it('confirms an instant space at once, holds its uses and takes its slots', async () => {
    const { token } = await newMember(api, 'basic');
    const answer = await book(token, 'h1t-kudanshita-box', at(TODAY, '14:00'), at(TODAY, '16:00'));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'confirmed',
      bookingType: 'instant',
      uses: 2,
      start: '2026-11-24T14:00:00+09:00',
      end: '2026-11-24T16:00:00+09:00',
      checkoutDeadline: '2026-11-24T16:00:00+09:00',
      price: { amount: 1600, tax: 160, total: 1760 },
    });
    expect((await me(token)).uses).toEqual({ limit: 31, used: 0, held: 2, remaining: 29 });
    expect(await remainingAt('h1t-kudanshita-box', TODAY, at(TODAY, '15:45'), token)).toBe(1);
    expect(await remainingAt('h1t-kudanshita-box', TODAY, at(TODAY, '16:00'), token)).toBe(2);
    const fetched = await api.get(`/v1/reservations/${answer.body.id}`, token);
    expect(fetched.body).toEqual(answer.body);
  });

  it('stores a request space as requested, with its automatic cancellation at 01:00 two days later', async () => {
    const { token } = await newMember(api, 'premium');
    const answer = await book(token, 'tw-shibuya-room-a', at('2026-11-26', '10:00'), at('2026-11-26', '11:00'), {
      options: [{ optionId: 'coffee', quantity: 2 }],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'requested',
      bookingType: 'request',
      requestExpiresAt: '2026-11-26T01:00:00+09:00',
      price: { amount: 2000 + 600, tax: 260, total: 2860 },
      options: [{ optionId: 'coffee', quantity: 2 }],
    });
    expect(await remainingAt('tw-shibuya-room-a', '2026-11-26', at('2026-11-26', '10:00'), token)).toBe(0);
  });

  it('a request starting before 01:00 on the second day is cancelled automatically at its start', async () => {
    const { token } = await newMember(api, 'premium');
    const answer = await book(token, 'tw-shibuya-room-a', at('2026-11-25', '10:00'), at('2026-11-25', '11:00'));
    expect(answer.body).toMatchObject({ status: 'requested', requestExpiresAt: '2026-11-25T10:00:00+09:00' });
  });

  it('counts every started block of the per-check-in limit (13:45–15:45 with 60 min → 2)', async () => {
    const { token } = await newMember(api, 'basic');
    const answer = await book(token, 'h1t-ryogoku-box', at(TODAY, '13:45'), at(TODAY, '15:45'));
    expect(answer.body.uses).toBe(2);
    const short = await book(token, 'h1t-ryogoku-box', at(TODAY, '16:15'), at(TODAY, '17:30'));
    expect(short.body.uses).toBe(2);
  });
});

describe('reservation numbers and companies (api.md, wave 2)', () => {
  const NUMBER = /^R-\d{4}-\d{4}-\d{4}$/;

  it('every booking answers with its own number, and shows it again when read', async () => {
    const { token } = await newMember(api, 'premium');
    const first = await book(token, 'h1t-kudanshita-box', at('2026-11-25', '10:00'), at('2026-11-25', '11:00'));
    const second = await book(token, 'h1t-kudanshita-box', at('2026-11-25', '12:00'), at('2026-11-25', '13:00'));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.body.number).toMatch(NUMBER);
    expect(second.body.number).toMatch(NUMBER);
    expect(second.body.number).not.toBe(first.body.number);
    expect(first.body).not.toHaveProperty('companyName');
    expect((await api.get(`/v1/reservations/${first.body.id}`, token)).body.number).toBe(first.body.number);
    // Each number is taken by an item of its own, written with the booking: the next one drawn cannot have it.
    const { doc, tableName } = tableContext();
    const numbers = new ReservationNumberRepository(doc, tableName);
    expect(await numbers.reservationIdOf(first.body.number)).toBe(first.body.id);
    expect(await numbers.reservationIdOf(second.body.number)).toBe(second.body.id);
  });

  it("a corporate member's booking carries the company; the operator's list shows it and the member number, no member id", async () => {
    const member = await memberWithoutPlan(api);
    const linked = await api.post('/v1/me/corporate-code', { code: '1234567890123456' }, member.token);
    expect(linked.body).toMatchObject({ plan: 'corporate', companyName: 'Example Corp' });
    const requested = await book(
      member.token,
      'tw-shibuya-room-a',
      at('2026-11-27', '15:00'),
      at('2026-11-27', '16:00'),
    );
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'requested',
      number: expect.stringMatching(NUMBER),
      companyName: 'Example Corp',
    });
    const usage = operatorToken('op-tw-usage', 'partner-tw', 'usage');
    const listed = await api.get('/v1/operator/booking-requests?facilityId=tw-shibuya', usage);
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((r: { id: string }) => r.id === requested.body.id);
    expect(item).toMatchObject({
      number: requested.body.number,
      companyName: 'Example Corp',
      memberNumber: (await me(member.token)).memberNumber,
    });
    expect(item).not.toHaveProperty('memberId');
    expect(JSON.stringify(listed.body)).not.toContain(member.memberId);
    const full = operatorToken('op-tw-full', 'partner-tw', 'full');
    const approved = await api.post(`/v1/operator/booking-requests/${requested.body.id}/approve`, undefined, full);
    expect(approved.body).toMatchObject({ number: requested.body.number, companyName: 'Example Corp' });
    expect(approved.body).not.toHaveProperty('memberId');
  });

  it('a reservation stored before numbers existed still reads, without a number', async () => {
    const { token } = await newMember(api, 'premium');
    const made = await book(token, 'h1t-kudanshita-box', at('2026-11-26', '10:00'), at('2026-11-26', '11:00'));
    const { doc, tableName } = tableContext();
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: reservationKey(made.body.id),
        UpdateExpression: 'REMOVE #n',
        ExpressionAttributeNames: { '#n': 'number' },
      }),
    );
    const read = await api.get(`/v1/reservations/${made.body.id}`, token);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('number');
    expect(read.body).toMatchObject({ id: made.body.id, status: 'confirmed' });
    const listed = await api.get('/v1/reservations?scope=upcoming', token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(made.body.id);
  });
});

describe('prices by use date (§7, 004 資料1 ※1)', () => {
  it('a stored price history is kept, and the estimate takes the prices in force on the use date', async () => {
    const { doc, tableName } = tableContext();
    const facility = facilities.find((f) => f.facilityId === 'h1t-kudanshita') as Facility;
    const box = spaces.find((s) => s.spaceId === 'h1t-kudanshita-box') as Space;
    const space: Space = {
      ...box,
      spaceId: 'test-prices-box',
      facilityId: 'test-prices',
      price15: 200,
      priceHistory: [
        { from: PRICE_HISTORY_START, price15: 200, priceDay: null },
        { from: '2026-11-26', price15: 300, priceDay: null },
      ],
    };
    await new FacilityRepository(doc, tableName).putFacility({
      ...facility,
      facilityId: 'test-prices',
      dailyCheckInLimit: null,
    });
    await new SpaceRepository(doc, tableName).putSpace(space);
    expect((await new SpaceRepository(doc, tableName).getSpace(space.spaceId))?.priceHistory).toEqual(
      space.priceHistory,
    );
    const { token } = await newMember(api, 'premium');
    const before = await book(token, space.spaceId, at('2026-11-25', '10:00'), at('2026-11-25', '11:00'));
    expect(before.body.price).toEqual({ amount: 800, tax: 80, total: 880 });
    const from = await book(token, space.spaceId, at('2026-11-26', '10:00'), at('2026-11-26', '11:00'));
    expect(from.body.price).toEqual({ amount: 1_200, tax: 120, total: 1_320 });
  });
});

describe('refusals', () => {
  let token: string;
  beforeAll(async () => {
    ({ token } = await newMember(api, 'basic'));
  });

  it.each([
    ['a start in the past', 'h1t-kudanshita-open', at(TODAY, '09:00'), at(TODAY, '11:00'), 'OUTSIDE_BOOKING_WINDOW'],
    [
      '8 days ahead',
      'h1t-kudanshita-open',
      at('2026-12-02', '10:00'),
      at('2026-12-02', '11:00'),
      'OUTSIDE_BOOKING_WINDOW',
    ],
    [
      'a request space on the same day',
      'tw-shibuya-room-a',
      at(TODAY, '13:00'),
      at(TODAY, '14:00'),
      'OUTSIDE_BOOKING_WINDOW',
    ],
    ['a hidden facility', 'test-hidden-seat', at(TODAY, '13:00'), at(TODAY, '14:00'), 'OUTSIDE_BOOKING_WINDOW'],
    [
      'after the bookable period',
      'test-closure-seat',
      at('2026-11-27', '13:00'),
      at('2026-11-27', '14:00'),
      'OUTSIDE_BOOKING_WINDOW',
    ],
    [
      'before opening',
      'h1t-kudanshita-open',
      at('2026-11-25', '07:00'),
      at('2026-11-25', '08:15'),
      'OUTSIDE_BUSINESS_HOURS',
    ],
    ['past closing', 'h1t-kudanshita-open', at(TODAY, '20:30'), at(TODAY, '21:15'), 'OUTSIDE_BUSINESS_HOURS'],
    ['a closure', 'test-closure-seat', at('2026-11-25', '12:00'), at('2026-11-25', '13:15'), 'OUTSIDE_BUSINESS_HOURS'],
    [
      'a closed weekday',
      'tw-shibuya-desk',
      at('2026-11-28', '10:00'),
      at('2026-11-28', '11:00'),
      'OUTSIDE_BUSINESS_HOURS',
    ],
    ['off the 15-minute grid', 'h1t-kudanshita-open', at(TODAY, '14:10'), at(TODAY, '15:10'), 'INVALID_DURATION'],
    ['below the minimum', 'iioffice-shinjuku-private', at(TODAY, '14:00'), at(TODAY, '14:30'), 'INVALID_DURATION'],
    ['an end before the start', 'h1t-kudanshita-open', at(TODAY, '15:00'), at(TODAY, '14:00'), 'INVALID_DURATION'],
    ['a drop-in space', 'regus-marunouchi-lounge', at(TODAY, '13:00'), at(TODAY, '14:00'), 'OUTSIDE_BOOKING_WINDOW'],
  ])('refuses %s', async (_, spaceId, start, end, code) => {
    const answer = await book(token, spaceId, start, end);
    expect(answer.status).toBe(code === 'VALIDATION_FAILED' ? 400 : 422);
    expect(answer.body.code).toBe(code);
    expect(answer.contentType).toContain('application/problem+json');
  });

  it('refuses a facility the plan excludes, and allows it on premium', async () => {
    const basic = await book(token, 'test-premium-only-seat', at(TODAY, '13:00'), at(TODAY, '14:00'));
    expect(basic).toMatchObject({ status: 403, body: { code: 'PLAN_NOT_ELIGIBLE' } });
    const premium = await newMember(api, 'premium');
    expect((await book(premium.token, 'test-premium-only-seat', at(TODAY, '13:00'), at(TODAY, '14:00'))).status).toBe(
      201,
    );
  });

  it('refuses options beyond their maximum', async () => {
    const premium = await newMember(api, 'premium');
    const answer = await book(
      premium.token,
      'tw-shibuya-room-a',
      at('2026-11-26', '10:00'),
      at('2026-11-26', '11:00'),
      {
        options: [{ optionId: 'coffee', quantity: 11 }],
      },
    );
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it.each([
    ['an offset with 60 minutes', '2026-11-25T14:00:00+08:60', '2026-11-25T15:00:00+09:00'],
    ['an offset past 23:59', '2026-11-25T14:00:00+99:99', '2026-11-25T15:00:00+09:00'],
    ['24:00 as a time', '2026-11-25T13:00:00+09:00', '2026-11-25T24:00:00+09:00'],
  ])('is 400 VALIDATION_FAILED for %s, not rolled over', async (_case, start, end) => {
    const answer = await book(token, 'h1t-ryogoku-box', start, end);
    expect(answer).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('is 404 for an unknown space', async () => {
    const answer = await book(token, 'no-such-space', at(TODAY, '13:00'), at(TODAY, '14:00'));
    expect(answer.status).toBe(404);
  });

  it('writes nothing when it refuses', async () => {
    expect((await me(token)).uses).toMatchObject({ used: 0, held: 0 });
    const listed = await api.get('/v1/reservations?scope=upcoming', token);
    expect(listed.body.items).toEqual([]);
  });
});

describe('capacity and overlap', () => {
  it('refuses a taken room (409) and a partial overlap of it', async () => {
    const first = await newMember(api, 'basic');
    const second = await newMember(api, 'basic');
    expect((await book(first.token, 'h1t-kudanshita-room', at(TODAY, '14:00'), at(TODAY, '15:00'))).status).toBe(201);
    const whole = await book(second.token, 'h1t-kudanshita-room', at(TODAY, '14:00'), at(TODAY, '15:00'));
    expect(whole).toMatchObject({ status: 409, body: { code: 'SLOT_UNAVAILABLE' } });
    const partial = await book(second.token, 'h1t-kudanshita-room', at(TODAY, '14:45'), at(TODAY, '15:30'));
    expect(partial.body.code).toBe('SLOT_UNAVAILABLE');
    expect((await book(second.token, 'h1t-kudanshita-room', at(TODAY, '15:00'), at(TODAY, '15:30'))).status).toBe(201);
    expect((await me(second.token)).uses.held).toBe(1);
  });

  it('refuses a booking that overlaps the member’s own, anywhere', async () => {
    const { token } = await newMember(api, 'premium');
    expect((await book(token, 'solotime-shibuya-room', at(TODAY, '14:00'), at(TODAY, '15:00'))).status).toBe(201);
    const elsewhere = await book(token, 'h1t-ryogoku-box', at(TODAY, '14:30'), at(TODAY, '15:30'));
    expect(elsewhere).toMatchObject({ status: 409, body: { code: 'OVERLAPS_OWN_RESERVATION' } });
    expect((await book(token, 'h1t-ryogoku-box', at(TODAY, '15:00'), at(TODAY, '16:00'))).status).toBe(201);
  });
});

describe('uses and limits', () => {
  it('refuses a basic member who cannot afford the uses (31 a contract month)', async () => {
    const { token } = await newMember(api, 'basic');
    const day1 = await book(token, 'solotime-shibuya-room', at('2026-11-25', '07:00'), at('2026-11-25', '23:00'));
    expect(day1.body.uses).toBe(16);
    const day2 = await book(token, 'solotime-shibuya-room', at('2026-11-26', '07:00'), at('2026-11-26', '23:00'));
    expect(day2).toMatchObject({ status: 422, body: { code: 'INSUFFICIENT_TICKETS' } });
    const fits = await book(token, 'solotime-shibuya-room', at('2026-11-26', '07:00'), at('2026-11-26', '22:00'));
    expect(fits.status).toBe(201);
    expect((await me(token)).uses).toEqual({ limit: 31, used: 0, held: 31, remaining: 0 });
  });

  it('lets a premium member book without a cap', async () => {
    const { token } = await newMember(api, 'premium');
    for (const date of ['2026-11-25', '2026-11-26', '2026-11-27']) {
      expect((await book(token, 'solotime-shibuya-open', at(date, '07:00'), at(date, '23:00'))).status).toBe(201);
    }
    expect((await me(token)).uses).toMatchObject({ limit: null, held: 24, remaining: null });
  });

  it('keeps H1T to 5 uses a day per store, across seat types, other stores unaffected', async () => {
    const { token } = await newMember(api, 'premium');
    const day = '2026-11-27';
    expect((await book(token, 'h1t-kudanshita-box', at(day, '08:00'), at(day, '10:00'))).body.uses).toBe(2);
    expect((await book(token, 'h1t-kudanshita-room', at(day, '10:00'), at(day, '11:00'))).body.uses).toBe(2);
    expect((await book(token, 'h1t-kudanshita-open', at(day, '11:00'), at(day, '13:00'))).body.uses).toBe(1);
    expect((await book(token, 'h1t-ryogoku-box', at(day, '13:00'), at(day, '14:00'))).status).toBe(201);
    const sixth = await book(token, 'h1t-kudanshita-box', at(day, '15:00'), at(day, '16:00'));
    expect(sixth).toMatchObject({ status: 422, body: { code: 'DAILY_LIMIT_REACHED' } });
    expect((await book(token, 'h1t-kudanshita-box', at('2026-11-28', '15:00'), at('2026-11-28', '16:00'))).status).toBe(
      201,
    );
  });
});

describe('cancelling', () => {
  it('releases uses and slots at least 2 hours before the start', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'h1t-kudanshita-room', at(TODAY, '12:00'), at(TODAY, '13:00'));
    const cancelled = await api.post(`/v1/reservations/${created.body.id}/cancel`, undefined, token);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', cancellationFee: 0 } });
    expect((await me(token)).uses).toMatchObject({ used: 0, held: 0, remaining: 31 });
    expect(await remainingAt('h1t-kudanshita-room', TODAY, at(TODAY, '12:00'), token)).toBe(1);
  });

  it('consumes the uses when less than 2 hours remain, and still frees the slot', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'h1t-kudanshita-room', at(TODAY, '11:45'), at(TODAY, '12:45'));
    expect(created.body.uses).toBe(2);
    const cancelled = await api.post(`/v1/reservations/${created.body.id}/cancel`, undefined, token);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await me(token)).uses).toMatchObject({ used: 2, held: 0, remaining: 29 });
    expect(await remainingAt('h1t-kudanshita-room', TODAY, at(TODAY, '11:45'), token)).toBe(1);
  });

  it('charges the partner’s fee by calendar days (3 days before: 30 %) once the request is approved', async () => {
    const { token } = await newMember(api, 'premium');
    const created = await book(token, 'tw-shibuya-room-a', at('2026-11-27', '10:00'), at('2026-11-27', '11:00'));
    const full = operatorToken('op-tw-full', 'partner-tw', 'full');
    const approved = await api.post(`/v1/operator/booking-requests/${created.body.id}/approve`, undefined, full);
    expect(approved.body.status).toBe('confirmed');
    const cancelled = await api.post(`/v1/reservations/${created.body.id}/cancel`, undefined, token);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationFee: 600 });
  });

  it('refuses a second cancellation and a cancellation after the start', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'h1t-ryogoku-box', at(TODAY, '10:00'), at(TODAY, '10:30'));
    expect(created.status).toBe(201);
    const late = await api.post(`/v1/reservations/${created.body.id}/cancel`, undefined, token);
    expect(late).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    const later = await book(token, 'h1t-ryogoku-box', at(TODAY, '18:00'), at(TODAY, '18:30'));
    await api.post(`/v1/reservations/${later.body.id}/cancel`, undefined, token);
    const again = await api.post(`/v1/reservations/${later.body.id}/cancel`, undefined, token);
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await me(token)).uses.held).toBe(1);
  });
});

describe('extending', () => {
  it('extends in the last 15 minutes, counting the extension’s uses (60-min limit: +1)', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'test-extension-box', at('2026-11-26', '12:00'), at('2026-11-26', '13:00'));
    await setClock(at('2026-11-26', '12:40'));
    try {
      const early = await api.post(`/v1/reservations/${created.body.id}/extend`, { minutes: 30 }, token);
      expect(early).toMatchObject({ status: 422, body: { code: 'EXTENSION_NOT_ALLOWED' } });
      await setClock(at('2026-11-26', '12:46'));
      const extended = await api.post(`/v1/reservations/${created.body.id}/extend`, { minutes: 30 }, token);
      expect(extended).toMatchObject({
        status: 200,
        body: { end: '2026-11-26T13:30:00+09:00', checkoutDeadline: '2026-11-26T13:30:00+09:00', uses: 2 },
      });
      expect(extended.body.price.amount).toBe(200 * 6);
      expect((await me(token)).uses.held).toBe(2);
      expect(await remainingAt('test-extension-box', '2026-11-26', at('2026-11-26', '13:15'), token)).toBe(1);
    } finally {
      await setClock(NOW);
    }
  });

  it('stops at the seat’s next booking, at closing time, and refuses request spaces', async () => {
    const first = await newMember(api, 'basic');
    const next = await newMember(api, 'basic');
    const mine = await book(first.token, 'test-extension-room', at('2026-11-26', '15:00'), at('2026-11-26', '16:00'));
    await book(next.token, 'test-extension-room', at('2026-11-26', '16:30'), at('2026-11-26', '17:00'));
    const late = await book(first.token, 'test-extension-box', at('2026-11-26', '20:00'), at('2026-11-26', '21:00'));
    const premium = await newMember(api, 'premium');
    const request = await book(
      premium.token,
      'tw-shibuya-room-a',
      at('2026-11-26', '15:00'),
      at('2026-11-26', '16:00'),
    );
    await setClock(at('2026-11-26', '15:50'));
    try {
      const tooFar = await api.post(`/v1/reservations/${mine.body.id}/extend`, { minutes: 45 }, first.token);
      expect(tooFar.body.code).toBe('EXTENSION_NOT_ALLOWED');
      const upToNext = await api.post(`/v1/reservations/${mine.body.id}/extend`, { minutes: 30 }, first.token);
      expect(upToNext).toMatchObject({ status: 200, body: { end: '2026-11-26T16:30:00+09:00' } });
      const onRequest = await api.post(`/v1/reservations/${request.body.id}/extend`, { minutes: 15 }, premium.token);
      expect(onRequest.body.code).toBe('EXTENSION_NOT_ALLOWED');
      await setClock(at('2026-11-26', '20:50'));
      const pastClosing = await api.post(`/v1/reservations/${late.body.id}/extend`, { minutes: 15 }, first.token);
      expect(pastClosing).toMatchObject({ status: 422, body: { code: 'EXTENSION_NOT_ALLOWED' } });
    } finally {
      await setClock(NOW);
    }
  });

  it('only during the booked time (004 p.21): before the start is 422, from the start it extends', async () => {
    const { token } = await newMember(api, 'premium');
    const created = await book(token, 'tw-shibuya-desk', at('2026-11-27', '10:00'), at('2026-11-27', '11:00'));
    expect(created.status).toBe(201);
    try {
      const daysBefore = await api.post(`/v1/reservations/${created.body.id}/extend`, { minutes: 15 }, token);
      expect(daysBefore).toMatchObject({ status: 422, body: { code: 'EXTENSION_NOT_ALLOWED' } });
      await setClock(at('2026-11-27', '09:59'));
      const justBefore = await api.post(`/v1/reservations/${created.body.id}/extend`, { minutes: 15 }, token);
      expect(justBefore).toMatchObject({ status: 422, body: { code: 'EXTENSION_NOT_ALLOWED' } });
      expect((await api.get(`/v1/reservations/${created.body.id}`, token)).body.end).toBe('2026-11-27T11:00:00+09:00');
      await setClock(at('2026-11-27', '10:00'));
      const atStart = await api.post(`/v1/reservations/${created.body.id}/extend`, { minutes: 15 }, token);
      expect(atStart).toMatchObject({ status: 200, body: { end: '2026-11-27T11:15:00+09:00' } });
    } finally {
      await setClock(NOW);
    }
  });

  it('the demo H1T, いいオフィス and SoloTime spaces and a space linked to an external system allow none', async () => {
    const { token } = await newMember(api, 'premium');
    const spaces = [
      'h1t-kudanshita-box',
      'iioffice-shinjuku-private',
      'solotime-shibuya-booth',
      'test-extension-linked',
    ];
    const ids: string[] = [];
    for (const [i, spaceId] of spaces.entries()) {
      const hour = String(10 + i).padStart(2, '0');
      const end = `${String(11 + i).padStart(2, '0')}:00`;
      const created = await book(token, spaceId, at('2026-11-26', `${hour}:00`), at('2026-11-26', end));
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    try {
      for (const [i, id] of ids.entries()) {
        await setClock(at('2026-11-26', `${String(10 + i).padStart(2, '0')}:50`));
        const extended = await api.post(`/v1/reservations/${id}/extend`, { minutes: 15 }, token);
        expect(extended).toMatchObject({ status: 422, body: { code: 'EXTENSION_NOT_ALLOWED' } });
      }
    } finally {
      await setClock(NOW);
    }
    const linked = (await api.get('/v1/facilities/test-extension', token)).body.spaces;
    expect(linked.find((s: { spaceId: string }) => s.spaceId === 'test-extension-linked')).toMatchObject({
      externalLink: true,
    });
    const desk = (await api.get('/v1/facilities/tw-shibuya', token)).body.spaces;
    expect(desk.find((s: { spaceId: string }) => s.spaceId === 'tw-shibuya-desk')).toMatchObject({
      externalLink: false,
      extension: { allowed: true },
    });
  });
});

describe('space contract (bookable period as instants, options without a maximum)', () => {
  it('shows the bookable period as zoned instants and maxQuantity null, and books it', async () => {
    const { token } = await newMember(api, 'premium');
    const facility = await api.get('/v1/facilities/test-extension', token);
    expect(facility.status).toBe(200);
    expect(facility.body.spaces.find((s: { spaceId: string }) => s.spaceId === 'test-extension-room')).toMatchObject({
      bookableFrom: '2026-11-24T00:00:00+09:00',
      bookableUntil: '2026-11-28T12:00:00+09:00',
      options: [{ optionId: 'water', maxQuantity: null }],
    });
    const many = await book(token, 'test-extension-room', at('2026-11-28', '11:00'), at('2026-11-28', '12:00'), {
      options: [{ optionId: 'water', quantity: 50 }],
    });
    expect(many).toMatchObject({ status: 201, body: { options: [{ optionId: 'water', quantity: 50 }] } });
    const atEnd = await book(token, 'test-extension-room', at('2026-11-28', '12:00'), at('2026-11-28', '13:00'));
    expect(atEnd).toMatchObject({ status: 422, body: { code: 'OUTSIDE_BOOKING_WINDOW' } });
  });
});

describe('listing', () => {
  it('sorts reservations into upcoming, current and past', async () => {
    const { token } = await newMember(api, 'premium');
    const now = await book(token, 'h1t-ryogoku-box', at(TODAY, '10:00'), at(TODAY, '11:00'));
    const later = await book(token, 'h1t-ryogoku-box', at(TODAY, '18:00'), at(TODAY, '19:00'));
    const cancelled = await book(token, 'h1t-ryogoku-box', at('2026-11-25', '18:00'), at('2026-11-25', '19:00'));
    await api.post(`/v1/reservations/${cancelled.body.id}/cancel`, undefined, token);
    const ids = async (scope: string) =>
      (await api.get(`/v1/reservations?scope=${scope}`, token)).body.items.map((r: { id: string }) => r.id);
    expect(await ids('current')).toEqual([now.body.id]);
    expect(await ids('upcoming')).toEqual([later.body.id]);
    expect(await ids('past')).toEqual([cancelled.body.id]);
    const bad = await api.get('/v1/reservations?scope=soon', token);
    expect(bad.status).toBe(400);
  });
});

describe('corporate code', () => {
  it('links a member to a company once', async () => {
    const token = memberToken('member-basic-2');
    const unknown = await api.post('/v1/me/corporate-code', { code: '0000000000000000' }, token);
    expect(unknown.status).toBe(404);
    const malformed = await api.post('/v1/me/corporate-code', { code: '12345' }, token);
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const linked = await api.post('/v1/me/corporate-code', { code: '1234567890123456' }, token);
    expect(linked).toMatchObject({ status: 200, body: { plan: 'corporate', companyName: 'Example Corp' } });
    const again = await api.post('/v1/me/corporate-code', { code: '1234567890123456' }, token);
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
  });
});
