/**
 * Section 8: the largest CSV answer, time and memory (issue 17 point 8). A partner's ledger is seeded with 9,999 sales
 * lines through the ledger's writer (`seed-sales.ts`), so that `GET /v1/operator/sales?from=&to=` with
 * `Accept: text/csv` answers the largest file it may (`MAX_CSV_LINES`, header included). Each sample is a fresh Node
 * process (`csv-child.ts`) that loads the handler module, answers a small request of the same route, then calls the
 * handler once with an API Gateway v2 event for the whole range against the bench's DynamoDB Local: its time, the
 * process's peak RSS (what Lambda reports as "Max Memory Used"), the heap's growth during the call, and the file's lines.
 *
 * The lines are dated in 2027, after the bench's frozen clock, so that no settlement period holding them falls due
 * when a section moves the clock (the local settlement job runs at every move).
 */
import { fileURLToPath } from 'node:url';
import { MAX_CSV_LINES } from '../../contracts/csv/spec';
import type { TokenSubject } from '../../lib/local/tokens';
import { measureInChild } from './child';
import type { CsvChildInput, CsvSample } from './csv-child';
import type { Progress } from './progress';
import { type SeededSales, seedSales } from './seed-sales';
import { median } from './stats';

export interface CsvAnswerRow {
  list: string;
  route: string;
  /** The measured request (path and query). */
  request: string;
  /** Lines the file should have (header included). */
  expectedLines: number;
  samples: CsvSample[];
  /** Medians of the samples. */
  ms: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  heapGrowthMiB: number;
  /** Lines and bytes of the file (the same in every sample when they agree; else the first sample's). */
  lines: number;
  bytes: number;
}

export interface CsvSection {
  seeding: SeededSales & { partnerId: string; facilityId: string; spaceId: string; from: string; to: string };
  rows: CsvAnswerRow[];
  /** Why a list is not measured. */
  notMeasured: Array<{ list: string; why: string }>;
}

/** Fresh processes per answer. */
export const CSV_SAMPLES = 5;
const CHILD = fileURLToPath(new URL('./csv-child.ts', import.meta.url));

/** One sample in a fresh Node process, against the bench's table. */
const sample = (input: CsvChildInput, table: { endpoint: string; tableName: string }): Promise<CsvSample> =>
  measureInChild<CsvSample>(
    CHILD,
    JSON.stringify(input),
    { TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint },
    `csv sample of ${input.routeId}`,
  );

async function measure(
  list: string,
  input: CsvChildInput,
  expectedLines: number,
  table: { endpoint: string; tableName: string },
  progress: Progress,
): Promise<CsvAnswerRow> {
  const samples: CsvSample[] = [];
  for (let i = 0; i < CSV_SAMPLES; i++) {
    progress.step(`CSV answers: ${list}, sample ${i + 1} of ${CSV_SAMPLES}`);
    samples.push(await sample(input, table));
  }
  const first = samples[0] as CsvSample;
  return {
    list,
    route: input.routeId,
    request: input.path,
    expectedLines,
    samples,
    ms: median(samples.map((s) => s.ms)),
    peakRssMiB: median(samples.map((s) => s.peakRssMiB)),
    rssBeforeMiB: median(samples.map((s) => s.rssBeforeMiB)),
    heapGrowthMiB: median(samples.map((s) => s.heapGrowthMiB)),
    lines: first.lines,
    bytes: first.bytes,
  };
}

/** The sales CSV of 9,999 seeded lines. */
export async function measureCsvAnswers(
  table: { endpoint: string; tableName: string; doc: Parameters<typeof seedSales>[0] },
  progress: Progress,
): Promise<CsvSection> {
  const where = { partnerId: 'partner-tw', facilityId: 'tw-shibuya', spaceId: 'tw-shibuya-desk' };
  const range = { from: '2027-01-04', to: '2027-04-03' };
  progress.step(`CSV answers: seeding ${MAX_CSV_LINES - 1} sales lines of ${where.partnerId}`);
  const seeded = await seedSales(table.doc, table.tableName, {
    ...where,
    ...range,
    lines: MAX_CSV_LINES - 1,
    idPrefix: 'bench-csv',
  });
  const operator: TokenSubject = {
    sub: 'op-tw-full',
    role: 'operator',
    partnerId: where.partnerId,
    operatorRole: 'full',
  };
  const sales = await measure(
    'sales lines',
    {
      routeId: 'list-sales',
      path: `/v1/operator/sales?from=${range.from}&to=${range.to}`,
      // a day of the range before it: no lines, the header only
      warmPath: '/v1/operator/sales?from=2027-01-03&to=2027-01-03',
      caller: operator,
    },
    MAX_CSV_LINES,
    table,
    progress,
  );
  return {
    seeding: { ...seeded, ...where, ...range },
    rows: [sales],
    notMeasured: [
      {
        list: 'usage visits (`/v1/operator/usage/visits`)',
        why: "not seeded yet: 9,999 visits through the drop-in module's writer are two transactions each (check-in, end with its sales record), some 20,000 transactions, about 40 s more per run on this machine",
      },
    ],
  };
}
