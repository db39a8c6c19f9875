/**
 * The opaque `nextCursor` of the lists (api.md "Lists"): the position of the last item read, as a list of strings in
 * base64url JSON. What the strings mean is the list's; this only makes and reads the envelope.
 */
import { ApiError } from './problems';

export const encodeCursor = (parts: readonly string[]): string =>
  Buffer.from(JSON.stringify(parts)).toString('base64url');

/** `query.cursor` refused with 400 VALIDATION_FAILED naming it. */
export const badCursor = (message: string) =>
  new ApiError('VALIDATION_FAILED', `query.cursor: ${message}`, [{ field: 'query.cursor', message }]);

/**
 * The `length` strings a cursor made by {@link encodeCursor} holds.
 * @throws ApiError VALIDATION_FAILED (naming `query.cursor`) for anything else
 */
export function decodeCursor(cursor: string, length: number): string[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('Not a cursor of this API');
  }
  if (!Array.isArray(decoded) || decoded.length !== length || decoded.some((part) => typeof part !== 'string')) {
    throw badCursor('Not a cursor of this API');
  }
  return decoded as string[];
}
