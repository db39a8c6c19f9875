/**
 * How the usage lists page (api.md "Lists"): pages of rows read from the partner's index newest first, with an opaque
 * cursor, and a CSV answer that is the whole search within {@link MAX_CSV_LINES} lines.
 */
import { MAX_CSV_LINES } from '../../../../contracts/csv/spec';
import { USAGE_PAGE_LIMIT } from '../../../../contracts/http/usage';
import type { Instant } from '../../../domain/model';
import { badCursor, decodeCursor, encodeCursor } from '../../../platform/cursor';
import { isoUtc } from '../../../platform/dynamo/keys';
import { ApiError } from '../../../platform/problems';

/** Queries one JSON page may take when items out of the search are skipped; a short page still has a cursor. */
export const MAX_PAGE_QUERIES = 3;

/** The three lists; a cursor of one is refused by the others. */
export type UsageList = 'visits' | 'guests' | 'reservations';

/**
 * A place in a list: the item (its time in the index, its id) the last page ended on, and for the guests list the last
 * guest of it listed (`guestId`) when its other guests are still to come.
 */
export interface ListPosition {
  at: Instant;
  id: string;
  guestId?: string;
}

/** How much of a list one answer reads: a page, or (CSV) the whole search. */
export interface ListPage {
  /** Rows to answer at most. */
  limit: number;
  /** Queries of the index it may take. */
  maxQueries: number;
  /** The `nextCursor` of the page before: where this one starts. */
  cursor?: string;
  /** The whole search as CSV: {@link MAX_CSV_LINES} lines or 422. */
  whole: boolean;
}

/** The opaque `nextCursor` of a position in `list`. */
export const encodeListCursor = (list: UsageList, position: ListPosition): string =>
  encodeCursor([list, isoUtc(position.at), position.id, position.guestId ?? '']);

const ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The position a cursor of `list` names.
 * @throws ApiError VALIDATION_FAILED (naming `query.cursor`) for a cursor not made by {@link encodeListCursor} for this
 * list
 */
export function decodeListCursor(list: UsageList, cursor: string): ListPosition {
  const [cursorList, iso, id, guestId] = decodeCursor(cursor, 4) as [string, string, string, string];
  const at = Date.parse(iso);
  const wellFormed =
    !Number.isNaN(at) &&
    isoUtc(at) === iso &&
    ID.test(id) &&
    (guestId === '' || (list === 'guests' && ID.test(guestId)));
  if (!wellFormed) throw badCursor('Not a cursor of this API');
  if (cursorList !== list) throw badCursor(`A cursor of the ${cursorList} list, not of ${list}`);
  return { at, id, ...(guestId === '' ? {} : { guestId }) };
}

/**
 * A cursor's position, checked to lie in the search's index range `[from, to)`.
 * @throws ApiError VALIDATION_FAILED (naming `query.cursor`) for a cursor of another search
 */
export function inRange(position: ListPosition, range: { from: Instant; to: Instant }): ListPosition {
  if (position.at < range.from || position.at >= range.to) {
    throw badCursor('A cursor of another search: send the search it came with');
  }
  return position;
}

/**
 * What one answer reads: for a CSV answer the whole search (`limit` and `cursor` do not apply), else the page the query
 * asks for.
 */
export function listPage(query: { limit?: number; cursor?: string }, csv: boolean): ListPage {
  if (csv) return { limit: MAX_CSV_LINES, maxQueries: Number.POSITIVE_INFINITY, whole: true };
  return {
    limit: query.limit ?? USAGE_PAGE_LIMIT,
    maxQueries: MAX_PAGE_QUERIES,
    whole: false,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  };
}

/** 422 `EXPORT_TOO_LARGE` for a CSV answer of `rows` rows when they and the header are over {@link MAX_CSV_LINES}. */
export function checkCsvSize(page: ListPage, rows: number): void {
  if (page.whole && rows + 1 > MAX_CSV_LINES) {
    throw new ApiError(
      'EXPORT_TOO_LARGE',
      `The CSV would hold more than ${MAX_CSV_LINES} lines: narrow the search or use an export`,
    );
  }
}

/** One read of the index: at most `limit` items from `start` on (at it, to read it again, when it has a `guestId`). */
export type IndexRead<T> = (start: ListPosition | undefined, limit: number) => Promise<{ items: T[]; more: boolean }>;

/** A row of an item and, for the guests list, the guest it is. */
export interface ItemRow<R> {
  row: R;
  guestId?: string;
}

/**
 * One page of a list: reads of the index from the page's start, keeping the rows of each item in the search
 * (`rowsOf`: none, one, or a visit's guests after the one given), until `limit` rows are found, the index ends, or
 * `maxQueries` reads were made. `next` is where the following page starts; absent on the last page. A page may end
 * within a visit's guests: the next one lists the rest of them.
 */
export async function readPage<T, R>(
  read: IndexRead<T>,
  positionOf: (item: T) => ListPosition,
  rowsOf: (item: T, afterGuest: string | undefined) => ItemRow<R>[],
  page: Pick<ListPage, 'limit' | 'maxQueries'> & { start?: ListPosition },
): Promise<{ rows: R[]; next?: ListPosition }> {
  const rows: R[] = [];
  let start = page.start;
  for (let query = 0; query < page.maxQueries; query++) {
    // one more than the page needs: whether another follows is then known without a further read
    const answer = await read(start, page.limit + 1);
    for (const [i, item] of answer.items.entries()) {
      const position = positionOf(item);
      const again = start?.guestId !== undefined && start.id === position.id ? start.guestId : undefined;
      const itemRows = rowsOf(item, again);
      for (const [j, { row, guestId }] of itemRows.entries()) {
        rows.push(row);
        if (rows.length < page.limit) continue;
        if (j < itemRows.length - 1) return { rows, next: { ...position, ...(guestId ? { guestId } : {}) } };
        const moreToRead = i < answer.items.length - 1 || answer.more;
        return moreToRead ? { rows, next: position } : { rows };
      }
      start = position;
    }
    if (!answer.more) return { rows };
  }
  return start ? { rows, next: start } : { rows };
}
