/**
 * CSV answers of list routes (api.md "CSV"), written once for every list: content negotiation on `Accept`, and the
 * file itself (UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, the spec's Japanese header line, at most
 * {@link MAX_CSV_LINES} lines). A list's columns are its spec in `contracts/csv/<list>.v<n>.ts`; a route answers CSV by
 * naming that spec and where its items are in the JSON answer (`csvAnswer`), and the http wrapper does the rest.
 */
import { CSV_MEDIA_TYPE, type CsvCell, type CsvSpec, MAX_CSV_LINES } from '../../contracts/csv/spec';
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
    lines: (answer) => [
      spec.columns.map((c) => c.header),
      ...items(answer).map((item) => spec.columns.map((c) => c.cell(item))),
    ],
  };
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** One field as RFC 4180 writes it: quoted (its quotes doubled) when it holds a comma, a quote, CR or LF. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
  return BOM + lines.map((line) => line.map(csvField).join(',') + CRLF).join('');
}

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

/** How well a media range of `Accept` matches a type: its q and its specificity (2 exact, 1 `type/*`, 0 `*\/*`). */
function match(accept: string, type: string): [q: number, specificity: number] {
  const [major] = type.split('/');
  let best: [number, number] = [0, -1];
  for (const range of accept.split(',')) {
    const [name = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const specificity = name === type ? 2 : name === `${major}/*` ? 1 : name === '*/*' ? 0 : -1;
    if (specificity <= best[1]) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    best = [Number.isFinite(value) ? value : 0, specificity];
  }
  return best;
}

/**
 * Whether `Accept` asks for CSV rather than JSON (RFC 9110 negotiation between the two): the more specific range that
 * matches each type gives its q; CSV when its q is higher, or equal with a more specific match (`text/csv, *\/*`).
 * JSON without the header, with `*\/*`, and on a full tie.
 */
export function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const [csvQ, csvSpecificity] = match(accept, 'text/csv');
  const [jsonQ, jsonSpecificity] = match(accept, 'application/json');
  if (csvQ <= 0) return false;
  return csvQ > jsonQ || (csvQ === jsonQ && csvSpecificity > jsonSpecificity);
}
