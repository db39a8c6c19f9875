/**
 * The partner's usage lists end to end on the local stack (api.md "Partner routes": usage/visits, guests,
 * reservations; 004 §3-3): the Regus lounge's visits and their guests, TIMEWORK渋谷's reservations with their own sales
 * lines; each filter, paging, every operator role of the partner and nobody else's, the operator view (company name and
 * member number, never the member), CSV answers, bad queries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { guestsCsv } from '../../../contracts/csv/guests.v1';
import { reservationsCsv } from '../../../contracts/csv/reservations.v1';
import { visitsCsv } from '../../../contracts/csv/visits.v1';
import { at, newMember } from '../booking/fixtures';
import { clockSetter, KAIKATSU_QR, REGUS_QR } from '../dropin/support';
import { adminToken, memberToken, operatorToken } from '../support/local-stack';
import { partnerStack } from './support';

const api = partnerStack();
const setClock = clockSetter(api);
const DAY = '2026-11-24';
const LOUNGE = 'regus-marunouchi-lounge';
const COMPANY = '株式会社ユーセージ';

const regus = (role: 'full' | 'staff' | 'usage') => operatorToken(`op-regus-${role}`, 'partner-regus', role);
const tw = (role: 'full' | 'staff' | 'usage') => operatorToken(`op-tw-${role}`, 'partner-tw', role);
const kaikatsu = operatorToken('op-kaikatsu-full', 'partner-kaikatsu', 'full');

/** What the setup made: the members, visits and reservations the lists should (and should not) show. */
const made = {
  memberIds: [] as string[],
  /** A corporate member's visit at 10:00 with two guests (g1 out at 10:30, g2 still in). */
  visitA: '',
  /** A premium member's visit 10:10–11:00, no guests. */
  visitB: '',
  /** 快活CLUB's visit (another partner). */
  kaikatsuVisit: '',
  /** TIMEWORK渋谷's desk 11:00–12:00 today, of a corporate member, checked in and out: settled. */
  settled: '',
  /** 会議室A on the 26th with coffee ×2, approved, then cancelled with a fee. */
  cancelled: '',
  cancellationFee: 0,
  /** 会議室A on the 25th, still waiting for the partner's answer. */
  requested: '',
  /** H1T's reservation (another partner). */
  h1t: '',
};

async function member(plan: 'premium' | 'basic' | 'corporate', code?: string) {
  if (plan !== 'corporate') {
    const m = await newMember(api(), plan);
    made.memberIds.push(m.memberId);
    return m;
  }
  const memberId = `m-corp-${made.memberIds.length}-${Date.now()}`;
  expect((await api().post('/local/members', { memberId, plan: null })).status).toBe(201);
  const token = memberToken(memberId);
  expect((await api().post('/v1/me/corporate-code', { code }, token)).status).toBe(200);
  made.memberIds.push(memberId);
  return { memberId, token };
}

async function ok<T = { id: string }>(answer: Promise<{ status: number; body: unknown }>, status: number): Promise<T> {
  const settled = await answer;
  expect(settled.status, JSON.stringify(settled.body)).toBe(status);
  return settled.body as T;
}

beforeAll(async () => {
  await setClock(at(DAY, '10:00'));
  const company = await ok<{ corporateCode: string }>(
    api().post('/v1/admin/companies', { name: COMPANY }, adminToken()),
    201,
  );
  const a = await member('corporate', company.corporateCode);
  const b = await member('premium');
  const d = await member('basic');
  made.visitA = (await ok(api().post('/v1/visits', { qrValue: REGUS_QR }, a.token), 201)).id;
  await ok(api().post(`/v1/visits/${made.visitA}/guests`, { count: 2 }, a.token), 201);
  await setClock(at(DAY, '10:10'));
  made.visitB = (await ok(api().post('/v1/visits', { qrValue: REGUS_QR }, b.token), 201)).id;
  await setClock(at(DAY, '10:15'));
  made.kaikatsuVisit = (await ok(api().post('/v1/visits', { qrValue: KAIKATSU_QR }, d.token), 201)).id;
  await setClock(at(DAY, '10:30'));
  await ok(api().post(`/v1/visits/${made.visitA}/guests/g1/checkout`, {}, a.token), 200);

  // reservations at TIMEWORK渋谷, and one at H1T
  const e = await member('corporate', company.corporateCode);
  const f = await member('premium');
  const g = await member('premium');
  made.settled = (
    await ok(
      api().post(
        '/v1/reservations',
        { spaceId: 'tw-shibuya-desk', start: at(DAY, '11:00'), end: at(DAY, '12:00') },
        e.token,
      ),
      201,
    )
  ).id;
  const room = (date: string, from: string, to: string, extra: object = {}) => ({
    spaceId: 'tw-shibuya-room-a',
    start: at(date, from),
    end: at(date, to),
    ...extra,
  });
  made.cancelled = (
    await ok(
      api().post(
        '/v1/reservations',
        room('2026-11-26', '10:00', '11:00', { options: [{ optionId: 'coffee', quantity: 2 }] }),
        f.token,
      ),
      201,
    )
  ).id;
  await ok(api().post(`/v1/operator/booking-requests/${made.cancelled}/approve`, {}, tw('full')), 200);
  made.cancellationFee = (
    await ok<{ cancellationFee: number }>(api().post(`/v1/reservations/${made.cancelled}/cancel`, {}, f.token), 200)
  ).cancellationFee;
  made.requested = (await ok(api().post('/v1/reservations', room('2026-11-25', '14:00', '15:00'), g.token), 201)).id;
  made.h1t = (
    await ok(
      api().post(
        '/v1/reservations',
        { spaceId: 'h1t-kudanshita-box', start: at(DAY, '13:00'), end: at(DAY, '14:00') },
        b.token,
      ),
      201,
    )
  ).id;

  await setClock(at(DAY, '11:00'));
  await ok(api().post(`/v1/visits/${made.visitB}/checkout`, { qrValue: REGUS_QR }, b.token), 200);
  await ok(api().post(`/v1/reservations/${made.settled}/check-in`, { doorId: 'tw-shibuya-door' }, e.token), 200);
  await setClock(at(DAY, '11:20'));
  await ok(api().post(`/v1/reservations/${made.settled}/checkout`, { doorId: 'tw-shibuya-door' }, e.token), 200);
});

const ids = (answer: { body: { items: Array<{ id?: string; visitId?: string; guestId?: string }> } }) =>
  answer.body.items.map((item) => item.id ?? `${item.visitId}/${item.guestId}`);
const visits = (query: string, token = regus('usage')) => api().get(`/v1/operator/usage/visits?${query}`, token);
const guests = (query: string, token = regus('usage')) => api().get(`/v1/operator/usage/guests?${query}`, token);
const reservations = (query: string, token = tw('usage')) =>
  api().get(`/v1/operator/usage/reservations?${query}`, token);
const DAY_QUERY = `from=${DAY}&to=${DAY}`;

/** Nothing of a member but its number and company: no member id, under any key or as any value. */
function expectNoMember(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain('"memberId"');
  for (const memberId of made.memberIds) expect(text).not.toContain(memberId);
}

describe('the visits list (GET /v1/operator/usage/visits)', () => {
  it('lists the partner’s visits of the day, newest first, as operators see them', async () => {
    const answer = await visits(DAY_QUERY);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([made.visitB, made.visitA]);
    expect(answer.body.nextCursor).toBeUndefined();
    const [b, a] = answer.body.items;
    expect(a).toMatchObject({
      id: made.visitA,
      number: expect.stringMatching(/^V-\d{4}-\d{4}-\d{4}$/),
      companyName: COMPANY,
      memberNumber: expect.stringMatching(/^TW/),
      facilityId: 'regus-marunouchi',
      facilityName: 'リージャス丸の内',
      spaceId: LOUNGE,
      spaceName: 'ラウンジ',
      status: 'in',
      checkedInAt: '2026-11-24T10:00:00+09:00',
      uses: 1,
      guests: [
        { guestId: 'g1', checkedInAt: '2026-11-24T10:00:00+09:00', checkedOutAt: '2026-11-24T10:30:00+09:00' },
        { guestId: 'g2', checkedInAt: '2026-11-24T10:00:00+09:00' },
      ],
    });
    expect(a.guests[0].charge).toEqual({ amount: 500, tax: 50, total: 550 });
    expect(b).toMatchObject({
      id: made.visitB,
      companyName: null,
      status: 'out',
      checkedInAt: '2026-11-24T10:10:00+09:00',
      checkedOutAt: '2026-11-24T11:00:00+09:00',
      // 50 minutes at 250 yen per 15 minutes, yen down
      charge: { amount: 833, tax: 83, total: 916 },
    });
    expectNoMember(answer.body);
  });

  it.each([
    ['its facility', 'facilityId=regus-marunouchi', ['B', 'A']],
    ['its space', `spaceId=${LOUNGE}`, ['B', 'A']],
    ['the facility and the space', `facilityId=regus-marunouchi&spaceId=${LOUNGE}`, ['B', 'A']],
    ['the company, exactly', `companyName=${encodeURIComponent(COMPANY)}`, ['A']],
    ['the company with a space in it (an exact match)', `companyName=${encodeURIComponent('株式会社 ユーセージ')}`, []],
    ['status in', 'status=in', ['A']],
    ['status out', 'status=out', ['B']],
    ['status closedAtClosing', 'status=closedAtClosing', []],
  ])('narrows by %s', async (_, filter, expected) => {
    const answer = await visits(`${DAY_QUERY}&${filter}`);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual(expected.map((v) => (v === 'A' ? made.visitA : made.visitB)));
  });

  it('takes dates in facility time, both included', async () => {
    expect(ids(await visits('from=2026-11-23&to=2026-11-24'))).toEqual([made.visitB, made.visitA]);
    expect(ids(await visits('from=2026-11-25&to=2026-12-31'))).toEqual([]);
    expect(ids(await visits('from=2026-01-01&to=2026-11-23'))).toEqual([]);
  });

  it('pages with limit and cursor, and refuses a cursor of another list or search', async () => {
    const first = await visits(`${DAY_QUERY}&limit=1`);
    expect(ids(first)).toEqual([made.visitB]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await visits(`${DAY_QUERY}&limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual([made.visitA]);
    expect(second.body.nextCursor).toBeUndefined();
    for (const refused of [
      await guests(`${DAY_QUERY}&cursor=${first.body.nextCursor}`),
      await visits(`from=2026-12-01&to=2026-12-01&cursor=${first.body.nextCursor}`),
      await visits(`${DAY_QUERY}&cursor=not-a-cursor`),
    ]) {
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.cursor']);
    }
  });

  it('answers every role of the partner alike, and lists nothing of another partner to anyone', async () => {
    const usage = await visits(DAY_QUERY);
    for (const role of ['full', 'staff'] as const)
      expect((await visits(DAY_QUERY, regus(role))).body).toEqual(usage.body);
    expect(ids(usage)).not.toContain(made.kaikatsuVisit);
    const theirs = await visits(DAY_QUERY, kaikatsu);
    expect(ids(theirs)).toEqual([made.kaikatsuVisit]);
    expect(theirs.body.items[0]).toMatchObject({ facilityName: '快活CLUB神田', spaceName: 'ブース席' });
  });

  it('is 404 for a facility or space of another partner, or one that does not exist; 403 for members', async () => {
    for (const filter of [
      'facilityId=regus-marunouchi',
      `spaceId=${LOUNGE}`,
      'facilityId=no-such-facility',
      'spaceId=no-such-space',
    ]) {
      const answer = await visits(`${DAY_QUERY}&${filter}`, kaikatsu);
      expect(answer.status, filter).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
    }
    // a space of the partner's, but not of the facility named
    expect((await visits(`${DAY_QUERY}&facilityId=regus-marunouchi&spaceId=kaikatsu-kanda-booths`)).status).toBe(404);
    expect((await visits(DAY_QUERY, memberToken('member-premium'))).status).toBe(403);
  });
});

describe('the guests list (GET /v1/operator/usage/guests)', () => {
  it('lists one row per guest, with the visit, company, member number, in, out and charge', async () => {
    const answer = await guests(DAY_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      {
        visitId: made.visitA,
        visitNumber: expect.stringMatching(/^V-/),
        companyName: COMPANY,
        memberNumber: expect.stringMatching(/^TW/),
        facilityId: 'regus-marunouchi',
        facilityName: 'リージャス丸の内',
        spaceId: LOUNGE,
        spaceName: 'ラウンジ',
        guestId: 'g1',
        checkedInAt: '2026-11-24T10:00:00+09:00',
        checkedOutAt: '2026-11-24T10:30:00+09:00',
        charge: { amount: 500, tax: 50, total: 550 },
      },
      expect.objectContaining({ visitId: made.visitA, guestId: 'g2', checkedInAt: '2026-11-24T10:00:00+09:00' }),
    ]);
    expect(answer.body.items[1]).not.toHaveProperty('checkedOutAt');
    expectNoMember(answer.body);
  });

  it('narrows by the guest’s status and the visit’s search, and pages within a visit’s guests', async () => {
    expect(ids(await guests(`${DAY_QUERY}&status=out`))).toEqual([`${made.visitA}/g1`]);
    expect(ids(await guests(`${DAY_QUERY}&status=in`))).toEqual([`${made.visitA}/g2`]);
    expect(ids(await guests(`${DAY_QUERY}&companyName=${encodeURIComponent('Example Corp')}`))).toEqual([]);
    const first = await guests(`${DAY_QUERY}&limit=1`);
    expect(ids(first)).toEqual([`${made.visitA}/g1`]);
    const second = await guests(`${DAY_QUERY}&limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual([`${made.visitA}/g2`]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('answers every role of the partner; another partner sees none of them, and 404 for the Regus lounge', async () => {
    for (const role of ['full', 'staff'] as const) expect((await guests(DAY_QUERY, regus(role))).status).toBe(200);
    expect((await guests(DAY_QUERY, kaikatsu)).body.items).toEqual([]);
    expect((await guests(`${DAY_QUERY}&spaceId=${LOUNGE}`, kaikatsu)).status).toBe(404);
  });
});

describe('the reservations list (GET /v1/operator/usage/reservations)', () => {
  const RANGE = `from=${DAY}&to=2026-11-26`;

  it('lists the partner’s reservations by start, latest first, each with its own sales lines', async () => {
    const answer = await reservations(RANGE);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual([made.cancelled, made.requested, made.settled]);
    const [cancelled, requested, settled] = answer.body.items;
    expect(settled).toMatchObject({
      id: made.settled,
      number: expect.stringMatching(/^R-\d{4}-\d{4}-\d{4}$/),
      companyName: COMPANY,
      memberNumber: expect.stringMatching(/^TW/),
      facilityId: 'tw-shibuya',
      facilityName: 'TIMEWORK渋谷',
      spaceId: 'tw-shibuya-desk',
      spaceName: 'デスク席',
      status: 'checkedOut',
      start: '2026-11-24T11:00:00+09:00',
      end: '2026-11-24T12:00:00+09:00',
      options: [],
      salesLines: [
        {
          lineId: `reservation:${made.settled}/use`,
          companyName: COMPANY,
          memberNumber: settled.memberNumber,
          facilityId: 'tw-shibuya',
          spaceId: 'tw-shibuya-desk',
          item: 'reservedSpace',
          useDate: DAY,
          description: expect.stringContaining('60分'),
          unitPrice: 150,
          quantity: 4,
          unit: '15分',
          amount: 600,
          tax: 60,
          total: 660,
          reservationId: made.settled,
        },
      ],
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      bookingType: 'request',
      options: [{ optionId: 'coffee', name: 'コーヒー', quantity: 2 }],
      cancellationFee: made.cancellationFee,
      salesLines: [
        {
          lineId: `fee:${made.cancelled}/fee`,
          item: 'cancellationFee',
          useDate: '2026-11-26',
          amount: made.cancellationFee,
          reservationId: made.cancelled,
        },
      ],
    });
    expect(made.cancellationFee).toBeGreaterThan(0);
    expect(cancelled).not.toHaveProperty('companyName');
    expect(requested).toMatchObject({ status: 'requested', salesLines: [] });
    for (const item of answer.body.items) {
      expect(item).not.toHaveProperty('keypadCode');
      expect(item).not.toHaveProperty('keypad');
    }
    expectNoMember(answer.body);
  });

  it.each([
    ['the start date', `from=${DAY}&to=${DAY}`, ['settled']],
    ['another start date', 'from=2026-11-25&to=2026-11-25', ['requested']],
    ['a space', `${RANGE}&spaceId=tw-shibuya-room-a`, ['cancelled', 'requested']],
    ['the company', `${RANGE}&companyName=${encodeURIComponent(COMPANY)}`, ['settled']],
    ['a status', `${RANGE}&status=requested`, ['requested']],
    ['a status none has', `${RANGE}&status=noShow`, []],
  ])('narrows by %s', async (_, query, expected) => {
    const answer = await reservations(query);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual(expected.map((key) => made[key as 'settled' | 'cancelled' | 'requested']));
  });

  it('pages, answers every role of the partner, and never lists another partner’s', async () => {
    const first = await reservations(`${RANGE}&limit=2`);
    expect(ids(first)).toEqual([made.cancelled, made.requested]);
    const second = await reservations(`${RANGE}&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual([made.settled]);
    expect(second.body.nextCursor).toBeUndefined();
    const usage = await reservations(RANGE);
    for (const role of ['full', 'staff'] as const) {
      expect((await reservations(RANGE, tw(role))).body).toEqual(usage.body);
    }
    expect(ids(usage)).not.toContain(made.h1t);
    const h1t = operatorToken('op-h1t-usage', 'partner-h1t', 'usage');
    expect(ids(await reservations(RANGE, h1t))).toEqual([made.h1t]);
    expect((await reservations(`${RANGE}&facilityId=tw-shibuya`, h1t)).status).toBe(404);
  });
});

describe('the usage lists as CSV (Accept: text/csv)', () => {
  async function download(path: string, token: string) {
    const res = await fetch(`${api().url}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, lines: bytes.subarray(3).toString('utf8').split('\r\n') };
  }

  it.each([
    ['visits', visitsCsv.columns, `/v1/operator/usage/visits?${DAY_QUERY}`, regus('usage'), 2],
    ['guests', guestsCsv.columns, `/v1/operator/usage/guests?${DAY_QUERY}`, regus('staff'), 2],
    [
      'reservations',
      reservationsCsv.columns,
      `/v1/operator/usage/reservations?from=${DAY}&to=2026-11-26`,
      tw('usage'),
      3,
    ],
  ])(
    '%s: UTF-8 with a BOM, CRLF, the Japanese headers, one line per item, as an attachment',
    async (name, columns, path, token, rows) => {
      const { res, bytes, lines } = await download(path, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}.csv"`);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(lines[0]).toBe(columns.map((c) => c.header).join(','));
      expect(lines.at(-1)).toBe('');
      expect(lines.slice(1, -1)).toHaveLength(rows);
      for (const line of lines.slice(1, -1)) expect(line.split(',')).toHaveLength(columns.length);
      expect(bytes.toString('utf8')).not.toContain('"memberId"');
      for (const memberId of made.memberIds) expect(bytes.toString('utf8')).not.toContain(memberId);
    },
  );

  it('writes the rows as the partner site does: names, statuses in its words, its times, the money', async () => {
    const visitLines = (await download(`/v1/operator/usage/visits?${DAY_QUERY}`, regus('full'))).lines;
    const b = (await visits(DAY_QUERY)).body.items[0];
    expect(visitLines[1]).toBe(
      [
        '',
        'リージャス丸の内',
        'ラウンジ',
        '利用済',
        '2026/11/24 10:10',
        '2026/11/24 11:00',
        b.number,
        b.memberNumber,
        '1',
        '833',
        '83',
        '916',
      ].join(','),
    );
    expect(visitLines[2]?.startsWith(`${COMPANY},リージャス丸の内,ラウンジ,利用中,2026/11/24 10:00,,`)).toBe(true);
    const guestLines = (await download(`/v1/operator/usage/guests?${DAY_QUERY}&status=out`, regus('usage'))).lines;
    expect(guestLines[1]?.startsWith(`${COMPANY},リージャス丸の内,ラウンジ,2026/11/24 10:00,2026/11/24 10:30,V-`)).toBe(
      true,
    );
    expect(guestLines[1]?.endsWith(',g1,500,50,550')).toBe(true);
    const reservationLines = (await download(`/v1/operator/usage/reservations?from=${DAY}&to=${DAY}`, tw('usage')))
      .lines;
    expect(reservationLines[1]).toMatch(
      new RegExp(
        `^R-[\\d-]+,${COMPANY},TIMEWORK渋谷,デスク席,,利用済,2026/11/24 11:00,2026/11/24 12:00,2026/11/24 10:30,,TW\\d+,,600,60,660$`,
      ),
    );
    const cancelledLines = (
      await download(`/v1/operator/usage/reservations?from=2026-11-26&to=2026-11-26`, tw('usage'))
    ).lines;
    expect(cancelledLines[1]).toContain(',会議室A,キャンセル,キャンセル,2026/11/26 10:00,');
    expect(cancelledLines[1]).toContain(',コーヒー×2,');
  });

  it('answers the whole search whatever limit says, and refuses the same callers as JSON', async () => {
    expect((await download(`/v1/operator/usage/visits?${DAY_QUERY}&limit=1`, regus('usage'))).lines).toHaveLength(4);
    const refused = await download(`/v1/operator/usage/visits?${DAY_QUERY}&facilityId=regus-marunouchi`, kaikatsu);
    expect(refused.res.status).toBe(404);
    expect(refused.res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('bad queries', () => {
  it.each([
    ['no from', 'to=2026-11-24', 'query.from'],
    ['no to', 'from=2026-11-24', 'query.to'],
    ['from after to', 'from=2026-11-25&to=2026-11-24', 'query.from'],
    ['more than 366 days', 'from=2026-01-01&to=2027-01-02', 'query.to'],
    ['not a date', 'from=2026-11-31&to=2026-12-01', 'query.from'],
    ['limit 0', `${DAY_QUERY}&limit=0`, 'query.limit'],
    ['limit 101', `${DAY_QUERY}&limit=101`, 'query.limit'],
    ['an unknown status', `${DAY_QUERY}&status=checkedOut`, 'query.status'],
    ['an empty company', `${DAY_QUERY}&companyName=`, 'query.companyName'],
    ['a bad facility id', `${DAY_QUERY}&facilityId=${encodeURIComponent('a b')}`, 'query.facilityId'],
    ['an unknown field', `${DAY_QUERY}&memberId=m1`, 'query.memberId'],
  ])('%s is 400 naming the field', async (_, query, field) => {
    for (const path of ['/v1/operator/usage/visits', '/v1/operator/usage/guests', '/v1/operator/usage/reservations']) {
      if (path.endsWith('reservations') && field === 'query.status') continue;
      const answer = await api().get(`${path}?${query}`, path.endsWith('reservations') ? tw('usage') : regus('usage'));
      expect(answer.status, `${path}?${query}`).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('a reservation status is not a visit’s, and a visit’s not a reservation’s', async () => {
    expect((await reservations(`${DAY_QUERY}&status=in`)).status).toBe(400);
    expect((await reservations(`${DAY_QUERY}&status=checkedOut`)).status).toBe(200);
  });
});
