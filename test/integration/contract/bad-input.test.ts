/**
 * Bad input on every POST row of the route table is refused before anything is written (api.md,
 * Conventions; lambdas/platform/http.ts), and `Idempotency-Key` behaves as the contract says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../../lambdas/routes';
import type { LocalStack } from '../../../lib/local/stack';
import { adminToken, memberToken, operatorToken, startTestStack } from '../support/local-stack';
import { admittedOperator, hasParam, pathValues, REQUEST_FACILITY, REQUEST_SPACE, requestFor, rows } from './requests';
import {
  at,
  book,
  commandsDuring,
  expectProblem,
  fieldsOf,
  type Http,
  http,
  isPut,
  isTransaction,
  NOW,
  newMember,
  type RouteRequest,
  SPACE,
  TODAY,
  TOMORROW,
  writesIn,
} from './support';

let stack: LocalStack;
let api: Http;

beforeAll(async () => {
  stack = await startTestStack(NOW);
  // the export job would run at once beside the request that starts it: its commands are not the route's
  stack.timers.hold('export');
  // so would the outbox consumer, sending the mails a booking wrote: its commands are not the route's either
  await stack.streamPoller.hold();
  api = http(stack.url);
});
afterAll(async () => stack?.stop());

const postRoutes = routes.filter((r) => r.method === 'POST');
/** An operator of the request partner who may list requests. */
const operator = operatorToken('op-tw-full', 'partner-tw', 'full');

/** Defines a test only for the rows it applies to (no skipped rows in the report). */
const itIf =
  (condition: boolean) =>
  (name: string, fn: () => Promise<void>): void => {
    if (condition) it(name, fn);
  };
const MAX_BODY_BYTES = 16 * 1024;

/** Wrong types per POST route: label, body, the field the 400 names. Every POST row needs an entry. */
const wrongTypes: Readonly<Record<string, ReadonlyArray<[string, unknown, string]>>> = {
  'create-reservation': [
    ['start not an instant', { start: 'tomorrow' }, 'body.start'],
    ['start without an offset', { start: '2026-11-25T14:00:00' }, 'body.start'],
    ['end a number', { end: 1_764_046_800_000 }, 'body.end'],
    ['spaceId a number', { spaceId: 7 }, 'body.spaceId'],
    ['option quantity 0', { options: [{ optionId: 'coffee', quantity: 0 }] }, 'body.options.0.quantity'],
    ['option quantity 1.5', { options: [{ optionId: 'coffee', quantity: 1.5 }] }, 'body.options.0.quantity'],
    ['options not a list', { options: 'coffee' }, 'body.options'],
  ],
  ...Object.fromEntries(
    ['cancel-reservation', 'approve-booking-request', 'stop-renewal', 'checkout-guest'].map((id) => [
      id,
      [
        ['a number for a body', 42, 'body'],
        ['a list for a body', [], 'body'],
      ] as Array<[string, unknown, string]>,
    ]),
  ),
  'reject-booking-request': [
    ['a number for a body', 42, 'body'],
    ['reason empty', { reason: '  ' }, 'body.reason'],
    ['reason a number', { reason: 7 }, 'body.reason'],
    ['reason too long', { reason: 'x'.repeat(501) }, 'body.reason'],
    ['an unknown field', { why: 'full' }, 'body.why'],
  ],
  'extend-reservation': [
    ['minutes 7', { minutes: 7 }, 'body.minutes'],
    ['minutes a string', { minutes: '15' }, 'body.minutes'],
    ['minutes 15.5', { minutes: 15.5 }, 'body.minutes'],
    ['minutes missing', { minutes: undefined }, 'body.minutes'],
  ],
  'create-space': [
    ['kind openSpace', { kind: 'openSpace' }, 'body.kind'],
    ['capacity a string', { capacity: '4' }, 'body.capacity'],
    ['name missing', { name: undefined }, 'body.name'],
  ],
  'create-facility': [
    ['facilityId not kebab-case', { facilityId: 'TW_Shinjuku' }, 'body.facilityId'],
    ['kind unknown', { kind: 'lounge' }, 'body.kind'],
    ['lat out of range', { location: { lat: 91, lng: 139 } }, 'body.location.lat'],
    ['a time zone that is none', { timeZone: 'Tokyo/Shinjuku' }, 'body.timeZone'],
    ['dailyCheckInLimit 0', { dailyCheckInLimit: 0 }, 'body.dailyCheckInLimit'],
  ],
  'create-open-space': [
    ['capacity a string', { capacity: '10' }, 'body.capacity'],
    ['name missing', { name: undefined }, 'body.name'],
    ['spaceId not kebab-case', { spaceId: 'Lounge 1' }, 'body.spaceId'],
  ],
  'create-company': [
    ['monthlyCap 0', { monthlyCap: 0 }, 'body.monthlyCap'],
    ['name missing', { name: undefined }, 'body.name'],
    ['name a number', { name: 7 }, 'body.name'],
  ],
  'record-agreed-extension': [
    ['end without an offset', { end: '2026-11-24T11:00:00' }, 'body.end'],
    ['end missing', { end: undefined }, 'body.end'],
  ],
  'correct-visit': [
    ['checkedOutAt without an offset', { checkedOutAt: '2026-11-24T11:00:00' }, 'body.checkedOutAt'],
    ['checkedOutAt a number', { checkedOutAt: 1_764_000_000_000 }, 'body.checkedOutAt'],
    ['checkedOutAt missing', { checkedOutAt: undefined }, 'body.checkedOutAt'],
  ],
  'add-closure': [
    ['date not a date', { date: '2026-12-32' }, 'body.date'],
    ['from without to', { from: '12:00', to: undefined }, 'body.from'],
    ['from not a time', { from: '25:00' }, 'body.from'],
    ['title a number', { title: 7 }, 'body.title'],
  ],
  'new-photo': [
    ['a PNG', { contentType: 'image/png' }, 'body.contentType'],
    ['over 5 MB', { bytes: 5 * 1024 * 1024 + 1 }, 'body.bytes'],
    ['bytes a string', { bytes: '2048' }, 'body.bytes'],
  ],
  'change-plan': [
    ['plan corporate', { plan: 'corporate' }, 'body.plan'],
    ['plan missing', { plan: undefined }, 'body.plan'],
  ],
  'record-purchase': [
    ['plan unknown', { plan: 'gold' }, 'body.plan'],
    ['paidAt without an offset', { paidAt: '2026-11-24T09:00:00' }, 'body.paidAt'],
    ['amount negative', { amount: -1 }, 'body.amount'],
    ['amount 9.5', { amount: 9.5 }, 'body.amount'],
  ],
  'link-corporate-code': [
    ['code with 15 digits', { code: '123456789012345' }, 'body.code'],
    ['code with 17 digits', { code: '12345678901234567' }, 'body.code'],
    ['code a number', { code: 1_234_567_890_123_456 }, 'body.code'],
  ],
  ...Object.fromEntries(
    ['check-in-visit', 'checkout-visit'].map((id) => [
      id,
      [
        ['qrValue a number', { qrValue: 7 }, 'body.qrValue'],
        ['qrValue empty', { qrValue: '' }, 'body.qrValue'],
        ['qrValue missing', { qrValue: undefined }, 'body.qrValue'],
      ] as Array<[string, unknown, string]>,
    ]),
  ),
  'check-in-by-ticket': [
    ['ticket a number', { ticket: 7 }, 'body.ticket'],
    ['ticket missing', { ticket: undefined }, 'body.ticket'],
    ['spaceId with a space', { spaceId: 'the lounge' }, 'body.spaceId'],
  ],
  'add-guests': [
    ['count 0', { count: 0 }, 'body.count'],
    ['count 1.5', { count: 1.5 }, 'body.count'],
    ['count a string', { count: '2' }, 'body.count'],
    ['count missing', { count: undefined }, 'body.count'],
  ],
  'create-operator-account': [
    ['role unknown', { role: 'owner' }, 'body.role'],
    ['email not an address', { email: 'reception' }, 'body.email'],
    ['name a number', { name: 7 }, 'body.name'],
  ],
  'record-company-payment': [
    ['amount 0', { amount: 0 }, 'body.amount'],
    ['amount 1.5', { amount: 1.5 }, 'body.amount'],
    ['amount a string', { amount: '10000' }, 'body.amount'],
    ['month not a period', { month: '2026-13' }, 'body.month'],
    ['month a date', { month: '2026-12-20' }, 'body.month'],
    ['companyId missing', { companyId: undefined }, 'body.companyId'],
  ],
  'record-partner-offset': [
    ['amount negative', { amount: -500 }, 'body.amount'],
    ['amount a string', { amount: '500' }, 'body.amount'],
    ['month a number', { month: 202612 }, 'body.month'],
    ['reason empty', { reason: '  ' }, 'body.reason'],
    ['reason missing', { reason: undefined }, 'body.reason'],
  ],
  'request-export': [
    ['kind unknown', { kind: 'payments' }, 'body.kind'],
    ['kind missing', { kind: undefined }, 'body.kind'],
    ['from not a date', { from: '2026-11-31' }, 'body.from'],
    ['to a number', { to: 20261130 }, 'body.to'],
    ['to before from', { to: '2026-10-31' }, 'body.from'],
    ['a range over 366 days', { to: '2027-12-01' }, 'body.to'],
    ['facilityId with a space', { facilityId: 'tw shibuya' }, 'body.facilityId'],
  ],
  'mark-payment-notice-paid': [
    ['paidOn a number', { paidOn: 20261201 }, 'body.paidOn'],
    ['paidOn an instant', { paidOn: '2026-12-01T10:00:00+09:00' }, 'body.paidOn'],
    ['paidOn not a day', { paidOn: '2026-02-30' }, 'body.paidOn'],
    ['paidOn missing', { paidOn: undefined }, 'body.paidOn'],
  ],
  'create-partner': [
    ['payoutRatePercent a string', { payoutRatePercent: '70' }, 'body.payoutRatePercent'],
    ['paymentNoticeEmails not a list', { paymentNoticeEmails: 'billing@new.example.com' }, 'body.paymentNoticeEmails'],
    ['admin e-mail missing', { admin: { name: '管理者' } }, 'body.admin.email'],
  ],
  ...Object.fromEntries(
    ['check-in', 'unlock', 'checkout'].map((id) => [
      id,
      [
        ['doorId a number', { doorId: 7 }, 'body.doorId'],
        ['doorId with a space', { doorId: 'front door' }, 'body.doorId'],
        ['doorId missing', { doorId: undefined }, 'body.doorId'],
      ] as Array<[string, unknown, string]>,
    ]),
  ),
};

/** A body that is `base` with `change` applied; a non-object change replaces it. */
const changed = (base: unknown, change: unknown) =>
  change !== null && typeof change === 'object' && !Array.isArray(change) ? { ...(base as object), ...change } : change;

/** The UTF-8 size of a JSON body. */
const sizeOf = (body: unknown) => Buffer.byteLength(JSON.stringify(body), 'utf8');

/** `body` with a string field `padding` that makes it exactly `bytes` long. */
function padded(body: unknown, bytes: number): Record<string, unknown> {
  const empty = { ...(body as object), padding: '' };
  return { ...empty, padding: 'x'.repeat(bytes - sizeOf(empty)) };
}

describe('bad input writes nothing', () => {
  const token = memberToken('member-basic');
  let reservationId: string;
  /** member-basic's booking request to TIMEWORK渋谷, for the operator rows. */
  let requestId: string;
  /** The caller a route admits: member-basic, or an operator of the request's partner. */
  const callerOf = (route: Route) =>
    route.caller.role === 'member' ? token : route.caller.role === 'admin' ? adminToken() : admittedOperator(route);
  /** The Idempotency-Key every bad create carries: refused calls must not burn it. */
  const key = 'bad-input-key-1';
  let before: Awaited<ReturnType<typeof snapshot>>;
  const commands: string[] = [];

  async function snapshot() {
    const get = async (path: string) => {
      const answer = await api.get(path, token);
      expect(answer.status, path).toBe(200);
      return answer.body;
    };
    return {
      upcoming: await get('/v1/reservations?scope=upcoming'),
      past: await get('/v1/reservations?scope=past'),
      current: await get('/v1/reservations?scope=current'),
      uses: (await get('/v1/me')).uses,
      visitsNow: await get('/v1/visits?scope=current'),
      pastVisits: await get('/v1/visits?scope=past'),
      plan: (await get('/v1/me')).plan,
      today: await get(`/v1/spaces/${SPACE}/availability?date=${TODAY}`),
      tomorrow: await get(`/v1/spaces/${SPACE}/availability?date=${TOMORROW}`),
      reservation: await get(`/v1/reservations/${reservationId}`),
      request: await get(`/v1/reservations/${requestId}`),
      requests: (await api.get(`/v1/operator/booking-requests?facilityId=${REQUEST_FACILITY}`, operator)).body,
    };
  }

  beforeAll(async () => {
    // Ends within the extension window once the clock would allow it; cancellable (before its start).
    reservationId = (await book(api, token, SPACE, at(TOMORROW, '10:00'), at(TOMORROW, '11:00'))).id;
    requestId = (await book(api, token, REQUEST_SPACE, at(TOMORROW, '13:00'), at(TOMORROW, '14:00'))).id;
    before = await snapshot();
  });

  const valid = (route: Route): RouteRequest => {
    const request = requestFor(route, pathValues({ id: reservationId, requestId }));
    return route.idempotent ? { ...request, headers: { 'idempotency-key': key } } : request;
  };

  /** Sends a bad call, records its commands and asserts it wrote nothing. */
  async function badCall(route: Route, options: { path?: string; body?: unknown; raw?: string }) {
    const request = valid(route);
    const { result, commands: sent } = await commandsDuring(() =>
      api.call(route.method, options.path ?? request.path, {
        token: callerOf(route),
        headers: request.headers,
        ...('raw' in options ? { raw: options.raw } : { body: options.body }),
      }),
    );
    commands.push(...sent);
    expect(writesIn(sent)).toEqual([]);
    return result;
  }

  it('has wrong-type cases for every POST route', () => {
    expect(postRoutes.length).toBeGreaterThan(0);
    expect(postRoutes.filter((r) => !wrongTypes[r.id]?.length).map((r) => r.id)).toEqual([]);
  });

  describe.each(rows(postRoutes))('%s', (_, route) => {
    it('refuses an unknown field with 400 VALIDATION_FAILED naming it', async () => {
      const answer = await badCall(route, { body: changed(valid(route).body, { color: 'red' }) });
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(answer)).toContain('body.color');
    });

    itIf(route.id === 'create-reservation')('refuses an unknown field inside an option, naming its path', async () => {
      const answer = await badCall(route, {
        body: changed(valid(route).body, { options: [{ optionId: 'coffee', quantity: 1, sugar: true }] }),
      });
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(answer)).toContain('body.options.0.sugar');
    });

    it('refuses malformed JSON with 400', async () => {
      const answer = await badCall(route, { raw: '{"spaceId":' });
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(answer)).toContain('body');
    });

    it('refuses a body over 16 KB with 413 and a problem+json VALIDATION_FAILED', async () => {
      const body = { ...(valid(route).body as object), note: 'x'.repeat(17 * 1024) };
      const answer = await badCall(route, { body });
      expectProblem(answer, 413, 'VALIDATION_FAILED');
    });

    it('puts the limit at 16 KB exactly: 16 384 bytes are parsed (400), 16 385 are 413', async () => {
      const atLimit = padded(valid(route).body, MAX_BODY_BYTES);
      expect(sizeOf(atLimit)).toBe(MAX_BODY_BYTES);
      const parsed = await badCall(route, { body: atLimit });
      expectProblem(parsed, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(parsed)).toContain('body.padding');
      const over = padded(valid(route).body, MAX_BODY_BYTES + 1);
      expectProblem(await badCall(route, { body: over }), 413, 'VALIDATION_FAILED');
    });

    it.each(wrongTypes[route.id] ?? [])('refuses %s with 400 naming the field', async (_, change, field) => {
      const answer = await badCall(route, { body: changed(valid(route).body, change) });
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(answer)).toContain(field);
    });

    itIf(hasParam(route, 'id'))('refuses an {id} that is not a uuid with 400 naming path.id', async () => {
      const path = requestFor(route, pathValues({ id: 'not-a-uuid', requestId: 'not-a-uuid' })).path;
      const answer = await badCall(route, { path, body: valid(route).body });
      expectProblem(answer, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(answer)).toContain('path.id');
    });

    itIf(route.idempotent === true)('refuses an Idempotency-Key longer than 64 characters with 400', async () => {
      const request = valid(route);
      const { result, commands: sent } = await commandsDuring(() =>
        api.call(route.method, request.path, {
          token: callerOf(route),
          body: request.body,
          headers: { 'idempotency-key': 'k'.repeat(65) },
        }),
      );
      commands.push(...sent);
      expectProblem(result, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(result)).toContain('header.idempotency-key');
      expect(writesIn(sent)).toEqual([]);
    });

    itIf(route.idempotent === true)('refuses an empty Idempotency-Key with 400', async () => {
      const request = valid(route);
      const { result, commands: sent } = await commandsDuring(() =>
        api.call(route.method, request.path, {
          token: callerOf(route),
          body: request.body,
          headers: { 'idempotency-key': '' },
        }),
      );
      commands.push(...sent);
      expectProblem(result, 400, 'VALIDATION_FAILED');
      expect(writesIn(sent)).toEqual([]);
    });
  });

  it('left reservations, uses, availability and the table as they were', async () => {
    expect(writesIn(commands)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('did not burn the Idempotency-Key the refused creates carried', async () => {
    const route = routes.find((r) => r.idempotent && r.method === 'POST');
    if (!route) return;
    const request = valid(route);
    const answer = await api.call(route.method, request.path, {
      token: callerOf(route),
      body: request.body,
      headers: request.headers,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  const create = (token: string, body: unknown, key?: string) =>
    api.call('POST', '/v1/reservations', { token, body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const booking = (date: string, from: string, to: string) => ({
    spaceId: 'h1t-kudanshita-open',
    start: at(date, from),
    end: at(date, to),
  });
  async function state(token: string) {
    return {
      upcoming: (await api.get('/v1/reservations?scope=upcoming', token)).body.items,
      uses: (await api.get('/v1/me', token)).body.uses,
      open: (await api.get(`/v1/spaces/h1t-kudanshita-open/availability?date=2026-11-27`, token)).body.slots,
    };
  }

  it('accepts a key of exactly 64 characters', async () => {
    const { token } = await newMember(api, 'premium');
    const answer = await create(token, booking('2026-11-27', '08:00', '08:30'), 'k'.repeat(64));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  });

  it('answers a repeat with the same key and body with the first answer, and books once', async () => {
    const { token } = await newMember(api, 'basic');
    const body = booking('2026-11-27', '09:00', '09:30');
    const first = await create(token, body, 'same-key-same-body');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const afterFirst = await state(token);
    const { result: second, commands } = await commandsDuring(() => create(token, body, 'same-key-same-body'));
    expect(second).toEqual(first);
    expect(second.body.id).toBe(first.body.id);
    expect(commands.filter(isTransaction)).toEqual([]);
    // The same body with its fields in another order is the same request.
    const reordered = { end: body.end, start: body.start, spaceId: body.spaceId };
    expect(await create(token, reordered, 'same-key-same-body')).toEqual(first);
    const after = await state(token);
    expect(after).toEqual(afterFirst);
    expect(after.upcoming.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    expect(after.uses.held).toBe(first.body.uses);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED and writes nothing new', async () => {
    const { token } = await newMember(api, 'premium');
    const first = await create(token, booking('2026-11-27', '10:00', '10:30'), 'same-key-other-body');
    expect(first.status).toBe(201);
    const before = await state(token);
    for (const other of [booking('2026-11-27', '11:00', '11:30'), booking('2026-11-27', '10:00', '10:45')]) {
      const { result, commands } = await commandsDuring(() => create(token, other, 'same-key-other-body'));
      expectProblem(result, 422, 'IDEMPOTENCY_KEY_REUSED');
      // Only the conditional claim of the key may be attempted (it fails); nothing is booked.
      expect(writesIn(commands).filter((c) => !isPut(c))).toEqual([]);
    }
    expect(await state(token)).toEqual(before);
    // The first answer is still what the key gives.
    expect(await create(token, booking('2026-11-27', '10:00', '10:30'), 'same-key-other-body')).toEqual(first);
  });

  it('keeps keys per member: the same key used by two members books twice', async () => {
    const a = await newMember(api, 'premium');
    const b = await newMember(api, 'premium');
    const body = booking('2026-11-27', '12:00', '12:30');
    const first = await create(a.token, body, 'shared-key');
    const second = await create(b.token, body, 'shared-key');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(first.body.memberId).toBe(a.memberId);
    expect(second.body.memberId).toBe(b.memberId);
    expect((await state(a.token)).upcoming.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    expect((await state(b.token)).upcoming.map((r: { id: string }) => r.id)).toEqual([second.body.id]);
    const slot = (await state(a.token)).open.find((s: { start: string }) => s.start === body.start);
    expect(slot.remaining).toBe(1);
  });

  it('without a key, the same body twice is two attempts (the second overlaps the first)', async () => {
    const { token } = await newMember(api, 'premium');
    const body = booking('2026-11-27', '14:00', '14:30');
    expect((await create(token, body)).status).toBe(201);
    expectProblem(await create(token, body), 409, 'OVERLAPS_OWN_RESERVATION');
  });
});
