/**
 * Settlement on the local stack (api.md "Settlement", domain-rules §7, 004 資料1): the back office records what
 * companies paid and offsets per period; on a period's issue day the settlement job (run at every clock move here)
 * issues one payment notice per partner with lines in the period, each company's payment shared over the partners by
 * what each billed it, at the partner's rate, less its offsets; partners read their own. Exactly one notice per partner
 * and period, however often the job runs and after a run that failed half-way.
 *
 * Period 2026-12 (2026-11-21 … 12-20, issued 2027-02-01, due 02-26): on 2026-11-24 company A's member leaves 600 yen
 * at TIMEWORK渋谷 and 800 at H1T九段下, company B's member 600 at TIMEWORK, an individual member 600 at TIMEWORK (all
 * no-shows: the reserved time is billed). Period 2027-01 (issued 2027-03-01): on 2026-12-22 A's member leaves 800 at
 * H1T and 500 at the Regus lounge (a 30-minute visit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAME } from '../../../lambdas/domain/model';
import { SalesLedger } from '../../../lambdas/modules/ledger';
import {
  CompanyPaymentRepository,
  NoticeRecordsRepository,
  SettlementRunRepository,
  settlementDeps,
  settlePeriods,
} from '../../../lambdas/modules/settlement';
import { japaneseDate, NOTICE_TITLE, yen } from '../../../lambdas/modules/settlement/rules/notice-document';
import { markNoticePaid } from '../../../lambdas/modules/settlement/service';
import { handler as settlePeriodsHandler } from '../../../lambdas/modules/settlement/steps/settle-periods';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { lambdaContext } from '../../../lib/local/lambda-context';
import type { LocalStack } from '../../../lib/local/stack';
import { readPdf } from '../../fixtures/pdf';
import { at, memberWithoutPlan, newMember } from '../booking/fixtures';
import { adminToken, client, memberToken, operatorToken, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof client>;
const admin = adminToken();
const twFull = operatorToken('op-tw-full', 'partner-tw', 'full');
const twStaff = operatorToken('op-tw-staff', 'partner-tw', 'staff');
const twUsage = operatorToken('op-tw-usage', 'partner-tw', 'usage');
const h1tFull = operatorToken('op-h1t-full', 'partner-h1t', 'full');
const regusFull = operatorToken('op-regus-full', 'partner-regus', 'full');

const DAY = '2026-11-24';
const NEXT_PERIOD_DAY = '2026-12-22';

beforeAll(async () => {
  stack = await startTestStack(at(DAY, '09:00'));
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const setClock = async (now: string) => {
  const answer = await api.post('/local/clock', { now });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
};
const table = () => tableContext();
const ledger = () => new SalesLedger(table().doc, table().tableName);
const notice = (id: string, token: string) => api.get(`/v1/operator/payment-notices/${encodeURIComponent(id)}`, token);
const notices = async (token: string, query = '') => {
  const answer = await api.get(`/v1/operator/payment-notices${query}`, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { items: Array<Record<string, unknown> & { id: string }>; nextCursor?: string };
};
const pay = (companyId: string, month: string, amount: number, key?: string) =>
  api.post('/v1/admin/company-payments', { companyId, month, amount }, admin, key ? { 'idempotency-key': key } : {});
const offset = (partnerId: string, month: string, amount: number, reason = '清掃不備') =>
  api.post(`/v1/admin/partners/${partnerId}/offsets`, { month, amount, reason }, admin);

async function company(name: string) {
  const made = await api.post('/v1/admin/companies', { name }, admin);
  expect(made.status).toBe(201);
  return made.body as { companyId: string; corporateCode: string };
}

async function corporateMember(code: string) {
  const member = await memberWithoutPlan(api);
  const linked = await api.post('/v1/me/corporate-code', { code }, member.token);
  expect(linked.body.plan).toBe('corporate');
  return member;
}

async function book(token: string, spaceId: string, date: string, from: string, to: string) {
  const answer = await api.post('/v1/reservations', { spaceId, start: at(date, from), end: at(date, to) }, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id as string;
}

let a: { companyId: string; corporateCode: string };
let b: { companyId: string; corporateCode: string };
let memberA: { memberId: string; token: string };

describe('company payments and offsets (back office)', () => {
  it('are recorded for a period, once per Idempotency-Key', async () => {
    a = await company('株式会社エー');
    b = await company('株式会社ビー');
    const first = await pay(a.companyId, '2026-12', 1000, 'pay-a-2026-12');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toEqual({
      paymentId: expect.any(String),
      companyId: a.companyId,
      companyName: '株式会社エー',
      month: '2026-12',
      amount: 1000,
      recordedAt: '2026-11-24T09:00:00+09:00',
    });
    expect(await pay(a.companyId, '2026-12', 1000, 'pay-a-2026-12')).toEqual(first);
    expect((await pay(b.companyId, '2026-12', 400)).status).toBe(201);
    expect((await pay(b.companyId, '2026-12', 200)).status).toBe(201);
    expect((await pay(a.companyId, '2027-01', 1000)).status).toBe(201);
    const stored = await new CompanyPaymentRepository(table().doc, table().tableName).ofPeriod('2026-12');
    expect(stored.map((p) => [p.companyId, p.amount, p.recordedBy]).sort()).toEqual(
      [
        [a.companyId, 1000, 'admin-1'],
        [b.companyId, 400, 'admin-1'],
        [b.companyId, 200, 'admin-1'],
      ].sort(),
    );

    const made = await offset('partner-tw', '2026-12', 300);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toEqual({
      offsetId: expect.any(String),
      partnerId: 'partner-tw',
      month: '2026-12',
      amount: 300,
      reason: '清掃不備',
      recordedAt: '2026-11-24T09:00:00+09:00',
    });
    // more than H1T's payout: carried over to its next notice
    expect((await offset('partner-h1t', '2026-12', 1000, 'ペナルティ')).status).toBe(201);
    // Regus has no lines in 2026-12: its offset is settled by its next notice
    expect((await offset('partner-regus', '2026-12', 100)).status).toBe(201);
  });

  it('refuse an unknown company or partner with 404, writing nothing', async () => {
    expect(await pay('no-such-company', '2026-12', 1000)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await offset('no-such-partner', '2026-12', 100)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const stored = await new CompanyPaymentRepository(table().doc, table().tableName).ofPeriod('2026-12');
    expect(stored).toHaveLength(3);
  });
});

describe('the lines of two periods', () => {
  it('2026-12: no-shows of company A at TIMEWORK and H1T, of company B and an individual at TIMEWORK', async () => {
    memberA = await corporateMember(a.corporateCode);
    const memberB = await corporateMember(b.corporateCode);
    const individual = await newMember(api, 'premium');
    const ids = [
      // TIMEWORK渋谷's desk: 150 yen per 15 minutes → 600 an hour; H1T's box: 200 → 800
      await book(memberA.token, 'tw-shibuya-desk', DAY, '10:00', '11:00'),
      await book(memberA.token, 'h1t-kudanshita-box', DAY, '11:00', '12:00'),
      await book(memberB.token, 'tw-shibuya-desk', DAY, '11:00', '12:00'),
      await book(individual.token, 'tw-shibuya-desk', DAY, '12:00', '13:00'),
    ];
    await setClock(at(DAY, '13:10'));
    const records = await Promise.all(ids.map((id) => ledger().get(`reservation:${id}`)));
    expect(records.map((r) => [r?.partnerId, r?.companyId, r?.lines[0]?.amount])).toEqual([
      ['partner-tw', a.companyId, 600],
      ['partner-h1t', a.companyId, 800],
      ['partner-tw', b.companyId, 600],
      ['partner-tw', null, 600],
    ]);
  });

  it('2027-01: company A at H1T (a no-show) and the Regus lounge (30 minutes)', async () => {
    await setClock(at(NEXT_PERIOD_DAY, '09:00'));
    const id = await book(memberA.token, 'h1t-kudanshita-box', NEXT_PERIOD_DAY, '11:00', '12:00');
    await setClock(at(NEXT_PERIOD_DAY, '10:00'));
    const visit = await api.post('/v1/visits', { qrValue: 'QR-REGUS-MARUNOUCHI' }, memberA.token);
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    await setClock(at(NEXT_PERIOD_DAY, '10:30'));
    const out = await api.post(
      `/v1/visits/${visit.body.id}/checkout`,
      { qrValue: 'QR-REGUS-MARUNOUCHI' },
      memberA.token,
    );
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    await setClock(at(NEXT_PERIOD_DAY, '12:10'));
    expect((await ledger().get(`reservation:${id}`))?.lines[0]?.amount).toBe(800);
    expect((await ledger().get(`visit:${visit.body.id}`))?.lines[0]?.amount).toBe(500);
  });
});

describe('the notices of 2026-12', () => {
  it('are not issued before their issue day', async () => {
    await setClock('2027-01-31T23:59:00+09:00');
    expect((await notices(twFull)).items).toEqual([]);
    expect((await notices(h1tFull)).items).toEqual([]);
  });

  it('are issued on 2027-02-01, one per partner with lines: amounts, dates, offsets', async () => {
    await setClock('2027-02-01T00:30:00+09:00');
    const tw = await notice('partner-tw:2026-12', twFull);
    expect(tw.status, JSON.stringify(tw.body)).toBe(200);
    expect(tw.body).toEqual({
      id: 'partner-tw:2026-12',
      partnerId: 'partner-tw',
      period: { from: '2026-11-21', to: '2026-12-20' },
      issuedAt: '2027-02-01T00:30:00+09:00',
      dueDate: '2027-02-26',
      // three lines of 600 (the individual's too)
      gross: 1800,
      // A's 1,000 shared 600 : 800 with H1T → 428.57 + the yen left over → 429; B's 400 + 200 whole
      paidByCompanies: 1029,
      ratePercent: 70,
      // 1029 × 70 % = 720.3 → 720
      payout: 720,
      offsetsDue: 300,
      offsets: 300,
      net: 420,
      carriedOver: 0,
      status: 'issued',
    });
    const h1t = await notice('partner-h1t:2026-12', h1tFull);
    expect(h1t.body).toMatchObject({
      gross: 800,
      paidByCompanies: 571,
      ratePercent: 70,
      // 571 × 70 % = 399.7 → 399; the 1,000 offset takes all of it and 601 is carried over
      payout: 399,
      offsetsDue: 1000,
      offsets: 399,
      net: 0,
      carriedOver: 601,
      issuedAt: '2027-02-01T00:30:00+09:00',
      dueDate: '2027-02-26',
    });
    // A's payment is shared whole between the two partners
    expect(tw.body.paidByCompanies - 600 + h1t.body.paidByCompanies).toBe(1000);
    // the notice keeps the records it pays
    const recordIds = await new NoticeRecordsRepository(table().doc, table().tableName).recordIdsOf(
      'partner-tw:2026-12',
    );
    expect(recordIds).toHaveLength(3);
    expect(recordIds.every((id) => id.startsWith('reservation:'))).toBe(true);
  });

  it('are none for a partner without lines in the period', async () => {
    expect((await notices(regusFull)).items).toEqual([]);
    expect((await notice('partner-regus:2026-12', regusFull)).status).toBe(404);
    expect((await notices(operatorToken('op-kaikatsu-full', 'partner-kaikatsu', 'full'))).items).toEqual([]);
  });

  it('are issued once however often the job runs', async () => {
    const before = { tw: await notices(twFull), h1t: await notices(h1tFull) };
    expect(before.tw.items.map((n) => n.id)).toEqual(['partner-tw:2026-12']);
    const again = await settlePeriodsHandler({}, lambdaContext('settle-periods'));
    expect(again).toMatchObject({ issued: 0, periods: [] });
    await setClock('2027-02-01T01:30:00+09:00');
    await setClock('2027-02-02T09:00:00+09:00');
    expect(await notices(twFull)).toEqual(before.tw);
    expect(await notices(h1tFull)).toEqual(before.h1t);
  });

  it('close the period: a payment or offset for it is refused with 409, the next period still takes them', async () => {
    const late = await pay(a.companyId, '2026-12', 500);
    expect(late).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect(late.body.detail).toContain('2026-12');
    expect(await offset('partner-tw', '2026-12', 100)).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect(await offset('partner-tw', '2026-11', 100)).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await pay(a.companyId, '2027-01', 0)).status).toBe(400);
    const stored = await new CompanyPaymentRepository(table().doc, table().tableName).ofPeriod('2026-12');
    expect(stored).toHaveLength(3);
  });

  it('are read by full and staff operators of their partner only', async () => {
    expect((await notice('partner-tw:2026-12', twStaff)).status).toBe(200);
    expect((await notices(twStaff)).items).toHaveLength(1);
    expect(await notice('partner-tw:2026-12', twUsage)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await api.get('/v1/operator/payment-notices', twUsage)).status).toBe(403);
    expect((await api.get('/v1/operator/payment-notices', memberA.token)).status).toBe(403);
    expect((await api.get('/v1/operator/payment-notices', memberToken('member-basic'))).status).toBe(403);
    // another partner's notice is 404, as one that does not exist
    for (const token of [h1tFull, regusFull, operatorToken('op-h1t-staff', 'partner-h1t', 'staff')]) {
      const theirs = await notice('partner-tw:2026-12', token);
      expect(theirs).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(JSON.stringify(theirs.body)).not.toContain('1029');
    }
    expect((await notice('partner-tw:2027-01', twFull)).status).toBe(404);
    // the id in the path as typed (a colon) and percent-encoded read the same notice
    expect((await api.get('/v1/operator/payment-notices/partner-tw:2026-12', twFull)).body.id).toBe(
      'partner-tw:2026-12',
    );
    expect((await api.get('/v1/operator/payment-notices/partner-tw', twFull)).status).toBe(400);
  });
});

describe('the notices of 2027-01', () => {
  const FAILED_RUN_AT = Date.parse('2027-03-01T00:10:00+09:00');

  it('are issued partner by partner: a run that fails after the first leaves the rest to the next run', async () => {
    const real = settlementDeps();
    let writes = 0;
    const failing = {
      ...real,
      write: async (items: Parameters<typeof real.write>[0]) => {
        writes++;
        if (writes === 2) throw new Error('the table went away');
        return real.write(items);
      },
    };
    await expect(settlePeriods(failing, FAILED_RUN_AT)).rejects.toThrow('the table went away');
    // H1T (first in partner order) has its notice; Regus none; the period's run is not done
    expect((await notice('partner-h1t:2027-01', h1tFull)).status).toBe(200);
    expect((await notice('partner-regus:2027-01', regusFull)).status).toBe(404);
    const runs = await new SettlementRunRepository(table().doc, table().tableName).statuses('2026-12', '2027-01');
    expect(Object.fromEntries(runs)).toEqual({ '2026-12': 'issued', '2027-01': 'issuing' });
    // payments and offsets for the period are refused from the run's start
    expect(await pay(a.companyId, '2027-01', 100)).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
  });

  it('the next run issues the rest once, and carries offsets over', async () => {
    const h1tBefore = (await notice('partner-h1t:2027-01', h1tFull)).body;
    await setClock('2027-03-01T00:30:00+09:00');
    const regus = await notice('partner-regus:2027-01', regusFull);
    expect(regus.status, JSON.stringify(regus.body)).toBe(200);
    expect(regus.body).toMatchObject({
      period: { from: '2026-12-21', to: '2027-01-20' },
      issuedAt: '2027-03-01T00:30:00+09:00',
      dueDate: '2027-03-31',
      gross: 500,
      // A's 1,000 shared 800 : 500 → H1T 615.38 → 615, Regus 384.62 → 385 (the yen left over)
      paidByCompanies: 385,
      // 385 × 70 % = 269.5 → 269; the 100 of 2026-12 (no notice then) is settled now
      payout: 269,
      offsetsDue: 100,
      offsets: 100,
      net: 169,
      carriedOver: 0,
    });
    const h1t = await notice('partner-h1t:2027-01', h1tFull);
    // unchanged by the second run: issued by the first, at its time
    expect(h1t.body).toEqual(h1tBefore);
    expect(h1t.body).toMatchObject({
      issuedAt: '2027-03-01T00:10:00+09:00',
      gross: 800,
      paidByCompanies: 615,
      // 615 × 70 % = 430.5 → 430, less the 601 carried over from 2026-12: 430 applied, 171 carried on
      payout: 430,
      offsetsDue: 601,
      offsets: 430,
      net: 0,
      carriedOver: 171,
    });
    // TIMEWORK has no lines in 2027-01: no notice
    expect((await notices(twFull)).items.map((n) => n.id)).toEqual(['partner-tw:2026-12']);
    const runs = await new SettlementRunRepository(table().doc, table().tableName).statuses('2027-01', '2027-01');
    expect(runs.get('2027-01')).toBe('issued');
    // and once more: nothing new
    expect(await settlePeriodsHandler({}, lambdaContext('settle-periods'))).toMatchObject({ issued: 0, periods: [] });
    expect((await notices(regusFull)).items).toHaveLength(1);
  });

  it('list newest first, a page at a time', async () => {
    const all = await notices(h1tFull);
    expect(all.items.map((n) => n.id)).toEqual(['partner-h1t:2027-01', 'partner-h1t:2026-12']);
    expect(all.nextCursor).toBeUndefined();
    const first = await notices(h1tFull, '?limit=1');
    expect(first.items.map((n) => n.id)).toEqual(['partner-h1t:2027-01']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await notices(h1tFull, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.id)).toEqual(['partner-h1t:2026-12']);
    expect(second.nextCursor).toBeUndefined();
    const bad = await api.get('/v1/operator/payment-notices?cursor=bm90LWEtY3Vyc29y', h1tFull);
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});

describe("a notice's usage lines and offsets (004 §3-5 ③④)", () => {
  type Line = Record<string, unknown> & { lineId: string; amount: number; useDate: string };
  const path = (id: string, list: 'lines' | 'offsets', query = '') =>
    `/v1/operator/payment-notices/${encodeURIComponent(id)}/${list}${query}`;
  const linesOf = async (id: string, token: string, query = '') => {
    const answer = await api.get(path(id, 'lines', query), token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as { items: Line[]; nextCursor?: string };
  };
  const offsetsOf = async (id: string, token: string) => {
    const answer = await api.get(path(id, 'offsets'), token);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return (answer.body as { items: Array<Record<string, unknown>> }).items;
  };
  async function download(id: string, list: 'lines' | 'offsets', token = twStaff) {
    const res = await fetch(`${stack.url}${path(id, list)}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, csv: bytes.subarray(3).toString('utf8').split('\r\n') };
  }
  const NOTICES: Array<[string, string]> = [
    ['partner-tw:2026-12', twFull],
    ['partner-h1t:2026-12', h1tFull],
    ['partner-h1t:2027-01', h1tFull],
    ['partner-regus:2027-01', regusFull],
  ];

  it('are the sales lines the notice pays: their amounts sum to its gross', async () => {
    for (const [id, token] of NOTICES) {
      const [lines, read] = [await linesOf(id, token), await notice(id, token)];
      expect(lines.nextCursor).toBeUndefined();
      expect(
        lines.items.reduce((sum, l) => sum + l.amount, 0),
        id,
      ).toBe(read.body.gross);
      for (const line of lines.items) {
        expect(line.useDate >= read.body.period.from && line.useDate <= read.body.period.to).toBe(true);
      }
    }
    const tw = await linesOf('partner-tw:2026-12', twStaff);
    expect(tw.items).toHaveLength(3);
    // api.md `SalesLine`, as the ledger writes it: no member, no facility or space names (a company's line: the order
    // of the three follows their random reservation ids, and the individual's has no company)
    expect(tw.items.find((l) => l.companyName !== null)).toEqual({
      lineId: expect.stringMatching(/^reservation:.+\/.+$/),
      companyName: expect.any(String),
      memberNumber: expect.any(String),
      facilityId: 'tw-shibuya',
      spaceId: 'tw-shibuya-desk',
      item: expect.any(String),
      useDate: DAY,
      description: expect.any(String),
      unitPrice: expect.any(Number),
      quantity: expect.any(Number),
      unit: expect.any(String),
      amount: 600,
      tax: expect.any(Number),
      total: expect.any(Number),
      reservationId: expect.any(String),
    });
    expect(new Set(tw.items.map((l) => l.lineId)).size).toBe(3);
    expect(tw.items.map((l) => l.companyName)).toEqual(expect.arrayContaining(['株式会社エー', '株式会社ビー', null]));
    const regus = await linesOf('partner-regus:2027-01', regusFull);
    expect(regus.items.map((l) => [l.facilityId, l.amount, typeof l.visitId])).toEqual([
      [expect.any(String), 500, 'string'],
    ]);
  });

  it('page with limit and cursor, the pages making up the whole list', async () => {
    const whole = await linesOf('partner-tw:2026-12', twFull);
    const seen: Line[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await linesOf('partner-tw:2026-12', twFull, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(whole.items);
    const bad = await api.get(path('partner-tw:2026-12', 'lines', '?cursor=bm90LWEtY3Vyc29y'), twFull);
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await api.get(path('partner-tw:2026-12', 'lines', '?limit=101'), twFull)).status).toBe(400);
  });

  it('as CSV: UTF-8 with a BOM, CRLF, the manual’s headers, one line per usage line', async () => {
    const { res, bytes, csv } = await download('partner-tw:2026-12', 'lines');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="payment-notice-lines.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv[0]).toBe('利用者,利用内容,単価,数量,金額 (税抜),消費税額,金額 (税込),備考');
    expect(csv.at(-1)).toBe('');
    const rows = csv.slice(1, -1);
    expect(rows).toHaveLength(3);
    const json = (await linesOf('partner-tw:2026-12', twStaff)).items;
    expect(rows.map((r) => Number(r.split(',')[4])).reduce((sum, n) => sum + n, 0)).toBe(1800);
    expect(rows.map((r) => r.split(',')[0]).sort()).toEqual(json.map((l) => l.memberNumber).sort());
  });

  it('list the offsets the notice settled: its period’s, and those of periods without a notice', async () => {
    expect(await offsetsOf('partner-tw:2026-12', twStaff)).toEqual([
      {
        offsetId: expect.any(String),
        month: '2026-12',
        amount: 300,
        reason: '清掃不備',
        recordedAt: '2026-11-24T09:00:00+09:00',
      },
    ]);
    expect(await offsetsOf('partner-h1t:2026-12', h1tFull)).toMatchObject([
      { month: '2026-12', amount: 1000, reason: 'ペナルティ' },
    ]);
    // the 601 carried over from 2026-12 is an amount the notice shows (offsetsDue), not an offset of its own
    expect(await offsetsOf('partner-h1t:2027-01', h1tFull)).toEqual([]);
    // Regus had no notice for 2026-12: its offset of 2026-12 is settled (and listed) by the 2027-01 notice
    expect(await offsetsOf('partner-regus:2027-01', regusFull)).toMatchObject([
      { month: '2026-12', amount: 100, reason: '清掃不備' },
    ]);
  });

  it('offsets as CSV: BOM, CRLF, 対象月 as the site writes months', async () => {
    const { res, bytes, csv } = await download('partner-tw:2026-12', 'offsets');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="payment-notice-offsets.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toEqual(['対象月,相殺理由,相殺金額', '2026/12,清掃不備,300', '']);
    const none = await download('partner-h1t:2027-01', 'offsets', h1tFull);
    expect(none.csv).toEqual(['対象月,相殺理由,相殺金額', '']);
  });

  it('are read by full and staff operators of the notice’s partner only; 404 for another’s or none', async () => {
    for (const list of ['lines', 'offsets'] as const) {
      expect((await api.get(path('partner-tw:2026-12', list), twStaff)).status).toBe(200);
      expect(await api.get(path('partner-tw:2026-12', list), twUsage)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
      expect((await api.get(path('partner-tw:2026-12', list), memberA.token)).status).toBe(403);
      for (const token of [h1tFull, regusFull, operatorToken('op-h1t-staff', 'partner-h1t', 'staff')]) {
        const theirs = await api.get(path('partner-tw:2026-12', list), token);
        expect(theirs, list).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
        expect(JSON.stringify(theirs.body)).not.toContain('清掃不備');
      }
      const csv = await download('partner-tw:2026-12', list, h1tFull);
      expect(csv.res.status).toBe(404);
      expect(await api.get(path('partner-tw:2027-01', list), twFull)).toMatchObject({ status: 404 });
      expect((await api.get(`/v1/operator/payment-notices/partner-tw/${list}`, twFull)).status).toBe(400);
    }
  });
});

describe('recording a notice paid (back office)', () => {
  const paid = (id: string, paidOn: unknown, key?: string, token = admin) =>
    api.post(
      `/v1/admin/payment-notices/${encodeURIComponent(id)}/paid`,
      { paidOn },
      token,
      key ? { 'idempotency-key': key } : {},
    );
  const stored = (id: string) => settlementDeps().notices.get(id);

  it('refuses an unknown notice with 404 and a day before the issue day with 400 naming paidOn, writing nothing', async () => {
    const before = await stored('partner-tw:2026-12');
    expect(before).toMatchObject({ status: 'issued' });
    expect(before?.paidOn).toBeUndefined();
    expect(await paid('partner-tw:2027-01', '2027-03-10')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await stored('partner-tw:2027-01')).toBeUndefined();
    // issued on 2027-02-01 (Tokyo): the day before cannot be the transfer's
    const early = await paid('partner-tw:2026-12', '2027-01-31');
    expect(early).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(early.body.errors).toEqual([{ field: 'body.paidOn', message: expect.stringContaining('2027-02-01') }]);
    expect((await paid('partner-tw:2026-12', '2027-02-31')).status).toBe(400);
    expect((await paid('partner-tw', '2027-02-26')).status).toBe(400);
    // only the back office records it
    expect(await paid('partner-tw:2026-12', '2027-02-26', undefined, twFull)).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await stored('partner-tw:2026-12')).toEqual(before);
    expect((await notice('partner-tw:2026-12', twFull)).body).toMatchObject({ status: 'issued' });
  });

  it('marks an issued notice paid: 200 the notice with status paid and paidOn, which its partner reads', async () => {
    const before = (await notice('partner-tw:2026-12', twFull)).body;
    const answer = await paid('partner-tw:2026-12', '2027-02-26', 'paid-tw-2026-12');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toEqual({ ...before, status: 'paid', paidOn: '2027-02-26' });
    expect((await notice('partner-tw:2026-12', twStaff)).body).toEqual(answer.body);
    expect((await notices(twFull)).items).toEqual([answer.body]);
    expect(await stored('partner-tw:2026-12')).toMatchObject({
      status: 'paid',
      paidOn: '2027-02-26',
      paidAt: Date.parse('2027-03-01T00:30:00+09:00'),
      paidBy: 'admin-1',
    });
    // the notice's lines and offsets are as they were
    expect((await api.get('/v1/operator/payment-notices/partner-tw:2026-12/offsets', twFull)).body.items).toHaveLength(
      1,
    );
  });

  it('answers a repeat with the same day with 200 (with or without its key), another day with 409, changing nothing', async () => {
    const first = await stored('partner-tw:2026-12');
    const again = await paid('partner-tw:2026-12', '2027-02-26', 'paid-tw-2026-12');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'paid', paidOn: '2027-02-26' });
    const unkeyed = await paid('partner-tw:2026-12', '2027-02-26');
    expect(unkeyed.status).toBe(200);
    expect(unkeyed.body).toEqual(again.body);
    const other = await paid('partner-tw:2026-12', '2027-02-27');
    expect(other).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect(other.body.detail).toContain('2027-02-26');
    // the key with another body
    expect(await paid('partner-tw:2026-12', '2027-02-27', 'paid-tw-2026-12')).toMatchObject({
      status: 422,
      body: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    // a day before the issue day on a paid notice is the other day's conflict
    expect((await paid('partner-tw:2026-12', '2027-01-01')).status).toBe(409);
    expect(await stored('partner-tw:2026-12')).toEqual(first);
    expect((await notice('partner-tw:2026-12', twFull)).body).toMatchObject({ status: 'paid', paidOn: '2027-02-26' });
  });

  it('lets one of two calls at once mark it: the other is 409 for another day, 200 for the same', async () => {
    const [one, two] = await Promise.all([
      paid('partner-h1t:2026-12', '2027-02-25'),
      paid('partner-h1t:2026-12', '2027-02-26'),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const winner = one.status === 200 ? one : two;
    expect((await notice('partner-h1t:2026-12', h1tFull)).body).toMatchObject({
      status: 'paid',
      paidOn: winner.body.paidOn,
    });
    const same = await Promise.all([
      paid('partner-regus:2027-01', '2027-03-31'),
      paid('partner-regus:2027-01', '2027-03-31'),
    ]);
    expect(same.map((a) => a.status)).toEqual([200, 200]);
    expect(same[0]?.body).toEqual(same[1]?.body);
  });

  it('conditions the write on the notice still being issued: a call that read it before another marked it writes nothing', async () => {
    const real = settlementDeps();
    const id = 'partner-h1t:2027-01';
    const issued = await real.notices.get(id);
    expect(issued?.status).toBe('issued');
    // this call read the notice while issued, then another marked it before its write; an eventually consistent read
    // still shows it issued (as DynamoDB may answer a moment after a write): only a consistent one sees it paid
    let reads = 0;
    const late = {
      notices: {
        get: async (noticeId: string, read?: { consistent?: boolean }) => {
          reads++;
          return read?.consistent ? real.notices.get(noticeId, read) : issued;
        },
        markPaid: real.notices.markPaid.bind(real.notices),
        issued: real.notices.issued.bind(real.notices),
        pageOfPartner: real.notices.pageOfPartner.bind(real.notices),
      },
    };
    const identity = { role: 'admin', adminId: 'admin-2' } as const;
    expect((await paid(id, '2027-03-30')).status).toBe(200);
    const marked = await real.notices.get(id);
    await expect(
      markNoticePaid(late, identity, id, { paidOn: '2027-03-31' }, Date.parse('2027-03-01T01:00:00+09:00')),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(reads).toBe(2);
    reads = 0;
    expect(
      await markNoticePaid(late, identity, id, { paidOn: '2027-03-30' }, Date.parse('2027-03-01T01:00:00+09:00')),
    ).toEqual(marked);
    expect(await real.notices.get(id)).toEqual(marked);
    expect(marked).toMatchObject({ paidOn: '2027-03-30', paidBy: 'admin-1' });
  });
});

describe('a notice as a PDF (004 §3-5 ② 支払通知書)', () => {
  const NOTICE_PATH = (id: string) => `/v1/operator/payment-notices/${encodeURIComponent(id)}`;
  async function pdfOf(id: string, token: string, accept = 'application/pdf') {
    const res = await fetch(`${stack.url}${NOTICE_PATH(id)}`, {
      headers: { authorization: `Bearer ${token}`, accept },
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  }

  // the notice, the caller, and a full operator of its partner (who reads the partner's name)
  it.each([
    ['partner-tw:2026-12', 'full', twFull, twFull],
    ['partner-tw:2026-12', 'staff', twStaff, twFull],
    ['partner-h1t:2026-12', 'full', h1tFull, h1tFull],
    ['partner-h1t:2027-01', 'full', h1tFull, h1tFull],
    ['partner-regus:2027-01', 'full', regusFull, regusFull],
  ])(
    '%s for its %s operator: one A4 page to the partner, the JSON notice’s dates and amounts',
    async (id, _, token, full) => {
      const json = (await notice(id, token)).body;
      const partner = await api.get('/v1/operator/partner', full);
      expect(partner.status).toBe(200);
      const { res, bytes } = await pdfOf(id, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="payment-notice-${id.split(':')[1]}.pdf"`,
      );
      expect(res.headers.get('vary')).toBe('accept');
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(bytes.byteLength).toBeLessThan(60_000);

      const pdf = await readPdf(bytes);
      expect(pdf.pages).toBe(1);
      const texts = pdf.lines.map((l) => l.text);
      const date = (iso: string) => japaneseDate(iso.slice(0, 10));
      expect(texts).toEqual(
        expect.arrayContaining([
          NOTICE_TITLE,
          '御中',
          SERVICE_NAME,
          `発行日 ${date(json.issuedAt)}`,
          `通知番号 ${json.id}`,
          `${date(json.period.from)} 〜 ${date(json.period.to)}`,
          `支払予定日 ${date(json.dueDate)}`,
        ]),
      );
      expect(texts).toContain(partner.body.name);
      // every amount of the JSON notice, on its label's line
      const row = (label: string) => {
        const at = pdf.lines.findLast((l) => l.text === label);
        return pdf.lines.find((l) => l !== at && at && Math.abs(l.y - at.y) < 1)?.text;
      };
      expect(row('売上総額（税抜）')).toBe(yen(json.gross));
      expect(row('企業支払額')).toBe(yen(json.paidByCompanies));
      expect(row('支払率')).toBe(`${json.ratePercent}%`);
      expect(row('支払額')).toBe(yen(json.payout));
      expect(row('相殺額')).toBe(yen(json.offsets));
      expect(row('差引支払額')).toBe(yen(json.net));
      expect(row('相殺対象額')).toBe(json.offsetsDue > 0 ? yen(json.offsetsDue) : undefined);
      expect(row('繰越相殺額（次回以降に相殺）')).toBe(json.carriedOver > 0 ? yen(json.carriedOver) : undefined);
      expect(row('状態')).toBe(json.status === 'issued' ? '発行済' : '支払済');
    },
  );

  it('shows TIMEWORK’s amounts of 2026-12 as the notice computed them', async () => {
    const texts = (await readPdf((await pdfOf('partner-tw:2026-12', twFull)).bytes)).lines.map((l) => l.text);
    expect(texts).toEqual(expect.arrayContaining(['¥1,800', '¥1,029', '70%', '¥720', '¥300', '¥420']));
    expect(texts).toContain('2026年11月21日 〜 2026年12月20日');
    expect(texts).toContain('支払予定日 2027年2月26日');
  });

  it('answers JSON without Accept, for */*, and for what the route does not answer (CSV, images): no 406', async () => {
    for (const accept of ['', '*/*', 'application/json', 'text/csv', 'image/png', 'application/pdf;q=0']) {
      const { res, bytes } = await pdfOf('partner-tw:2026-12', twStaff, accept);
      expect(res.status, accept).toBe(200);
      expect(res.headers.get('content-type'), accept).toBe('application/json');
      expect(JSON.parse(Buffer.from(bytes).toString('utf8')).id, accept).toBe('partner-tw:2026-12');
    }
    // a browser's Accept that ranks the PDF over anything else gets the PDF
    const { res } = await pdfOf('partner-tw:2026-12', twStaff, 'application/pdf, */*;q=0.8');
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('is refused as JSON is: 404 problem+json for another partner’s notice or none, 403 for usage and members', async () => {
    for (const [id, token] of [
      ['partner-tw:2026-12', h1tFull],
      ['partner-tw:2026-12', regusFull],
      ['partner-tw:2027-01', twFull],
    ] as const) {
      const { res, bytes } = await pdfOf(id, token);
      expect(res.status, `${id} ${token.slice(-8)}`).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = JSON.parse(Buffer.from(bytes).toString('utf8'));
      expect(body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(body)).not.toContain('1029');
    }
    for (const token of [twUsage, memberA.token]) {
      const { res, bytes } = await pdfOf('partner-tw:2026-12', token);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.parse(Buffer.from(bytes).toString('utf8')).code).toBe('FORBIDDEN');
    }
    expect((await pdfOf('partner-tw', twFull)).res.status).toBe(400);
  });
});
