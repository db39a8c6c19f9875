/**
 * Authentication, roles and ownership on every row of the route table (api.md, Conventions): no token or
 * a bad one is 401, a role that may not act is 403, someone else's reservation is 404, and identity comes
 * only from the token. Generated from `routes`: a new row is covered once it has a request builder
 * (contract/requests.ts), and fails until it has one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../../lambdas/routes';
import type { LocalStack } from '../../../lib/local/stack';
import { issueToken } from '../../../lib/local/tokens';
import { adminToken, memberToken, operatorToken, startTestStack } from '../support/local-stack';
import {
  admittedOperator,
  DOOR,
  issueContractExport,
  issueContractNotice,
  pathValues,
  REQUEST_FACILITY,
  REQUEST_PARTNER,
  REQUEST_SPACE,
  type RequestContext,
  requestFor,
  routesWithoutBuilder,
  rows,
  unknownPathValues,
  VISIT_QR,
} from './requests';
import {
  at,
  book,
  commandsDuring,
  expectProblem,
  fieldsOf,
  type Http,
  http,
  NOW,
  newMember,
  paramsOf,
  SPACE,
  send,
  settle,
  TODAY,
  TOMORROW,
  unsigned,
  withBadSignature,
  withForgedPayload,
  writesIn,
} from './support';

let stack: LocalStack;
let api: Http;

const owner = memberToken('member-basic');
const other = memberToken('member-premium');
/** Thirty-one days ago: local tokens live thirty days. */
const EXPIRED_IAT = Math.floor(Date.now() / 1000) - 31 * 24 * 3600;

/**
 * member-basic's resources: a confirmed reservation tomorrow, a booking request to TIMEWORK渋谷 waiting
 * for its partner's answer, and (when check-in works) a stay checked in now with its unlock command.
 */
const basic: { reservationId: string; requestId?: string; stayId?: string; commandId?: string; visitId?: string } = {
  reservationId: '',
};
/** A photo of the request partner's facility (TIMEWORK渋谷), recorded by its full operator. */
let photoId: string | undefined;
/** An operator of another partner than the request's (H1T), with every role. */
const otherPartner = operatorToken('op-h1t-full', 'partner-h1t', 'full');

beforeAll(async () => {
  stack = await startTestStack(NOW);
  // the export job would run at once beside the request that starts it: its commands are not the route's
  stack.timers.hold('export');
  // so would the outbox consumer, sending the mails a booking wrote: its commands are not the route's either
  await stack.streamPoller.hold();
  api = http(stack.url);
  basic.reservationId = (await book(api, owner, SPACE, at(TOMORROW, '10:00'), at(TOMORROW, '11:00'))).id;
  const request = await book(api, owner, REQUEST_SPACE, at(TOMORROW, '13:00'), at(TOMORROW, '14:00'));
  expect(request.status).toBe('requested');
  basic.requestId = request.id;
  const stay = await book(api, owner, 'h1t-kudanshita-open', at(TODAY, '10:00'), at(TODAY, '10:30'));
  basic.stayId = stay.id;
  const checkedIn = await api.post(`/v1/reservations/${stay.id}/check-in`, { doorId: DOOR }, owner);
  // Rows with {commandId} fail on their own (no value for the path) when check-in does not work.
  if (checkedIn.status === 200) basic.commandId = checkedIn.body.unlock?.commandId;
  await settle(api, owner, basic.commandId);
  // Rows with a visit's {id} name the reservation (404 for everyone) when drop-in check-in does not work.
  const visit = await api.post('/v1/visits', { qrValue: VISIT_QR }, owner);
  if (visit.status === 201) basic.visitId = visit.body.id;
  const photo = await api.post(
    `/v1/operator/facilities/${REQUEST_FACILITY}/photos`,
    { contentType: 'image/jpeg', bytes: 2048 },
    operatorToken('op-tw-full', REQUEST_PARTNER, 'full'),
  );
  // Rows with {photoId} fail on their own (no value for the path) when photos cannot be recorded.
  if (photo.status === 201) photoId = photo.body.photoId;
  // The notice routes name the request partner's notice: another partner's operators must not see it.
  await issueContractNotice();
  await issueContractExport();
});
afterAll(async () => stack?.stop());

/** Path values with `id` (a member's reservation) and `requestId` (a booking request) as given. */
const context = (id = basic.reservationId, requestId = basic.requestId): RequestContext => ({
  id,
  ...(requestId ? { requestId } : {}),
  ...(basic.commandId ? { commandId: basic.commandId } : {}),
  ...(photoId ? { photoId } : {}),
  ...(basic.visitId ? { visitId: basic.visitId } : {}),
});
const validRequest = (route: Route, id?: string, requestId?: string) =>
  requestFor(route, pathValues(context(id, requestId)));

/** A token of a caller the route admits: member-basic, or an operator of the request's partner. */
const admitted = (route: Route) =>
  route.caller.role === 'member' ? owner : route.caller.role === 'admin' ? adminToken() : admittedOperator(route);

/** Tokens of callers the route refuses with 403. */
function refusedCallers(route: Route): Array<[string, string]> {
  const admin: [string, string] = ['admin', issueToken({ sub: 'admin-1', role: 'admin' })];
  const operators = (['full', 'staff', 'usage'] as const).map(
    (role) => [`operator ${role}`, operatorToken(`op-h1t-${role}`, 'partner-h1t', role)] as [string, string],
  );
  if (route.caller.role === 'member') return [...operators, admin];
  if (route.caller.role === 'admin') return [['member', owner], ...operators];
  const allowed = route.caller.operatorRoles;
  return [
    ['member', owner],
    admin,
    ...operators.filter(([name]) => !allowed.some((role) => name === `operator ${role}`)),
  ];
}

/** What member-basic sees of its own resources. */
async function ownerState() {
  const view = async (path: string) => {
    const answer = await api.get(path, owner);
    expect(answer.status, path).toBe(200);
    const { status, start, end, uses, checkedInAt, checkedOutAt } = answer.body;
    return { status, start, end, uses, checkedInAt, checkedOutAt };
  };
  return {
    reservation: await view(`/v1/reservations/${basic.reservationId}`),
    request: basic.requestId ? await view(`/v1/reservations/${basic.requestId}`) : null,
    stay: basic.stayId ? await view(`/v1/reservations/${basic.stayId}`) : null,
    command: basic.commandId ? (await api.get(`/v1/unlock-commands/${basic.commandId}`, owner)).body : null,
    visit: basic.visitId ? (await api.get(`/v1/visits/${basic.visitId}`, owner)).body : null,
    me: (await api.get('/v1/me', owner)).body,
  };
}

/** Path parameters that name a member's own resource (someone else's is 404), and the catalogue's. */
const OWNED_PARAMS = ['id', 'commandId', 'guestId', 'exportId'];
/**
 * Named by the caller, owned by nobody in particular or by a partner: the catalogue's (facilities, spaces, their
 * photos, a date or closure of a space's calendar), a partner's operator accounts, and what an admin addresses (a
 * member, a partner, a company, a reservation by `{id}`, a visit by `{visitId}`, a payment notice by `{noticeId}`).
 */
const CATALOGUE_PARAMS = [
  'facilityId',
  'spaceId',
  'photoId',
  'date',
  'closureId',
  'operatorId',
  'memberId',
  'partnerId',
  'companyId',
  'visitId',
  'noticeId',
];

describe('the route table', () => {
  it('has a request builder for every row', () => {
    expect(routesWithoutBuilder()).toEqual([]);
  });

  it('has an ownership or catalogue case for every path parameter', () => {
    const unknown = routes.flatMap((r) =>
      paramsOf(r)
        .filter((p) => !OWNED_PARAMS.includes(p) && !CATALOGUE_PARAMS.includes(p))
        .map((p) => `${r.id}: {${p}}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(rows())('%s: its request fills every path parameter', (_, route) => {
    const request = validRequest(route);
    expect(request.path).not.toMatch(/[{}]/);
    expect(request.path.startsWith('/v1/')).toBe(true);
  });
});

describe.each(rows())('%s', (_, route) => {
  it('is 401 UNAUTHENTICATED without a token, and writes nothing', async () => {
    const { result, commands } = await commandsDuring(() => send(api, route, validRequest(route)));
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(writesIn(commands)).toEqual([]);
  });

  it.each([
    ['a forged payload (other sub)', (t: string) => withForgedPayload(t, { sub: 'member-premium' })],
    [
      'a forged payload (another role)',
      (t: string) => withForgedPayload(t, { 'custom:role': route.caller.role === 'admin' ? 'member' : 'admin' }),
    ],
    ['a changed signature', withBadSignature],
    ['an unsigned (alg none) token', unsigned],
    ['a forged expiry', (t: string) => withForgedPayload(t, { exp: 4_102_444_800 })],
    ['a token that is not a JWT', () => 'not-a-jwt'],
    ['a Basic scheme instead of Bearer', (t: string) => ({ scheme: 'Basic', token: t })],
    // Signed by the local issuer, yet not acceptable:
    ['a signed token that expired', () => issueToken({ sub: 'member-basic', role: 'member' }, EXPIRED_IAT)],
    ['a signed token without a subject', () => issueToken({ sub: '', role: 'member' })],
    ['a signed token with an unknown role', () => issueToken({ sub: 'member-basic', role: 'guest' as 'member' })],
    ['a signed operator token without partner or role', () => issueToken({ sub: 'op-h1t-full', role: 'operator' })],
  ])('is 401 UNAUTHENTICATED with %s', async (_, tamper) => {
    const bad = tamper(admitted(route));
    const { scheme, token } = typeof bad === 'string' ? { scheme: 'Bearer', token: bad } : bad;
    const request = validRequest(route);
    const { result, commands } = await commandsDuring(() =>
      api.call(route.method, request.path, {
        body: request.body,
        headers: { authorization: `${scheme} ${token}` },
      }),
    );
    expectProblem(result, 401, 'UNAUTHENTICATED');
    expect(writesIn(commands)).toEqual([]);
  });

  it('is 403 FORBIDDEN for a role that may not call it, and writes nothing', async () => {
    const refused = refusedCallers(route);
    expect(refused.length).toBeGreaterThan(0);
    for (const [who, token] of refused) {
      const { result, commands } = await commandsDuring(() => send(api, route, validRequest(route), token));
      expect(result.status, who).toBe(403);
      expectProblem(result, 403, 'FORBIDDEN');
      expect(writesIn(commands), who).toEqual([]);
    }
  });
});

describe('someone else’s resources', () => {
  // an admin owns nothing and may address anything: its {id} routes are catalogue routes here
  const owned = routes.filter((r) => r.caller.role !== 'admin' && paramsOf(r).some((p) => OWNED_PARAMS.includes(p)));
  const catalogue = routes.filter((r) => paramsOf(r).length > 0 && !owned.includes(r));

  const memberOwned = owned.filter((r) => r.caller.role === 'member');
  const partnerOwned = owned.filter((r) => r.caller.role === 'operator');

  it('covers the routes with {id} or {commandId}', () => {
    expect(memberOwned.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'cancel-reservation',
        'extend-reservation',
        'get-reservation',
        'get-visit',
        'checkout-visit',
        'add-guests',
        'checkout-guest',
      ]),
    );
    // the visit routes are tried on member-basic's visit, not on an id that names nothing
    expect(basic.visitId).toBeDefined();
    // Members own reservations and commands; operators see their partner's requests.
    expect(owned.filter((r) => !memberOwned.includes(r) && !partnerOwned.includes(r))).toEqual([]);
  });

  it.each(rows(memberOwned))(
    '%s: another member gets 404 NOT_FOUND, and the owner’s reservations are unchanged',
    async (_, route) => {
      const before = await ownerState();
      expect(before.reservation.status).toBe('confirmed');
      // The confirmed reservation, and the stay the owner is checked in to.
      const targets = [basic.reservationId, ...(basic.stayId ? [basic.stayId] : [])];
      for (const id of targets) {
        const { result, commands } = await commandsDuring(() => send(api, route, validRequest(route, id), other));
        expectProblem(result, 404, 'NOT_FOUND');
        expect(JSON.stringify(result.body)).not.toContain('member-basic');
        expect(writesIn(commands)).toEqual([]);
      }
      expect(await ownerState()).toEqual(before);
    },
  );

  it.each(rows(partnerOwned))(
    '%s: another partner’s operator gets 404 NOT_FOUND, and the request is unchanged',
    async (_, route) => {
      const before = await ownerState();
      expect(before.request?.status).toBe('requested');
      // The request of partner-tw; and a reservation of the operator's own partner that is not a request.
      for (const requestId of [basic.requestId, basic.reservationId]) {
        const { result, commands } = await commandsDuring(() =>
          send(api, route, validRequest(route, undefined, requestId), otherPartner),
        );
        expectProblem(result, 404, 'NOT_FOUND');
        expect(writesIn(commands)).toEqual([]);
      }
      expect(await ownerState()).toEqual(before);
    },
  );

  /**
   * Operator routes that name a facility, space, photo or operator account: the request partner's (TIMEWORK渋谷, a
   * photo of it, its staff account) in the valid request.
   */
  const partnerCatalogue = routes.filter(
    (r) =>
      r.caller.role === 'operator' &&
      paramsOf(r).some((p) => ['facilityId', 'spaceId', 'photoId', 'operatorId'].includes(p)),
  );

  it('covers the partner catalogue routes', () => {
    expect(partnerCatalogue.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'get-operator-facility',
        'edit-facility',
        'get-operator-space',
        'edit-space',
        'delete-photo',
        'get-operator-account',
        'edit-operator-account',
      ]),
    );
  });

  it.each(rows(partnerCatalogue))(
    '%s: another partner’s operator gets 404 NOT_FOUND with every role the row admits, writing nothing',
    async (_, route) => {
      const admits = route.caller.role === 'operator' ? route.caller.operatorRoles : [];
      expect(admits.length).toBeGreaterThan(0);
      for (const role of admits) {
        const { result, commands } = await commandsDuring(() =>
          send(api, route, validRequest(route), operatorToken(`op-h1t-${role}`, 'partner-h1t', role)),
        );
        expect(result.status, role).toBe(404);
        expectProblem(result, 404, 'NOT_FOUND');
        expect(writesIn(commands), role).toEqual([]);
      }
      // the request partner's photo is still there (a file deletion is no table write)
      const own = await api.get(
        `/v1/operator/facilities/${REQUEST_FACILITY}`,
        operatorToken('op-tw-full', REQUEST_PARTNER, 'full'),
      );
      expect(own.body.photos.map((p: { photoId: string }) => p.photoId)).toContain(photoId);
    },
  );

  it('lists booking requests only to their own partner', async () => {
    const ids = (answer: { body: { items?: Array<{ id: string }> } }) => (answer.body.items ?? []).map((r) => r.id);
    const own = await api.get(
      `/v1/operator/booking-requests?facilityId=${REQUEST_FACILITY}`,
      admittedOperator(routes.find((r) => r.id === 'list-booking-requests') as Route),
    );
    expect(own.status).toBe(200);
    expect(ids(own)).toContain(basic.requestId);
    expect(JSON.stringify(own.body)).not.toContain('member-basic');
    for (const path of [
      '/v1/operator/booking-requests',
      `/v1/operator/booking-requests?facilityId=${REQUEST_FACILITY}`,
    ]) {
      const theirs = await api.get(path, otherPartner);
      expect([200, 404], path).toContain(theirs.status);
      expect(ids(theirs), path).not.toContain(basic.requestId);
    }
  });

  it.each(rows(owned))('%s: an unknown id (random uuid) is 404 NOT_FOUND', async (_, route) => {
    const before = await ownerState();
    const { result, commands } = await commandsDuring(() =>
      send(api, route, requestFor(route, unknownPathValues()), admitted(route)),
    );
    expectProblem(result, 404, 'NOT_FOUND');
    expect(writesIn(commands)).toEqual([]);
    expect(await ownerState()).toEqual(before);
  });

  it.each(rows(catalogue))('%s: an unknown facility, space or photo is 404 NOT_FOUND', async (_, route) => {
    const answer = await send(api, route, requestFor(route, unknownPathValues()), admitted(route));
    expectProblem(answer, 404, 'NOT_FOUND');
  });
});

describe('identity comes only from the token', () => {
  let slot = 0;
  /** A new premium member with one reservation of its own, and what it (and member-premium) sees. */
  const freshMember = async () => {
    // half an hour each, 08:00–20:00, from the 26th on (within the booking window for 4 days of 24 slots)
    const n = slot++;
    // a half hour of its own between 08:00 and 21:00 (26 a day), from 2026-11-26 on (within the 7-day window)
    const date = new Date(Date.UTC(2026, 10, 26 + Math.floor(n / 26))).toISOString().slice(0, 10);
    const minutes = 8 * 60 + (n % 26) * 30;
    const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const { memberId, token } = await newMember(api, 'premium');
    const reservation = await book(
      api,
      token,
      'h1t-kudanshita-open',
      at(date, time(minutes)),
      at(date, time(minutes + 30)),
    );
    const state = async () => ({
      me: (await api.get('/v1/me', token)).body,
      upcoming: (await api.get('/v1/reservations?scope=upcoming', token)).body.items,
      theirs: (await api.get('/v1/reservations?scope=upcoming', other)).body.items,
      premium: (await api.get('/v1/me', other)).body,
    });
    return { memberId, token, id: reservation.id, state };
  };
  /** The fresh member for member routes, an admitted operator otherwise. */
  const caller = (route: Route, token: string) => (route.caller.role === 'member' ? token : admitted(route));
  const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

  it.each(rows())('%s: a memberId in the request is refused with 400 naming it', async (_, route) => {
    const member = await freshMember();
    const before = await member.state();
    const owners = await ownerState();
    const request = validRequest(route, member.id);
    const [carrying, field] =
      route.method === 'GET'
        ? [{ ...request, path: withQuery(request.path, 'memberId=member-premium') }, 'query.memberId']
        : [{ ...request, body: { ...(request.body as object), memberId: 'member-premium' } }, 'body.memberId'];
    const { result, commands } = await commandsDuring(() => send(api, route, carrying, caller(route, member.token)));
    expectProblem(result, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(result)).toContain(field);
    expect(writesIn(commands)).toEqual([]);
    expect(await member.state()).toEqual(before);
    expect(await ownerState()).toEqual(owners);
  });

  it.each(rows(routes.filter((r) => r.method !== 'GET')))(
    '%s: a memberId in the query string is refused with 400 naming it',
    async (_, route) => {
      const member = await freshMember();
      const before = await member.state();
      const owners = await ownerState();
      const request = validRequest(route, member.id);
      const carrying = { ...request, path: withQuery(request.path, 'memberId=member-premium') };
      const { result, commands } = await commandsDuring(() => send(api, route, carrying, caller(route, member.token)));
      expectProblem(result, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(result)).toContain('query.memberId');
      expect(writesIn(commands)).toEqual([]);
      expect(await member.state()).toEqual(before);
      expect(await ownerState()).toEqual(owners);
    },
  );

  it('shows a member only their own reservations and their own account', async () => {
    const mine = await api.get('/v1/reservations?scope=upcoming', owner);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(basic.reservationId);
    const theirs = await api.get('/v1/reservations?scope=upcoming', other);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((r: { id: string }) => r.id)).not.toContain(basic.reservationId);
    expect((await api.get('/v1/me', other)).body.memberId).toBe('member-premium');
  });
});
