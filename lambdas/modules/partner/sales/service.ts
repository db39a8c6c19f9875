/**
 * The partner's sales (api.md "Partner routes": sales, sales/summary; 004 §3-2, §3-4), for its full and staff
 * operators: the lines of a range of use dates from the ledger, page by page or whole for a CSV answer, and the totals
 * kept beside them. A facility or space named must be the partner's (404 otherwise); the ledger is read by partner,
 * so another partner's lines are never there to list.
 */
import { MAX_CSV_LINES } from '../../../../contracts/csv/spec';
import type { SalesQuery, SalesSummaryQuery } from '../../../../contracts/http/sales';
import { type Identity, partnerIdOf } from '../../../platform/identity';
import { ApiError, notFound } from '../../../platform/problems';
import { ownedByPartner } from '../../../platform/tenancy';
import type { CatalogDeps } from '../../catalog';
import {
  decodeSalesPosition,
  encodeSalesPosition,
  type LinesBound,
  type PeriodTotal,
  type RecordLine,
  type SalesLedger,
  type SalesLineFilter,
  type SalesPosition,
} from '../../ledger';

export interface SalesPorts {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility' | 'namesOf'>;
  spaces: Pick<CatalogDeps['spaces'], 'getSpace' | 'namesOf'>;
  ledger: Pick<SalesLedger, 'lines' | 'totals'>;
}

/** Lines a page holds when the client does not say (and at most). */
export const SALES_LINES_PER_PAGE = 100;

/** A page's read of the ledger: at most 5 queries of 200 records (a short page, with its cursor, past that). */
const PAGE_BOUND = { maxQueries: 5, recordsPerQuery: 200 } as const;
/**
 * A CSV answer's read: every line of the range, at most 10,000 with the header (api.md), in at most 10 queries of
 * 1 MB (some 10,000 records or more); a range that needs more is a case for an export job.
 */
const CSV_BOUND: LinesBound = { max: MAX_CSV_LINES - 1, maxQueries: 10 };

/** A line with the names of its facility and space (the id where the catalog has none). */
export interface NamedLine extends RecordLine {
  facilityName: string;
  spaceName: string;
}

/** The facility and space a query names are the caller's partner's: 404 `NOT_FOUND` otherwise. */
async function checkOwned(
  deps: SalesPorts,
  identity: Identity,
  named: { facilityId?: string | undefined; spaceId?: string | undefined },
): Promise<void> {
  const [facility, space] = await Promise.all([
    named.facilityId === undefined ? undefined : deps.facilities.getFacility(named.facilityId),
    named.spaceId === undefined ? undefined : deps.spaces.getSpace(named.spaceId),
  ]);
  if (named.facilityId !== undefined) ownedByPartner(identity, facility, 'Facility');
  if (named.spaceId !== undefined) {
    if (!space) throw notFound('Space');
    const itsFacility =
      facility?.facilityId === space.facilityId ? facility : await deps.facilities.getFacility(space.facilityId);
    ownedByPartner(identity, itsFacility, 'Space');
  }
}

const filterOf = (query: SalesQuery): SalesLineFilter => ({
  from: query.from,
  to: query.to,
  ...(query.facilityId === undefined ? {} : { facilityId: query.facilityId }),
  ...(query.spaceId === undefined ? {} : { spaceId: query.spaceId }),
  ...(query.item === undefined ? {} : { item: query.item }),
});

/** The lines with the names of their facilities and spaces, read once for all of them. */
async function named(deps: SalesPorts, lines: readonly RecordLine[]): Promise<NamedLine[]> {
  const [facilities, spaces] = await Promise.all([
    deps.facilities.namesOf(lines.map((l) => l.record.facilityId)),
    deps.spaces.namesOf(lines.map((l) => l.record.spaceId)),
  ]);
  return lines.map(({ record, line }) => ({
    record,
    line,
    facilityName: facilities.get(record.facilityId) ?? record.facilityId,
    spaceName: spaces.get(record.spaceId) ?? record.spaceId,
  }));
}

/**
 * A page of the partner's lines of the query's range and filters, in order of use date (then record, then line), after
 * the cursor; `nextCursor` names where the next page starts, absent on the last. A page holds `limit` lines, fewer when
 * the filters passed over many records (keep following `nextCursor`).
 */
export async function salesPage(
  deps: SalesPorts,
  identity: Identity,
  query: SalesQuery,
): Promise<{ lines: NamedLine[]; nextCursor?: string }> {
  const after = query.cursor === undefined ? undefined : decodeSalesCursor(query.cursor, query);
  await checkOwned(deps, identity, query);
  const read = await deps.ledger.lines(
    partnerIdOf(identity),
    filterOf(query),
    { ...PAGE_BOUND, max: query.limit ?? SALES_LINES_PER_PAGE },
    after,
  );
  const lines = await named(deps, read.lines);
  return read.next ? { lines, nextCursor: encodeSalesCursor(read.next) } : { lines };
}

/**
 * Every line of the query's range and filters, for a CSV answer (`limit` and `cursor` do not apply: the file is the
 * search's whole result); 422 `EXPORT_TOO_LARGE` when they are more than a CSV answer holds, or too many to read in
 * one answer.
 */
export async function allSalesLines(deps: SalesPorts, identity: Identity, query: SalesQuery): Promise<NamedLine[]> {
  await checkOwned(deps, identity, query);
  const read = await deps.ledger.lines(partnerIdOf(identity), filterOf(query), CSV_BOUND);
  if (read.next) {
    throw new ApiError(
      'EXPORT_TOO_LARGE',
      `The range holds more sales lines than a CSV answer (${MAX_CSV_LINES} lines): narrow it or use an export`,
    );
  }
  return named(deps, read.lines);
}

/** The opaque `nextCursor` of the sales lines: the record and line the next page starts at. */
export const encodeSalesCursor = (position: SalesPosition): string => encodeSalesPosition(position);

/** The position a cursor names, within the query's range; 400 `VALIDATION_FAILED` for anything else. */
export const decodeSalesCursor = (cursor: string, range: { from: string; to: string }): SalesPosition =>
  decodeSalesPosition(cursor, range);

/** The periods a summary's range covers: its days, or the calendar months from `from`'s to `to`'s. */
const periodsOf = (query: SalesSummaryQuery) =>
  query.unit === 'day'
    ? { from: query.from, to: query.to }
    : { from: query.from.slice(0, 7), to: query.to.slice(0, 7) };

/**
 * The partner's sales by facility and period (day or calendar month) of the range, read from the totals kept beside
 * the lines (never the lines): every facility with sales then, or the one named (the partner's, or 404). Periods
 * without sales are not listed.
 */
export async function salesSummary(
  deps: SalesPorts,
  identity: Identity,
  query: SalesSummaryQuery,
): Promise<PeriodTotal[]> {
  await checkOwned(deps, identity, query);
  return deps.ledger.totals(partnerIdOf(identity), query.unit, periodsOf(query), query.facilityId);
}
