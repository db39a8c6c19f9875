/**
 * What every CSV list has in common (api.md "CSV"): a list's column spec (`contracts/csv/<list>.v<n>.ts`, one file per
 * layout: a changed layout is a new version) names its file and its columns, each with the Japanese header the partner
 * site shows, the type of its cells and the cell it takes from one item of the list. The platform writes the file
 * (`lambdas/platform/csv.ts`).
 */

/** One cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * What a column holds, which decides how the platform writes its cells (`csvRow` in lambdas/platform/csv.ts):
 * - `text`: free text (names, descriptions, codes, labels). A cell that a spreadsheet would read as a formula (one
 *   starting with `=`, `+`, `-`, `@`, a tab, CR or LF) is written with a leading `'` (CWE-1236; see csv.ts).
 * - `number`: a finite number (money in integer yen, quantities), written as it is, so `-500` stays a number.
 * - `date`: a day as the partner site writes it, `2026/11/24` ({@link siteDate}).
 * - `dateTime`: an instant as the partner site writes it, `2026/11/24 14:00` ({@link siteDateTime}).
 * A cell that is not what its column says (a string in a number column, a date in another format) is a bug of the
 * spec: the writer throws rather than write it.
 */
export type CsvColumnType = 'text' | 'number' | 'date' | 'dateTime';

/** One column: its header as the partner site shows it, the type of its cells, and its cell of an item. */
export type CsvColumn<T> =
  | { readonly header: string; readonly type: 'text'; readonly cell: (item: T) => string | null | undefined }
  | { readonly header: string; readonly type: 'number'; readonly cell: (item: T) => number | null | undefined }
  | {
      readonly header: string;
      readonly type: 'date' | 'dateTime';
      readonly cell: (item: T) => string | null | undefined;
    };

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

/** How the partner site writes a day (`2026/11/24`) and an instant (`2026/11/24 14:00`), in the facility's time. */
export const SITE_DATE = /^\d{4}\/\d{2}\/\d{2}$/;
export const SITE_DATE_TIME = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/;

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

/**
 * A day of a JSON answer (`2026-11-24`, facility time) as the partner site writes it: `2026/11/24` (004 §3-4 利用日);
 * nothing stays nothing.
 */
export function siteDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a date of an answer: ${date}`);
  const [, year, month, day] = match;
  return `${year}/${month}/${day}`;
}

/** Money as the answers carry it (api.md): integer yen without tax, the tax (10 %, per line, yen down), with tax. */
export interface Money {
  readonly amount: number;
  readonly tax: number;
  readonly total: number;
}

/**
 * The three money columns of the 実績管理 lists (004 §3-4): 金額(税別), 消費税, 金額(税込) of a row's money (empty
 * while it has none). The payment notice's own file heads them otherwise (notice-lines.v1.ts).
 */
export const moneyColumns = <T>(money: (row: T) => Money | null | undefined): CsvColumn<T>[] => [
  { header: '金額(税別)', type: 'number', cell: (row) => money(row)?.amount },
  { header: '消費税', type: 'number', cell: (row) => money(row)?.tax },
  { header: '金額(税込)', type: 'number', cell: (row) => money(row)?.total },
];
