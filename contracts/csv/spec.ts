/**
 * What every CSV list has in common (api.md "CSV"): a list's column spec (`contracts/csv/<list>.v<n>.ts`, one file per
 * layout: a changed layout is a new version) names its file and its columns, each with the Japanese header the partner
 * site shows and the cell it takes from one item of the list's JSON answer. The platform writes the file
 * (`lambdas/platform/csv.ts`).
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/** One column: its header as the partner site shows it, and its cell of an item. */
export interface CsvColumn<T> {
  readonly header: string;
  readonly cell: (item: T) => CsvCell;
}

/** A CSV list: the file it is saved as and its columns, in order. */
export interface CsvSpec<T> {
  /** The file name without `.csv` (ASCII letters, digits and `-`), e.g. `facilities`. */
  readonly fileName: string;
  readonly columns: readonly CsvColumn<T>[];
}

/** The media type of a CSV answer (api.md). */
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** The most lines a CSV answer holds, its header line among them; a larger one is 422 `EXPORT_TOO_LARGE` (api.md). */
export const MAX_CSV_LINES = 10_000;

/**
 * An instant of a JSON answer (ISO 8601 in the facility's zone, `2026-11-24T14:00:00+09:00`) as the partner site writes
 * it, in the same zone: `2026/11/24 14:00`; nothing stays nothing.
 */
export function siteDateTime(zoned: string | null | undefined): string | null {
  if (!zoned) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(zoned);
  if (!match) throw new Error(`Not an instant of an answer: ${zoned}`);
  const [, year, month, day, hour, minute] = match;
  return `${year}/${month}/${day} ${hour}:${minute}`;
}
