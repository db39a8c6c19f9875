/**
 * The cursor of a list of sales lines (the sales list, a notice's lines): the record and line the next page starts at,
 * checked to lie within the list's range of use dates. `kind`, when given, tells one list's cursors from another's.
 */
import { badCursor, decodeCursor, encodeCursor } from '../../platform/cursor';
import { PAST_LAST_LINE, type SalesPosition } from './data/sales';

/** A key of the partner index: `<useDate>#<recordId>`. */
const SORT_KEY = /^(\d{4}-\d{2}-\d{2})#[a-z]+:[A-Za-z0-9_-]+$/;

export const encodeSalesPosition = (position: SalesPosition, kind?: string): string =>
  encodeCursor([...(kind ? [kind] : []), position.sortKey, String(position.line)]);

/** The position a cursor names, within `range` (its use dates); 400 `VALIDATION_FAILED` naming `query.cursor` else. */
export function decodeSalesPosition(cursor: string, range: { from: string; to: string }, kind?: string): SalesPosition {
  const parts = decodeCursor(cursor, kind ? 3 : 2);
  const [sortKey, line] = (kind ? parts.slice(1) : parts) as [string, string];
  const useDate = SORT_KEY.exec(sortKey)?.[1];
  if (
    (kind && parts[0] !== kind) ||
    useDate === undefined ||
    !/^\d{1,4}$/.test(line) ||
    Number(line) > PAST_LAST_LINE
  ) {
    throw badCursor('Not a cursor of this API');
  }
  if (useDate < range.from || useDate > range.to) throw badCursor('Not a cursor of this range');
  return { sortKey, line: Number(line) };
}
