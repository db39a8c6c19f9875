/**
 * Seeds a partner's sales ledger with many lines through the ledger's own writer: each record is a drop-in visit's end
 * as the ledger's rules make it (`visitRecord`: the member's line and one per guest), written by
 * `SalesLedger.recordItems` in a transaction of its own (the record, put only if absent, and its facility's day and
 * month totals), as a checkout writes it less the visit's own items. Records are spread evenly over the use dates of
 * the range and written by a few workers at once; DynamoDB Local serialises transactions, so totals shared by
 * concurrent records do not conflict there (a `TransactionConflict` is retried by `transact` in any case).
 *
 * Used by the CSV section (a 10,000-line answer) and meant for larger seeds (an export of 100,000 lines).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LocalDate } from '../../lambdas/domain/model';
import { SalesLedger, type SalesRecord, visitRecord } from '../../lambdas/modules/ledger';
import { transact } from '../../lambdas/platform/dynamo/transactions';
import { localMemberNumber } from '../../lib/local/stack';

export interface SeedSalesOptions {
  partnerId: string;
  facilityId: string;
  spaceId: string;
  /** Sales lines to write: records of `linesPerRecord` lines each, the last one shorter when they do not divide. */
  lines: number;
  /** Use dates from `from` to `to` (`YYYY-MM-DD`, both inclusive), records spread evenly over them in order. */
  from: LocalDate;
  to: LocalDate;
  /** Lines of one record: the member's and `linesPerRecord − 1` guests' (default 1, the most records per line). */
  linesPerRecord?: number;
  /** Transactions in flight at once (default 8). */
  concurrency?: number;
  /** Makes the record ids (`visit:<idPrefix>-<n>`) unique to one seeding (default `seed`). */
  idPrefix?: string;
  /** The space's name and price per 15 minutes as the lines show them (default 'Seeded lounge', 250 yen). */
  space?: { name: string; price15: number };
  /** The facility's zone (default Asia/Tokyo): visits start at 09:00 and later of the use date there. */
  timeZone?: string;
}

export interface SeededSales {
  records: number;
  lines: number;
  /** Records that were there already (same id: a seeding run twice writes nothing twice). */
  existing: number;
  /** Wall time of the writes (ms). */
  ms: number;
}

const DAY_MS = 86_400_000;
const MINUTE = 60_000;

/** Days from `from` to `to`, inclusive. */
function daysOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!(end >= start)) throw new Error(`Not a range of days: ${from} … ${to}`);
  return Array.from({ length: (end - start) / DAY_MS + 1 }, (_, i) =>
    new Date(start + i * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The local midnight of `date` in `timeZone`, as an instant (a zone without DST changes near midnight). */
function midnight(date: LocalDate, timeZone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const shown = new Date(utc).toLocaleString('sv-SE', { timeZone, hour12: false });
  return utc - (Date.parse(`${shown.replace(' ', 'T')}Z`) - utc);
}

/** The seeding's records, in use-date order: record `i` of `count` falls on day `⌊i · days / count⌋` of the range. */
export function seedRecords(options: SeedSalesOptions): SalesRecord[] {
  const perRecord = options.linesPerRecord ?? 1;
  if (!Number.isInteger(perRecord) || perRecord < 1) throw new Error('linesPerRecord is a whole number ≥ 1');
  const timeZone = options.timeZone ?? 'Asia/Tokyo';
  const space = options.space ?? { name: 'Seeded lounge', price15: 250 };
  const prefix = options.idPrefix ?? 'seed';
  const days = daysOf(options.from, options.to);
  const count = Math.ceil(options.lines / perRecord);
  return Array.from({ length: count }, (_, i) => {
    const day = days[Math.floor((i * days.length) / count)] as LocalDate;
    // 09:00 onwards, a minute apart, an hour each
    const checkedInAt = midnight(day, timeZone) + 9 * 60 * MINUTE + (i % 600) * MINUTE;
    const checkedOutAt = checkedInAt + 60 * MINUTE;
    const guests = Math.min(perRecord, options.lines - i * perRecord) - 1;
    return visitRecord(
      {
        visitId: `${prefix}-${String(i).padStart(7, '0')}`,
        checkedInAt,
        checkedOutAt,
        closesAt: null,
        timeZone,
        guests: Array.from({ length: guests }, (_, g) => ({ guestId: `g${g + 1}`, checkedInAt, checkedOutAt })),
      },
      {
        partnerId: options.partnerId,
        companyId: null,
        companyName: null,
        memberNumber: localMemberNumber(`${prefix}-member-${i % 997}`),
        facilityId: options.facilityId,
        spaceId: options.spaceId,
      },
      space,
      checkedOutAt,
    );
  });
}

/**
 * Writes `options.lines` sales lines of one partner's facility and space over a range of use dates, each record in a
 * transaction of its own built by the ledger (`SalesLedger.recordItems`), `concurrency` at a time.
 */
export async function seedSales(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: SeedSalesOptions,
): Promise<SeededSales> {
  const ledger = new SalesLedger(doc, tableName);
  const records = seedRecords(options);
  const started = performance.now();
  let next = 0;
  let existing = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 8, records.length) }, async () => {
      for (;;) {
        const record = records[next++];
        if (record === undefined) return;
        const outcome = await transact(doc, ledger.recordItems(record));
        if (!outcome.ok) {
          // the record's put is the only item with a condition: it is there already (or a conflict outlasted retries)
          if ((await ledger.get(record.recordId)) === undefined)
            throw new Error(`seedSales: ${record.recordId} failed`);
          existing++;
        }
      }
    }),
  );
  return {
    records: records.length,
    lines: records.reduce((n, r) => n + r.lines.length, 0),
    existing,
    ms: performance.now() - started,
  };
}
