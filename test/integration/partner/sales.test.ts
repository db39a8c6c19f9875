/**
 * The partner's sales (api.md "Partner routes": `GET /v1/operator/sales`, `…/sales/summary`; 004 §3-2, §3-4): the
 * lines the ledger wrote at each chargeable event, listed by use date with filters and pages, as CSV with the
 * site's headers, and totalled by facility and day or calendar month from the totals kept beside them — to the full
 * and staff operators of the partner only.
 *
 * The sales of TIMEWORK渋谷 made here: a desk checkout (11-24), a desk no-show (11-24), a meeting room with two coffees
 * (11-25), a cancellation fee (on the reservation's date, 11-26) and a desk no-show on 12-01; Regus has a drop-in
 * visit (11-24) that TIMEWORK never sees.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { salesCsv } from '../../../contracts/csv/sales.v1';
import { SalesLedger } from '../../../lambdas/modules/ledger';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { commandsDuring, writesIn } from '../contract/support';
import { adminToken, memberToken, operatorToken } from '../support/local-stack';
import { h1t, member, partnerStack, tw } from './support';

const api = partnerStack();
const at = (date: string, time: string) => `${date}T${time}:00+09:00`;

const DESK = 'tw-shibuya-desk';
const ROOM = 'tw-shibuya-room-a';
const DOOR = 'tw-shibuya-door';
const COMPANY = '+Style株式会社';
const regus = operatorToken('op-regus-staff', 'partner-regus', 'staff');

interface Line {
  lineId: string;
  companyName: string | null;
  memberNumber: string;
  facilityId: string;
  facilityName: string;
  spaceId: string;
  spaceName: string;
  item: string;
  useDate: string;
  description: string;
  unitPrice: number;
  quantity: number;
  unit: string;
  amount: number;
  tax: number;
  total: number;
  reservationId?: string;
  visitId?: string;
}
interface Total {
  period: string;
  facilityId: string;
  amount: number;
  tax: number;
  total: number;
}

const ids = { checkout: '', noShow: '', room: '', fee: '', december: '', visit: '' };

const setClock = async (now: string) => expect((await api().post('/local/clock', { now })).status).toBe(200);

async function newMember() {
  const memberId = `m-${Math.random().toString(36).slice(2, 14)}`;
  expect((await api().post('/local/members', { memberId, plan: 'premium', contractStart: '2026-11-10' })).status).toBe(
    201,
  );
  return memberToken(memberId);
}

/** A member of a new company named `name` (by its corporate code): its bookings carry the company's name. */
async function corporateMember(name: string) {
  const company = await api().post('/v1/admin/companies', { name }, adminToken());
  expect(company.status, JSON.stringify(company.body)).toBe(201);
  const token = await newMember();
  const linked = await api().post('/v1/me/corporate-code', { code: company.body.corporateCode }, token);
  expect(linked.status, JSON.stringify(linked.body)).toBe(200);
  expect(linked.body.companyName).toBe(name);
  return token;
}

async function book(token: string, spaceId: string, start: string, end: string, extra: object = {}) {
  const answer = await api().post('/v1/reservations', { spaceId, start, end, ...extra }, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id as string;
}

async function atDoor(token: string, id: string, step: 'check-in' | 'checkout') {
  const answer = await api().post(`/v1/reservations/${id}/${step}`, { doorId: DOOR }, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

beforeAll(async () => {
  await setClock(at('2026-11-24', '09:00'));
  const corporate = await corporateMember(COMPANY);
  const individual = await newMember();
  ids.checkout = await book(corporate, DESK, at('2026-11-24', '10:00'), at('2026-11-24', '11:00'));
  ids.noShow = await book(individual, DESK, at('2026-11-24', '12:00'), at('2026-11-24', '13:30'));
  ids.room = await book(corporate, ROOM, at('2026-11-25', '10:00'), at('2026-11-25', '11:00'), {
    options: [{ optionId: 'coffee', quantity: 2 }],
  });
  ids.fee = await book(individual, ROOM, at('2026-11-26', '10:00'), at('2026-11-26', '11:00'));
  ids.december = await book(individual, DESK, at('2026-12-01', '10:00'), at('2026-12-01', '10:30'));
  for (const id of [ids.room, ids.fee]) {
    const approved = await api().post(`/v1/operator/booking-requests/${id}/approve`, {}, tw('full'));
    expect(approved.body.status).toBe('confirmed');
  }
  // two days before: 30 % of 2,000 yen, on the reservation's date
  expect((await api().post(`/v1/reservations/${ids.fee}/cancel`, {}, individual)).body.cancellationFee).toBe(600);

  await setClock(at('2026-11-24', '10:00'));
  await atDoor(corporate, ids.checkout, 'check-in');
  const visitor = await newMember();
  const visit = await api().post('/v1/visits', { qrValue: 'QR-REGUS-MARUNOUCHI' }, visitor);
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  ids.visit = visit.body.id;
  await setClock(at('2026-11-24', '10:20'));
  await atDoor(corporate, ids.checkout, 'checkout');
  expect(
    (await api().post(`/v1/visits/${ids.visit}/checkout`, { qrValue: 'QR-REGUS-MARUNOUCHI' }, visitor)).status,
  ).toBe(200);
  await setClock(at('2026-11-24', '13:35'));

  await setClock(at('2026-11-25', '10:00'));
  await atDoor(corporate, ids.room, 'check-in');
  await setClock(at('2026-11-25', '10:50'));
  await atDoor(corporate, ids.room, 'checkout');
  // the December desk: a no-show at its end
  await setClock(at('2026-12-01', '10:40'));
  expect((await api().get(`/v1/reservations/${ids.december}`, individual)).body.status).toBe('noShow');
});

const RANGE = 'from=2026-11-01&to=2026-12-31';
const list = async (query: string, token = tw('staff')) => api().get(`/v1/operator/sales?${query}`, token);
const lines = async (query: string, token = tw('staff')): Promise<Line[]> => {
  const answer = await list(query, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.items;
};
const lineIds = (items: readonly Line[]) => items.map((l) => l.lineId);

describe('GET /v1/operator/sales', () => {
  it('lists the partner’s lines of the range by use date, each with its party, names, money and event', async () => {
    const items = await lines(RANGE);
    expect(items.map((l) => l.useDate)).toEqual([
      '2026-11-24',
      '2026-11-24',
      '2026-11-25',
      '2026-11-25',
      '2026-11-26',
      '2026-12-01',
    ]);
    expect(new Set(lineIds(items)).size).toBe(items.length);
    expect(items.find((l) => l.lineId === `reservation:${ids.checkout}/use`)).toEqual({
      lineId: `reservation:${ids.checkout}/use`,
      companyName: COMPANY,
      memberNumber: expect.stringMatching(/^TW9/),
      facilityId: 'tw-shibuya',
      facilityName: 'TIMEWORK渋谷',
      spaceId: DESK,
      spaceName: 'デスク席',
      item: 'reservedSpace',
      useDate: '2026-11-24',
      description: 'デスク席 60分',
      unitPrice: 150,
      quantity: 4,
      unit: '15分',
      amount: 600,
      tax: 60,
      total: 660,
      reservationId: ids.checkout,
    });
    expect(items.filter((l) => l.reservationId === ids.room)).toEqual([
      expect.objectContaining({ lineId: `reservation:${ids.room}/use`, item: 'meetingRoom', amount: 2000 }),
      expect.objectContaining({
        lineId: `reservation:${ids.room}/option:coffee`,
        item: 'option',
        spaceName: '会議室A',
        description: 'コーヒー',
        unitPrice: 300,
        quantity: 2,
        amount: 600,
        tax: 60,
        total: 660,
      }),
    ]);
    expect(items.find((l) => l.item === 'cancellationFee')).toMatchObject({
      lineId: `fee:${ids.fee}/fee`,
      useDate: '2026-11-26',
      reservationId: ids.fee,
      companyName: null,
      amount: 600,
    });
    expect(JSON.stringify(items)).not.toMatch(/memberId|m-[a-z0-9]{12}/);
  });

  it.each([
    ['facilityId=tw-shibuya', 6],
    [`spaceId=${DESK}`, 3],
    [`spaceId=${ROOM}`, 3],
    ['item=option', 1],
    ['item=cancellationFee', 1],
    ['item=reservedSpace', 3],
    ['item=openSpace', 0],
    [`facilityId=tw-shibuya&spaceId=${ROOM}&item=meetingRoom`, 1],
  ])('filters by %s', async (filter, count) => {
    const all = await lines(RANGE);
    const items = await lines(`${RANGE}&${filter}`);
    expect(items).toHaveLength(count);
    const wanted = Object.fromEntries(new URLSearchParams(filter));
    for (const line of items) expect(line).toMatchObject(wanted);
    // the same lines, in the same order, as the unfiltered list
    expect(lineIds(items)).toEqual(lineIds(all).filter((id) => lineIds(items).includes(id)));
  });

  it('takes use dates inclusive at both ends', async () => {
    expect((await lines('from=2026-11-25&to=2026-11-25')).map((l) => l.reservationId)).toEqual([ids.room, ids.room]);
    expect(await lines('from=2026-11-26&to=2026-11-30')).toHaveLength(1);
    expect(await lines('from=2026-10-01&to=2026-11-23')).toEqual([]);
  });

  it('pages with limit and cursor, a record’s lines split over pages, every line once and in order', async () => {
    const all = await lines(RANGE);
    for (const limit of [1, 3, 4, 6]) {
      const seen: Line[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const answer = await list(`${RANGE}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(answer.status).toBe(200);
        expect(answer.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...answer.body.items);
        cursor = answer.body.nextCursor;
        pages++;
      } while (cursor);
      expect(lineIds(seen), `limit ${limit}`).toEqual(lineIds(all));
      expect(pages, `limit ${limit}`).toBe(Math.ceil(all.length / limit));
    }
    // filters page alike
    const page = await list(`${RANGE}&spaceId=${ROOM}&limit=2`);
    expect(page.body.items).toHaveLength(2);
    const rest = await list(`${RANGE}&spaceId=${ROOM}&limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((l: Line) => l.item)).toEqual(['cancellationFee']);
    expect(rest.body.nextCursor).toBeUndefined();
  });

  it('refuses a cursor it did not make, or one of another range, naming it', async () => {
    const page = await list(`${RANGE}&limit=2`);
    for (const query of [
      `${RANGE}&cursor=bm90LWEtY3Vyc29y`,
      `${RANGE}&cursor=${Buffer.from(JSON.stringify(['2026-11-24#reservation:x', '-1'])).toString('base64url')}`,
      `from=2026-12-01&to=2026-12-31&cursor=${page.body.nextCursor}`,
    ]) {
      const answer = await list(query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.cursor']);
    }
  });

  it('lets the full and staff roles read; the usage role and members are 403', async () => {
    expect((await list(RANGE, tw('full'))).status).toBe(200);
    expect((await list(RANGE, tw('staff'))).status).toBe(200);
    for (const token of [tw('usage'), member]) {
      const refused = await list(RANGE, token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
  });

  it('is 404 for another partner’s facility or space, and never lists another partner’s lines', async () => {
    for (const query of [`facilityId=tw-shibuya`, `spaceId=${DESK}`, 'facilityId=no-such-facility']) {
      const answer = await list(`${RANGE}&${query}`, h1t('full'));
      expect(answer.status, query).toBe(404);
      expect(answer.body.code).toBe('NOT_FOUND');
    }
    expect((await list(`${RANGE}&spaceId=regus-marunouchi-lounge`)).status).toBe(404);
    expect(await lines(RANGE, h1t('staff'))).toEqual([]);
    const theirs = await lines(RANGE, regus);
    expect(theirs).toEqual([
      expect.objectContaining({
        lineId: `visit:${ids.visit}/member`,
        item: 'openSpace',
        facilityName: 'リージャス丸の内',
        spaceName: 'ラウンジ',
        visitId: ids.visit,
      }),
    ]);
    const ours = lineIds(await lines(RANGE));
    expect(ours.some((id) => id.startsWith('visit:'))).toBe(false);
    expect(lineIds(theirs).some((id) => ours.includes(id))).toBe(false);
  });

  it.each([
    ['item=snacks', ['query.item']],
    ['from=2026-02-30&to=2026-03-01', ['query.from']],
    ['from=tomorrow&to=2026-12-31', ['query.from']],
    ['from=2026-12-01&to=2026-11-01', ['query.from', 'query.to']],
    ['from=2026-01-01&to=2027-01-02', ['query.to']],
    ['to=2026-12-31', ['query.from']],
    ['from=2026-11-01', ['query.to']],
    ['limit=0', ['query.limit']],
    ['limit=101', ['query.limit']],
    ['facilityId=a%20b', ['query.facilityId']],
  ])('refuses %s with 400 naming %j, writing nothing', async (query, fields) => {
    const full = query.includes('from=') || query.includes('to=') ? query : `${RANGE}&${query}`;
    const { result, commands } = await commandsDuring(() => list(full, tw('full')));
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(result.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
    expect(writesIn(commands)).toEqual([]);
  });

  it('takes a range of a year, a leap day included (366 days)', async () => {
    expect((await list('from=2027-03-01&to=2028-02-29')).status).toBe(200);
    expect((await list('from=2027-03-01&to=2028-03-01')).status).toBe(400);
  });
});

describe('the sales lines as CSV (Accept: text/csv)', () => {
  const HEADERS = salesCsv.columns.map((c) => c.header);

  async function download(query: string, token = tw('staff'), accept = 'text/csv') {
    const res = await fetch(`${api().url}/v1/operator/sales?${query}`, {
      headers: { authorization: `Bearer ${token}`, accept },
    });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  }
  const linesOf = (bytes: Buffer) => bytes.subarray(3).toString('utf8').split('\r\n');

  it('is UTF-8 with a BOM, CRLF, the site’s headers and one line per sales line, as an attachment', async () => {
    const { res, bytes } = await download(RANGE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sales.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = linesOf(bytes);
    expect(csv[0]).toBe(HEADERS.join(','));
    expect(csv[0]).toBe(
      '利用企業,TIMEWORK会員番号,施設名,スペース名,売上品目,利用日,利用内容,単価,数量,金額(税別),消費税,金額(税込)',
    );
    expect(csv.at(-1)).toBe('');
    const rows = csv.slice(1, -1);
    expect(rows).toHaveLength((await lines(RANGE)).length);
    const option = (await lines(`${RANGE}&item=option`))[0] as Line;
    // the company name starts with + : written as text (CWE-1236)
    expect(rows).toContain(
      `'${COMPANY},${option.memberNumber},TIMEWORK渋谷,会議室A,オプション利用料,2026/11/25,コーヒー,300,2,600,60,660`,
    );
    expect(rows.at(-1)).toMatch(
      /^,TW9\d+,TIMEWORK渋谷,デスク席,予約スペース利用料,2026\/12\/01,デスク席 30分,150,2,300,30,330$/,
    );
  });

  it('holds the filtered range whole (limit and cursor are for pages), and answers JSON without the header', async () => {
    const { bytes } = await download(`${RANGE}&spaceId=${DESK}&limit=1`);
    expect(linesOf(bytes).slice(1, -1)).toHaveLength(3);
    const json = await download(RANGE, tw('staff'), 'application/json');
    expect(json.res.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(json.bytes.toString('utf8')).items).toHaveLength(6);
  });

  it('is refused to the usage role (403) and for another partner’s facility (404), as problem+json', async () => {
    const usage = await download(RANGE, tw('usage'));
    expect(usage.res.status).toBe(403);
    expect(usage.res.headers.get('content-type')).toContain('application/problem+json');
    const theirs = await download(`${RANGE}&facilityId=tw-shibuya`, h1t('full'));
    expect(theirs.res.status).toBe(404);
  });
});

describe('GET /v1/operator/sales/summary', () => {
  const summary = async (query: string, token = tw('staff')) => api().get(`/v1/operator/sales/summary?${query}`, token);
  const totals = async (query: string, token = tw('staff')): Promise<Total[]> => {
    const answer = await summary(query, token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.items;
  };

  /** The lines of a range summed by period (`periodOf` a use date) and facility, in the summary's order. */
  const sumOf = (items: readonly Line[], periodOf: (useDate: string) => string): Total[] => {
    const sums = new Map<string, Total>();
    for (const line of items) {
      const period = periodOf(line.useDate);
      const key = `${period}#${line.facilityId}`;
      const sum = sums.get(key) ?? { period, facilityId: line.facilityId, amount: 0, tax: 0, total: 0 };
      sums.set(key, {
        ...sum,
        amount: sum.amount + line.amount,
        tax: sum.tax + line.tax,
        total: sum.total + line.total,
      });
    }
    return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, total]) => total);
  };

  it('totals each day with sales, equal to the sum of the lines of the same range', async () => {
    const days = await totals(`unit=day&${RANGE}`);
    expect(days).toEqual(sumOf(await lines(RANGE), (date) => date));
    expect(days).toEqual([
      { period: '2026-11-24', facilityId: 'tw-shibuya', amount: 1500, tax: 150, total: 1650 },
      { period: '2026-11-25', facilityId: 'tw-shibuya', amount: 2600, tax: 260, total: 2860 },
      { period: '2026-11-26', facilityId: 'tw-shibuya', amount: 600, tax: 60, total: 660 },
      { period: '2026-12-01', facilityId: 'tw-shibuya', amount: 300, tax: 30, total: 330 },
    ]);
    expect(await totals('unit=day&from=2026-11-25&to=2026-11-26&facilityId=tw-shibuya')).toEqual(
      sumOf(await lines('from=2026-11-25&to=2026-11-26'), (date) => date),
    );
  });

  it('totals calendar months, equal to the sum of the lines of the months', async () => {
    const months = await totals(`unit=month&${RANGE}`);
    expect(months).toEqual(sumOf(await lines(RANGE), (date) => date.slice(0, 7)));
    expect(months.map((m) => [m.period, m.amount])).toEqual([
      ['2026-11', 4700],
      ['2026-12', 300],
    ]);
    expect(await totals('unit=month&from=2026-12-01&to=2026-12-31&facilityId=tw-shibuya')).toEqual([
      { period: '2026-12', facilityId: 'tw-shibuya', amount: 300, tax: 30, total: 330 },
    ]);
  });

  it('lists every facility of the partner with sales, and only the partner’s', async () => {
    const theirs = await totals(`unit=month&${RANGE}`, regus);
    expect(theirs).toEqual(sumOf(await lines(RANGE, regus), (date) => date.slice(0, 7)));
    expect(theirs.map((t) => t.facilityId)).toEqual(['regus-marunouchi']);
    expect(await totals(`unit=month&${RANGE}`, h1t('full'))).toEqual([]);
  });

  it('lets full and staff read; usage and members 403; another partner’s facility 404', async () => {
    expect((await summary(`unit=day&${RANGE}`, tw('full'))).status).toBe(200);
    for (const token of [tw('usage'), member]) expect((await summary(`unit=day&${RANGE}`, token)).status).toBe(403);
    const theirs = await summary(`unit=day&${RANGE}&facilityId=tw-shibuya`, h1t('staff'));
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('NOT_FOUND');
  });

  it.each([
    ['unit=week&from=2026-11-01&to=2026-11-30', ['query.unit']],
    ['from=2026-11-01&to=2026-11-30', ['query.unit']],
    ['unit=day&from=2026-11-31&to=2026-12-01', ['query.from']],
    ['unit=day&from=2026-11-30&to=2026-11-01', ['query.from', 'query.to']],
    ['unit=day&from=2026-01-01&to=2027-01-02', ['query.to']],
    ['unit=month&from=2026-11-02&to=2026-11-30', ['query.from']],
    ['unit=month&from=2026-11-01&to=2026-11-29', ['query.to']],
    ['unit=month&from=2026-12-01&to=2026-11-30', ['query.from', 'query.to']],
    ['unit=month&from=2026-01-01&to=2029-01-31', ['query.to']],
    ['unit=day&from=2026-11-01&to=2026-11-30&item=option', ['query.item']],
  ])('refuses %s with 400 naming %j, writing nothing', async (query, fields) => {
    const { result, commands } = await commandsDuring(() => summary(query, tw('full')));
    expect(result.status).toBe(400);
    expect([...new Set(result.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(fields);
    expect(writesIn(commands)).toEqual([]);
  });
});

describe('the ledger’s read of lines (SalesLedger.lines)', () => {
  const ledger = () => {
    const { doc, tableName } = tableContext();
    return new SalesLedger(doc, tableName);
  };
  const filter = { from: '2026-11-01', to: '2026-12-31' };
  const idsOf = (read: { lines: { record: { recordId: string }; line: { lineId: string } }[] }) =>
    read.lines.map((l) => `${l.record.recordId}/${l.line.lineId}`);

  it('stops after its queries run out, and resumes after the last record read', async () => {
    const all = idsOf(await ledger().lines('partner-tw', filter, { max: 100, maxQueries: 10 }));
    expect(all).toHaveLength(6);
    const seen: string[] = [];
    let after: Awaited<ReturnType<SalesLedger['lines']>>['next'];
    let reads = 0;
    do {
      const read = await ledger().lines('partner-tw', filter, { max: 100, maxQueries: 2, recordsPerQuery: 1 }, after);
      // two queries of one record: at most two records' lines
      expect(new Set(read.lines.map((l) => l.record.recordId)).size).toBeLessThanOrEqual(2);
      seen.push(...idsOf(read));
      after = read.next;
      reads++;
    } while (after && reads < 10);
    expect(after).toBeUndefined();
    expect(seen).toEqual(all);
  });

  it('skips what the facility, space and item filters leave out across queries', async () => {
    const read = await ledger().lines(
      'partner-tw',
      { ...filter, spaceId: ROOM, item: 'option' },
      { max: 100, maxQueries: 10, recordsPerQuery: 1 },
    );
    expect(idsOf(read)).toEqual([`reservation:${ids.room}/option:coffee`]);
    expect(read.next).toBeUndefined();
  });
});
