/**
 * What each kind of export writes: the list's own CSV (the spec its CSV answer uses, over the same views), read page by
 * page through the list's own service as the job's operator, so an export holds exactly what the list's CSV answer
 * would, without its 10,000-line limit. Only the export job imports this (the routes carry none of the lists).
 */
import { guestsCsv } from '../../../../contracts/csv/guests.v1';
import { reservationsCsv } from '../../../../contracts/csv/reservations.v1';
import { salesCsv } from '../../../../contracts/csv/sales.v1';
import type { CsvCell, CsvSpec } from '../../../../contracts/csv/spec';
import { visitsCsv } from '../../../../contracts/csv/visits.v1';
import type { ExportKind } from '../../../../contracts/http/exports';
import { csvHeader, csvRow } from '../../../platform/csv';
import type { Identity } from '../../../platform/identity';
import { type SalesPorts, salesLineViewWithNames, salesPage } from '../sales';
import {
  type ListPage,
  type UsagePorts,
  usageGuests,
  usageGuestView,
  usagePageView,
  usageReservations,
  usageReservationView,
  usageVisits,
  usageVisitView,
} from '../usage';
import type { ExportJob } from './rules/export-job';
import type { ExportSource } from './service';

/** Rows an export reads at a time (a page of the list), and the queries of the index one page may take. */
export const EXPORT_PAGE_ROWS = 1000;
const USAGE_PAGE = { limit: EXPORT_PAGE_ROWS, maxQueries: 5, whole: false } as const satisfies ListPage;

/** A page of a list's items as their CSV spec reads them, and where the next page starts. */
type ReadPage<T> = (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | undefined }>;

async function* pagesOf<T>(spec: CsvSpec<T>, read: ReadPage<T>): AsyncGenerator<CsvCell[][]> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    yield page.items.map((item) => csvRow(spec, item));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

const sourceOf = <T>(spec: CsvSpec<T>, read: ReadPage<T>): ExportSource => ({
  listFileName: spec.fileName,
  header: csvHeader(spec),
  pages: pagesOf(spec, read),
});

const withCursor = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });

/** The lists an export reads. */
export interface ExportLists {
  usage: UsagePorts;
  sales: SalesPorts;
}

/**
 * The usage lists' ports with the facilities read once for the whole job: each page of a list checks the facility
 * named, or lists the facilities to find the partner's, and a job reads many pages of one search.
 */
function facilitiesReadOnce(usage: UsagePorts): UsagePorts {
  const { facilities } = usage;
  const byId = new Map<string, ReturnType<UsagePorts['facilities']['getFacility']>>();
  let all: ReturnType<UsagePorts['facilities']['listFacilities']> | undefined;
  return {
    ...usage,
    facilities: {
      getFacility: (facilityId) => {
        const read = byId.get(facilityId) ?? facilities.getFacility(facilityId);
        byId.set(facilityId, read);
        return read;
      },
      listFacilities: () => {
        all ??= facilities.listFacilities();
        return all;
      },
    },
  };
}

/** The source of a job's kind over its range (and facility). */
export function exportSource(lists: ExportLists, job: ExportJob, identity: Identity): ExportSource {
  const usage = facilitiesReadOnce(lists.usage);
  const search = {
    from: job.from,
    to: job.to,
    ...(job.facilityId === undefined ? {} : { facilityId: job.facilityId }),
  };
  const sources: Record<ExportKind, () => ExportSource> = {
    visits: () =>
      sourceOf(visitsCsv, async (cursor) =>
        usagePageView(
          await usageVisits(usage, identity, search, { ...USAGE_PAGE, ...withCursor(cursor) }),
          usageVisitView,
        ),
      ),
    guests: () =>
      sourceOf(guestsCsv, async (cursor) =>
        usagePageView(
          await usageGuests(usage, identity, search, { ...USAGE_PAGE, ...withCursor(cursor) }),
          usageGuestView,
        ),
      ),
    reservations: () =>
      sourceOf(reservationsCsv, async (cursor) =>
        usagePageView(
          await usageReservations(usage, identity, search, { ...USAGE_PAGE, ...withCursor(cursor) }),
          usageReservationView,
        ),
      ),
    sales: () =>
      sourceOf(salesCsv, async (cursor) => {
        const page = await salesPage(lists.sales, identity, {
          ...search,
          limit: EXPORT_PAGE_ROWS,
          ...withCursor(cursor),
        });
        return { items: page.lines.map(salesLineViewWithNames), nextCursor: page.nextCursor };
      }),
  };
  return sources[job.kind]();
}
