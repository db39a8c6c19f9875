/**
 * A notice's usage lines (api.md `GET /v1/operator/payment-notices/{id}/lines`): only the records the notice pays,
 * whatever else the ledger holds for its period; a CSV answer refused with 422 `EXPORT_TOO_LARGE` before it is read
 * when the notice pays more records than a file holds lines, or when the read does not end within its bound.
 */
import { describe, expect, it } from 'vitest';
import type { LinesBound, LinesRead, SalesRecord } from '../../../../lambdas/modules/ledger';
import { paymentNotice } from '../../../../lambdas/modules/settlement/rules/notices';
import {
  decodeNoticeLineCursor,
  encodeNoticeLineCursor,
  noticeLines,
  type SettlementPorts,
} from '../../../../lambdas/modules/settlement/service';
import type { Identity } from '../../../../lambdas/platform/identity';

const operator: Identity = { role: 'operator', operatorId: 'op', partnerId: 'partner-tw', operatorRole: 'staff' };

const noticeOf = (recordIds: string[]) =>
  paymentNotice(
    '2026-12',
    { partnerId: 'partner-tw', gross: 0, paidByCompanies: 0, companies: [], recordIds },
    { ratePercent: 70, offsets: { offsets: 0, carriedIn: 0, after: null } },
    0,
  );

const recordOf = (recordId: string) =>
  ({ recordId, useDate: '2026-12-01', lines: [{ lineId: 'use' }] }) as unknown as SalesRecord;

function deps(recordIds: string[], read: LinesRead) {
  const bounds: LinesBound[] = [];
  let ledgerReads = 0;
  const ports: Pick<SettlementPorts, 'notices' | 'noticeRecords' | 'ledger'> = {
    notices: {
      get: async (id) => (id === 'partner-tw:2026-12' ? noticeOf(recordIds) : undefined),
      issued: () => {
        throw new Error('not here');
      },
      pageOfPartner: async () => ({ items: [], more: false }),
      markPaid: () => {
        throw new Error('not here');
      },
    },
    noticeRecords: { chunks: () => [], recordIdsOf: async () => recordIds },
    ledger: {
      lines: async (_partnerId, _filter, bound) => {
        ledgerReads++;
        bounds.push(bound);
        return read;
      },
    },
  };
  return { ports, bounds, reads: () => ledgerReads };
}

describe('noticeLines', () => {
  const lineOf = (recordId: string) => ({ record: recordOf(recordId), line: recordOf(recordId).lines[0] });

  it('keeps only the records the notice pays (a record written after it is passed over)', async () => {
    const { ports } = deps(['reservation:a'], { lines: [lineOf('reservation:a'), lineOf('visit:late')] } as LinesRead);
    const page = await noticeLines(ports, operator, 'partner-tw:2026-12', { csv: false });
    expect(page.lines.map((l) => l.record.recordId)).toEqual(['reservation:a']);
    expect(page.nextCursor).toBeUndefined();
  });

  it('pages with the ledger’s position as the cursor', async () => {
    const next = { sortKey: '2026-12-01#reservation:b', line: 0 };
    const { ports, bounds } = deps(['reservation:a', 'reservation:b'], {
      lines: [lineOf('reservation:a')],
      next,
    } as LinesRead);
    const page = await noticeLines(ports, operator, 'partner-tw:2026-12', { csv: false, limit: 1 });
    expect(bounds[0]).toMatchObject({ max: 1, maxQueries: 5 });
    expect(decodeNoticeLineCursor(page.nextCursor as string, { from: '2026-11-21', to: '2026-12-20' })).toEqual(next);
  });

  it('refuses a cursor of another list or outside the notice’s period', () => {
    const range = { from: '2026-11-21', to: '2026-12-20' };
    const outside = encodeNoticeLineCursor({ sortKey: '2027-01-05#visit:x', line: 0 });
    expect(() => decodeNoticeLineCursor(outside, range)).toThrow(/cursor/);
    expect(() => decodeNoticeLineCursor('bm90LWEtY3Vyc29y', range)).toThrow(/cursor/);
  });

  it('is 404 for another partner’s notice or none', async () => {
    const { ports } = deps([], { lines: [] });
    const other: Identity = { ...operator, partnerId: 'partner-h1t' } as Identity;
    await expect(noticeLines(ports, other, 'partner-tw:2026-12', { csv: false })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(noticeLines(ports, operator, 'partner-tw:2027-01', { csv: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('as CSV: 422 EXPORT_TOO_LARGE for 10,000 records or more, before the ledger is read', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `reservation:${String(i).padStart(5, '0')}`);
    const { ports, reads } = deps(ids, { lines: [] });
    await expect(noticeLines(ports, operator, 'partner-tw:2026-12', { csv: true })).rejects.toMatchObject({
      code: 'EXPORT_TOO_LARGE',
    });
    expect(reads()).toBe(0);
  });

  it('as CSV: 422 EXPORT_TOO_LARGE when the period’s lines do not end within the bound', async () => {
    const { ports, bounds } = deps(['reservation:a'], {
      lines: [lineOf('reservation:a')],
      next: { sortKey: '2026-12-02#reservation:z', line: 0 },
    } as LinesRead);
    await expect(noticeLines(ports, operator, 'partner-tw:2026-12', { csv: true })).rejects.toMatchObject({
      code: 'EXPORT_TOO_LARGE',
    });
    expect(bounds[0]).toEqual({ max: 9_999, maxQueries: 10 });
  });
});
