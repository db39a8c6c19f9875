/**
 * The sales flows with in-memory fakes of the catalog and the ledger: what the routes ask the ledger (the caller's
 * partner, the filters, the bound of a page and of a CSV answer), the tenancy of the facility and space named, the
 * cursor, the names of facilities and spaces, and a CSV answer over its lines refused with 422.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CSV_LINES } from '../../contracts/csv/spec';
import { SALES_ITEMS as CONTRACT_ITEMS, salesQuery } from '../../contracts/http/sales';
import type { Facility, Space } from '../../lambdas/domain/model';
import {
  type LinesBound,
  type LinesRead,
  type PeriodTotal,
  SALES_ITEMS,
  type SalesLineFilter,
  type SalesPosition,
  type SalesRecord,
} from '../../lambdas/modules/ledger';
import {
  allSalesLines,
  decodeSalesCursor,
  encodeSalesCursor,
  type SalesPorts,
  salesPage,
  salesSummary,
} from '../../lambdas/modules/partner/sales/service';
import { salesLineViewWithNames } from '../../lambdas/modules/partner/sales/views';
import { ApiError } from '../../lambdas/platform/problems';

const staff = { role: 'operator', operatorId: 'op-1', partnerId: 'partner-a', operatorRole: 'staff' } as const;

const facility = (facilityId: string, partnerId: string, name: string) => ({ facilityId, partnerId, name }) as Facility;
const space = (spaceId: string, facilityId: string, name: string) => ({ spaceId, facilityId, name }) as Space;

const record: SalesRecord = {
  partnerId: 'partner-a',
  companyId: 'company-a',
  companyName: '株式会社サンプル',
  memberNumber: 'TW900001',
  facilityId: 'fac-a',
  spaceId: 'room-a',
  recordId: 'reservation:r-1',
  useDate: '2026-11-25',
  recordedAt: 0,
  reservationId: 'r-1',
  lines: [
    {
      lineId: 'use',
      item: 'meetingRoom',
      description: '会議室 60分',
      unitPrice: 500,
      quantity: 4,
      unit: '15分',
      amount: 2000,
      tax: 200,
      total: 2200,
    },
    {
      lineId: 'option:coffee',
      item: 'option',
      description: 'コーヒー',
      unitPrice: 300,
      quantity: 2,
      unit: '個',
      amount: 600,
      tax: 60,
      total: 660,
    },
  ],
};

function fakes(read: LinesRead = { lines: [] }) {
  const calls: { partnerId: string; filter: SalesLineFilter; bound: LinesBound; after?: SalesPosition }[] = [];
  const totalCalls: unknown[][] = [];
  const facilities = new Map([
    ['fac-a', facility('fac-a', 'partner-a', '本館')],
    ['fac-b', facility('fac-b', 'partner-b', '他社')],
  ]);
  const spaces = new Map([
    ['room-a', space('room-a', 'fac-a', '会議室A')],
    ['room-b', space('room-b', 'fac-b', '他社の会議室')],
  ]);
  const names = <T extends { name: string }>(from: Map<string, T>) => ({
    namesOf: async (ids: readonly string[]) =>
      new Map(ids.flatMap((id) => (from.has(id) ? [[id, (from.get(id) as T).name] as const] : []))),
  });
  const ports: SalesPorts = {
    facilities: { getFacility: async (id) => facilities.get(id), ...names(facilities) },
    spaces: { getSpace: async (id) => spaces.get(id), ...names(spaces) },
    ledger: {
      lines: async (partnerId, filter, bound, after) => {
        calls.push({ partnerId, filter, bound, ...(after ? { after } : {}) });
        return read;
      },
      totals: async (...args): Promise<PeriodTotal[]> => {
        totalCalls.push(args);
        return [];
      },
    },
  };
  return { ports, calls, totalCalls };
}

const query = (extra: Record<string, string> = {}) =>
  salesQuery.parse({ from: '2026-11-01', to: '2026-11-30', ...extra });

describe('the sales items', () => {
  it('are the same in the contract and the ledger', () => {
    expect([...CONTRACT_ITEMS]).toEqual([...SALES_ITEMS]);
  });
});

describe('salesPage', () => {
  it('reads the caller’s partner’s lines with the filters and a page’s bound, and names them', async () => {
    const { ports, calls } = fakes({
      lines: record.lines.map((line) => ({ record, line })),
      next: { sortKey: '2026-11-26#fee:r-2', line: 0 },
    });
    const page = await salesPage(ports, staff, query({ facilityId: 'fac-a', item: 'option', limit: '2' }));
    expect(calls).toEqual([
      {
        partnerId: 'partner-a',
        filter: { from: '2026-11-01', to: '2026-11-30', facilityId: 'fac-a', item: 'option' },
        bound: { max: 2, maxQueries: 5, recordsPerQuery: 200 },
      },
    ]);
    expect(page.lines.map(salesLineViewWithNames)).toEqual([
      expect.objectContaining({ lineId: 'reservation:r-1/use', facilityName: '本館', spaceName: '会議室A' }),
      expect.objectContaining({ lineId: 'reservation:r-1/option:coffee', item: 'option', reservationId: 'r-1' }),
    ]);
    expect(page.nextCursor && decodeSalesCursor(page.nextCursor, query())).toEqual({
      sortKey: '2026-11-26#fee:r-2',
      line: 0,
    });
  });

  it('resumes at its cursor, 100 lines a page by default', async () => {
    const { ports, calls } = fakes();
    const cursor = encodeSalesCursor({ sortKey: '2026-11-25#reservation:r-1', line: 1 });
    expect(await salesPage(ports, staff, query({ cursor }))).toEqual({ lines: [] });
    expect(calls[0]?.after).toEqual({ sortKey: '2026-11-25#reservation:r-1', line: 1 });
    expect(calls[0]?.bound.max).toBe(100);
  });

  it('shows the ids where the catalog has no name', async () => {
    const { ports } = fakes({ lines: [{ record: { ...record, spaceId: 'gone' }, line: record.lines[0] as never }] });
    const page = await salesPage(ports, staff, query());
    expect(page.lines[0]).toMatchObject({ facilityName: '本館', spaceName: 'gone' });
  });

  it.each([
    [{ facilityId: 'fac-b' }, 'Facility'],
    [{ facilityId: 'no-such' }, 'Facility'],
    [{ spaceId: 'room-b' }, 'Space'],
    [{ spaceId: 'no-such' }, 'Space'],
    [{ facilityId: 'fac-a', spaceId: 'room-b' }, 'Space'],
  ])('is 404 for %j, reading no lines', async (named, what) => {
    const { ports, calls } = fakes();
    const refused = await salesPage(ports, staff, query(named)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect((refused as ApiError).message).toContain(what);
    expect(calls).toEqual([]);
  });
});

describe('allSalesLines (a CSV answer)', () => {
  it('reads the whole range: one line fewer than a CSV holds, its header being one', async () => {
    const { ports, calls } = fakes({ lines: [{ record, line: record.lines[0] as never }] });
    expect(await allSalesLines(ports, staff, query({ limit: '1' }))).toHaveLength(1);
    expect(calls[0]?.bound).toEqual({ max: MAX_CSV_LINES - 1, maxQueries: 10 });
    expect(calls[0]?.after).toBeUndefined();
  });

  it.each([
    ['more lines than a CSV holds', { sortKey: '2026-11-30#visit:v-9', line: 0 }],
    ['more records than its queries read', { sortKey: '2026-11-30#visit:v-9', line: 9999 }],
  ])('is 422 EXPORT_TOO_LARGE with %s', async (_, next) => {
    const { ports } = fakes({ lines: [], next });
    await expect(allSalesLines(ports, staff, query())).rejects.toMatchObject({
      code: 'EXPORT_TOO_LARGE',
      status: 422,
    });
  });
});

describe('the sales cursor', () => {
  it('round-trips a position', () => {
    const position = { sortKey: '2026-11-25#visit:5f0c2b1e-0000-4000-8000-000000000000', line: 3 };
    expect(decodeSalesCursor(encodeSalesCursor(position), query())).toEqual(position);
  });

  it.each([
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['a wrong length', Buffer.from(JSON.stringify(['2026-11-25#fee:x'])).toString('base64url')],
    ['a key of no record', Buffer.from(JSON.stringify(['FACILITY#x', '0'])).toString('base64url')],
    ['a negative line', Buffer.from(JSON.stringify(['2026-11-25#fee:x', '-1'])).toString('base64url')],
    ['a line past the last', Buffer.from(JSON.stringify(['2026-11-25#fee:x', '10000'])).toString('base64url')],
    ['a date outside the range', encodeSalesCursor({ sortKey: '2026-12-01#fee:x', line: 0 })],
  ])('refuses %s naming query.cursor', (_, cursor) => {
    expect(() => decodeSalesCursor(cursor, query())).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'query.cursor' })],
      }),
    );
  });
});

describe('salesSummary', () => {
  it('asks the totals of days as they are, of months by their months', async () => {
    const { ports, totalCalls } = fakes();
    await salesSummary(ports, staff, { unit: 'day', from: '2026-11-01', to: '2026-11-30' });
    await salesSummary(ports, staff, { unit: 'month', from: '2026-11-01', to: '2027-01-31', facilityId: 'fac-a' });
    expect(totalCalls).toEqual([
      ['partner-a', 'day', { from: '2026-11-01', to: '2026-11-30' }, undefined],
      ['partner-a', 'month', { from: '2026-11', to: '2027-01' }, 'fac-a'],
    ]);
  });

  it('is 404 for another partner’s facility', async () => {
    const { ports, totalCalls } = fakes();
    await expect(
      salesSummary(ports, staff, { unit: 'day', from: '2026-11-01', to: '2026-11-30', facilityId: 'fac-b' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(totalCalls).toEqual([]);
  });
});
