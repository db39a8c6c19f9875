/**
 * Export jobs on the local stack (api.md "Partner routes": exports): `POST /v1/operator/exports` answers 202 with the
 * job, the `export` state machine (the real ASL, run by the local runner) writes the CSV to the local S3, and `GET
 * /v1/operator/exports/{id}` answers a presigned URL whose file is, byte for byte, the list's own CSV answer of the
 * same range — here 2,400 sales lines written through the ledger (three pages of the job; the multipart path of a
 * larger file is the S3 download store's test and the bench's 100,000 lines),
 * TIMEWORK's reservations, and Regus's visits and guests. Another partner's job is 404, a facility of another partner
 * is 404 and records nothing, the usage role is refused; a job whose task keeps failing ends `failed`, its execution
 * in the dead-letter queue; a job is gone (404) once its file expires.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_RETENTION_DAYS, EXPORTS_BUCKET_ENV } from '../../../contracts/files';
import type { SalesRecord } from '../../../lambdas/modules/ledger';
import { SalesLedger } from '../../../lambdas/modules/ledger';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { transact } from '../../../lambdas/platform/dynamo/transactions';
import type { LocalStack } from '../../../lib/local/stack';
import { client, memberToken, operatorToken, startTestStack } from '../support/local-stack';
import { h1t, tw } from './support';

const NOW = '2026-11-24T10:00:00+09:00';
const regus = operatorToken('op-regus-staff', 'partner-regus', 'staff');
let stack: LocalStack;
let api: ReturnType<typeof client>;

const RECORDS = 600;
const LINES_PER_RECORD = 4;

/** A record of four option lines on a November day, one of them with a company name a spreadsheet would run. */
function record(n: number): SalesRecord {
  const useDate = `2026-11-${String((n % 30) + 1).padStart(2, '0')}`;
  return {
    recordId: `reservation:export-${String(n).padStart(4, '0')}`,
    partnerId: 'partner-tw',
    companyId: n % 2 === 0 ? 'company-x' : null,
    companyName: n % 2 === 0 ? (n % 10 === 0 ? '=HYPERLINK("x")' : '株式会社エクスポート') : null,
    memberNumber: `TW9${String(n).padStart(5, '0')}`,
    facilityId: 'tw-shibuya',
    spaceId: 'tw-shibuya-room-a',
    useDate,
    recordedAt: Date.parse(`${useDate}T12:00:00+09:00`),
    reservationId: `export-${n}`,
    lines: Array.from({ length: LINES_PER_RECORD }, (_, i) => ({
      lineId: `option:o${i}`,
      item: 'option' as const,
      description: `オプション${i}, "特別"`,
      unitPrice: 100 * (i + 1),
      quantity: 1,
      unit: '個',
      amount: 100 * (i + 1),
      tax: 10 * (i + 1),
      total: 110 * (i + 1),
    })),
  };
}

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
  const { doc } = tableContext();
  const ledger = new SalesLedger(doc, stack.tableName);
  // one record at a time per day (its day's and month's totals are single items): 30 days in parallel
  await Promise.all(
    Array.from({ length: 30 }, async (_, day) => {
      for (let n = day; n < RECORDS; n += 30) await transact(doc, ledger.recordItems(record(n)));
    }),
  );
  // a reservation of TIMEWORK's (a no-show at its end) and a Regus visit with a guest
  const member = memberToken('member-premium');
  const booked = await api.post(
    '/v1/reservations',
    { spaceId: 'tw-shibuya-desk', start: '2026-11-24T11:00:00+09:00', end: '2026-11-24T12:00:00+09:00' },
    member,
  );
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  const visit = await api.post('/v1/visits', { qrValue: 'QR-REGUS-MARUNOUCHI' }, member);
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  expect((await api.post(`/v1/visits/${visit.body.id}/guests`, { count: 1 }, member)).status).toBe(201);
  await setClock('2026-11-24T12:30:00+09:00');
  expect(
    (await api.post(`/v1/visits/${visit.body.id}/checkout`, { qrValue: 'QR-REGUS-MARUNOUCHI' }, member)).status,
  ).toBe(200);
}, 120_000);
afterAll(async () => stack?.stop());

async function setClock(now: string) {
  expect((await api.post('/local/clock', { now })).status).toBe(200);
}

/** The bytes of a GET, as sent (a BOM included). */
async function rawGet(url: string, headers: Record<string, string> = {}) {
  const answer = await fetch(url, { headers });
  return { status: answer.status, headers: answer.headers, bytes: Buffer.from(await answer.arrayBuffer()) };
}

/** A list's own CSV answer. */
const csvAnswer = (path: string, token: string) =>
  rawGet(`${stack.url}${path}`, { authorization: `Bearer ${token}`, accept: 'text/csv' });

/** Starts an export, runs the state machine to its end, and answers the job's status. */
async function exported(body: object, token: string) {
  const started = await api.post('/v1/operator/exports', body, token);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  expect(started.body).toEqual({ exportId: expect.any(String), status: 'running' });
  await stack.timers.settle();
  const job = await api.get(`/v1/operator/exports/${started.body.exportId}`, token);
  expect(job.status, JSON.stringify(job.body)).toBe(200);
  return job.body;
}

/** The partner's export jobs as stored. */
async function jobsOf(partnerId: string) {
  const { Items = [] } = await tableContext().doc.send(
    new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `PARTNER#${partnerId}`, ':sk': 'EXPORT#' },
      ConsistentRead: true,
    }),
  );
  return Items;
}

describe('POST /v1/operator/exports → GET /v1/operator/exports/{exportId}', () => {
  it('writes the sales lines of a range, byte for byte the sales CSV answer, and answers its presigned URL', async () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    const job = await exported({ kind: 'sales', ...range }, tw('staff'));
    const expected = await csvAnswer(`/v1/operator/sales?from=${range.from}&to=${range.to}`, tw('staff'));
    expect(expected.status).toBe(200);
    expect(job).toMatchObject({
      kind: 'sales',
      ...range,
      status: 'done',
      // the header, the records written here, and the desk's no-show
      lines: RECORDS * LINES_PER_RECORD + 2,
      bytes: expected.bytes.length,
      url: expect.stringContaining('/coworking-local-exports/exports/partner-tw/'),
      expiresAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    const file = await rawGet(job.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="sales-2026-11-01-2026-11-30.csv"');
    expect(file.bytes.equals(expected.bytes)).toBe(true);
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(RECORDS * LINES_PER_RECORD + 3);
    expect(text).toContain(`'=HYPERLINK(""x"")`);
  });

  it.each([
    ['reservations', tw('full'), '/v1/operator/usage/reservations'],
    ['visits', regus, '/v1/operator/usage/visits'],
    ['guests', regus, '/v1/operator/usage/guests'],
  ])('exports %s exactly as their CSV answer (a facility named)', async (kind, token, path) => {
    const facilityId = kind === 'reservations' ? 'tw-shibuya' : 'regus-marunouchi';
    const query = `from=2026-11-01&to=2026-11-30&facilityId=${facilityId}`;
    const job = await exported({ kind, from: '2026-11-01', to: '2026-11-30', facilityId }, token);
    const expected = await csvAnswer(`${path}?${query}`, token);
    expect(job.status).toBe('done');
    expect(job.lines).toBe(2);
    expect((await rawGet(job.url)).bytes.equals(expected.bytes)).toBe(true);
  });

  it('answers 404 for another partner’s job, and for a facility of another partner (recording nothing)', async () => {
    const job = await exported({ kind: 'sales', from: '2026-11-01', to: '2026-11-02' }, tw('full'));
    const before = await jobsOf('partner-tw');
    expect((await api.get(`/v1/operator/exports/${job.exportId}`, h1t('full'))).status).toBe(404);
    const refused = await api.post(
      '/v1/operator/exports',
      { kind: 'sales', from: '2026-11-01', to: '2026-11-30', facilityId: 'regus-marunouchi' },
      tw('full'),
    );
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    expect(await jobsOf('partner-tw')).toEqual(before);
  });

  it('refuses the usage role and bad requests, recording nothing', async () => {
    const before = await jobsOf('partner-tw');
    const body = { kind: 'visits', from: '2026-11-01', to: '2026-11-30' };
    expect((await api.post('/v1/operator/exports', body, tw('usage'))).status).toBe(403);
    for (const bad of [
      { ...body, kind: 'payments' },
      { ...body, from: '2026-12-01' },
      { ...body, to: '2027-12-31' },
      { ...body, extra: true },
    ]) {
      const answer = await api.post('/v1/operator/exports', bad, tw('full'));
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await jobsOf('partner-tw')).toEqual(before);
  });

  it('marks a job failed when its task keeps failing, the execution in the dead-letter queue', async () => {
    const dead = stack.timers.deadLetters.length;
    // the Lambda errors' retrier (6 retries), then the catch
    stack.timers.injectFailures('WriteExport', 7);
    const job = await exported({ kind: 'sales', from: '2026-11-01', to: '2026-11-30' }, tw('staff'));
    expect(job).toMatchObject({ status: 'failed', finishedAt: expect.any(String) });
    expect(job.url).toBeUndefined();
    expect(stack.timers.deadLetters.slice(dead).map((e) => e.name)).toEqual([job.exportId]);
  });

  it('answers a repeat with the same Idempotency-Key with the same job, and starts one execution', async () => {
    const body = { kind: 'sales', from: '2026-11-01', to: '2026-11-03' };
    const headers = { 'idempotency-key': 'export-once' };
    const before = (await jobsOf('partner-tw')).length;
    const executions = stack.timers.list().length;
    const first = await api.post('/v1/operator/exports', body, tw('full'), headers);
    const again = await api.post('/v1/operator/exports', body, tw('full'), headers);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.exportId).toBe(first.body.exportId);
    expect(await jobsOf('partner-tw')).toHaveLength(before + 1);
    expect(stack.timers.list()).toHaveLength(executions + 1);
    await stack.timers.settle();
  });

  it('records and starts a job without the exports bucket: only the status route presigns, and only it has the bucket', async () => {
    const bucket = process.env[EXPORTS_BUCKET_ENV];
    delete process.env[EXPORTS_BUCKET_ENV];
    try {
      vi.resetModules();
      const deps = await import('../../../lambdas/modules/partner/exports/deps');
      expect(() => deps.exportRequestDeps()).not.toThrow();
      expect(() => deps.exportStatusDeps()).toThrow(/EXPORTS_BUCKET is not set/);
    } finally {
      process.env[EXPORTS_BUCKET_ENV] = bucket;
    }
  });

  it('forgets a job once its file has expired', async () => {
    const job = await exported({ kind: 'sales', from: '2026-11-01', to: '2026-11-01' }, tw('staff'));
    expect(job.status).toBe('done');
    const expiry = Date.parse(NOW) + EXPORT_RETENTION_DAYS * 86_400_000;
    await setClock(new Date(expiry + 86_400_000).toISOString());
    expect((await api.get(`/v1/operator/exports/${job.exportId}`, tw('staff'))).status).toBe(404);
  });
});
