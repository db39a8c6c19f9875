/**
 * The GSI3 backfill (README "A new index on a deployed table"): visits and reservations written before the partners'
 * usage index (GSI3) lack its key attributes, so the usage lists miss them. This migration scans the table in
 * parallel segments and gives each such item its GSI3 keys, made by the same function its write uses (the item type's
 * data file), with a condition that the item is there and still has none: a rerun, or a write of the application
 * beside it (which writes the keys itself), changes nothing twice. The keys are made from fields a visit or reservation
 * never changes once written (its partner, its check-in or start, its id).
 *
 * Resumable: with a state file, each segment's position (the scan's LastEvaluatedKey) is saved after every page it
 * has finished, and a run with the same file goes on from there (a finished segment is not scanned again).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type ItemTypeName, tableDefinition } from '../../contracts/table';
import { reservationUsageIndexKey } from '../../lambdas/modules/booking';
import { visitUsageIndexKey } from '../../lambdas/modules/dropin';
import { writtenUnlessConditionFails } from '../../lambdas/platform/dynamo/transactions';

/** The index this migration fills. */
export const GSI3 = tableDefinition.globalSecondaryIndexes.find((i) => i.indexName === 'GSI3') as {
  indexName: 'GSI3';
  partitionKey: 'GSI3PK';
  sortKey: 'GSI3SK';
};

/**
 * The GSI3 entry of each item type listed in GSI3 (contracts/table.ts), by the function its data file writes it with.
 * A test checks these are exactly the item types whose `indexes` name GSI3.
 */
export const USAGE_INDEX_KEYS: Readonly<
  Partial<Record<ItemTypeName, (item: Record<string, unknown>) => Record<string, string>>>
> = {
  reservation: reservationUsageIndexKey,
  visit: visitUsageIndexKey,
};

/** What the backfill does with one stored item (`usageIndexBackfill`). */
export type Gsi3Decision =
  /** Give it these keys (it is of a type GSI3 lists, and has none yet). */
  | { kind: 'index'; keys: Record<string, string> }
  /** Nothing to do: of another type, or indexed already. */
  | { kind: 'skip'; reason: 'not listed in GSI3' | 'indexed already' }
  /** Of a type GSI3 lists, but without the fields its keys are made of: left as it is, reported. */
  | { kind: 'unindexable'; reason: string };

/** Pure: what the backfill does with one stored item (its `entity` says its type). */
export function usageIndexBackfill(item: Record<string, unknown>): Gsi3Decision {
  const keysOf = typeof item.entity === 'string' ? USAGE_INDEX_KEYS[item.entity as ItemTypeName] : undefined;
  if (!keysOf) return { kind: 'skip', reason: 'not listed in GSI3' };
  if (item[GSI3.partitionKey] !== undefined) return { kind: 'skip', reason: 'indexed already' };
  try {
    return { kind: 'index', keys: keysOf(item) };
  } catch (error) {
    return { kind: 'unindexable', reason: (error as Error).message };
  }
}

/** A scan position (LastEvaluatedKey) per segment; `done` once the segment is scanned to its end. */
export interface Gsi3State {
  tableName: string;
  segments: number;
  positions: Array<{ lastKey?: Record<string, unknown>; done: boolean }>;
}

export interface Gsi3Counts {
  /** Items read (the scan's ScannedCount). */
  scanned: number;
  /** Items given their GSI3 keys (with `dryRun`: that would be). */
  updated: number;
  /** Items read and not updated: of other types, indexed already, or indexed by a write beside the run. */
  skipped: number;
  /** Of these, items whose condition failed: they had their keys by the time the update came (a write beside it). */
  raced: number;
  /** Of these, visits and reservations without the fields their keys are made of (their keys are logged). */
  unindexable: number;
}

export interface Gsi3Options {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Parallel scan segments (1–1000). */
  segments?: number;
  /** Items per scan page. */
  pageSize?: number;
  /** Read and count only: no update, no state saved. */
  dryRun?: boolean;
  /** A JSON file the segments' positions are saved in after every page, and resumed from when it exists. */
  stateFile?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Stop after this many pages in all (for a test of resuming): the state holds where each segment stopped. */
  maxPages?: number;
}

/** The saved state, or a fresh one; refused when it is another table's or another number of segments'. */
export function loadState(file: string | undefined, tableName: string, segments: number): Gsi3State {
  const fresh: Gsi3State = {
    tableName,
    segments,
    positions: Array.from({ length: segments }, () => ({ done: false })),
  };
  if (!file || !existsSync(file)) return fresh;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Gsi3State;
  if (saved.tableName !== tableName || saved.segments !== segments || saved.positions?.length !== segments) {
    throw new Error(
      `${file} is the state of ${saved.tableName} in ${saved.segments} segments, not of ${tableName} in ${segments}: ` +
        'give the same --segments, or another --state file',
    );
  }
  return saved;
}

function saveState(file: string, state: Gsi3State): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Gives one item its GSI3 keys unless it has some by now (or is gone): `false` when the condition failed. */
function indexItem(
  doc: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  keys: Record<string, string>,
) {
  return writtenUnlessConditionFails(
    doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: {
          [tableDefinition.partitionKey]: item[tableDefinition.partitionKey],
          [tableDefinition.sortKey]: item[tableDefinition.sortKey],
        },
        UpdateExpression: 'SET #gpk = :gpk, #gsk = :gsk',
        ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#gpk)',
        ExpressionAttributeNames: {
          '#pk': tableDefinition.partitionKey,
          '#gpk': GSI3.partitionKey,
          '#gsk': GSI3.sortKey,
        },
        ExpressionAttributeValues: { ':gpk': keys[GSI3.partitionKey], ':gsk': keys[GSI3.sortKey] },
      }),
    ),
  );
}

/** Updates at once within a page. */
const UPDATES_AT_ONCE = 10;

/**
 * Runs the backfill over the whole table (or what the state file has left of it): scans each segment page by page,
 * indexes the items `usageIndexBackfill` says to, and returns the counts. Safe to run again: an indexed item is
 * skipped, and the update's condition refuses an item indexed since it was read.
 */
export async function backfillUsageIndex(options: Gsi3Options): Promise<Gsi3Counts & { state: Gsi3State }> {
  const { doc, tableName, dryRun = false, pageSize = 500, log = () => {} } = options;
  const segments = options.segments ?? 4;
  if (!Number.isInteger(segments) || segments < 1 || segments > 1000) {
    throw new Error(`--segments must be 1 to 1000: ${segments}`);
  }
  const state = loadState(options.stateFile, tableName, segments);
  const counts: Gsi3Counts = { scanned: 0, updated: 0, skipped: 0, raced: 0, unindexable: 0 };
  let pages = 0;
  const stopped = () => options.maxPages !== undefined && pages >= options.maxPages;
  const save = () => {
    if (options.stateFile && !dryRun) saveState(options.stateFile, state);
  };

  async function runSegment(segment: number) {
    const position = state.positions[segment] as Gsi3State['positions'][number];
    while (!position.done && !stopped()) {
      pages++;
      const page = await doc.send(
        new ScanCommand({
          TableName: tableName,
          Segment: segment,
          TotalSegments: segments,
          Limit: pageSize,
          ...(position.lastKey ? { ExclusiveStartKey: position.lastKey } : {}),
        }),
      );
      const items = page.Items ?? [];
      const pageCounts = { scanned: page.ScannedCount ?? items.length, updated: 0, raced: 0, unindexable: 0 };
      const toIndex: Array<{ item: Record<string, unknown>; keys: Record<string, string> }> = [];
      for (const item of items) {
        const decision = usageIndexBackfill(item);
        if (decision.kind === 'index') toIndex.push({ item, keys: decision.keys });
        if (decision.kind === 'unindexable') {
          pageCounts.unindexable++;
          log(`  left as it is: ${String(item[tableDefinition.partitionKey])} (${decision.reason})`);
        }
      }
      for (let i = 0; i < toIndex.length; i += UPDATES_AT_ONCE) {
        const written = await Promise.all(
          toIndex
            .slice(i, i + UPDATES_AT_ONCE)
            .map(({ item, keys }) => (dryRun ? Promise.resolve(true) : indexItem(doc, tableName, item, keys))),
        );
        pageCounts.updated += written.filter(Boolean).length;
        pageCounts.raced += written.filter((w) => !w).length;
      }
      counts.scanned += pageCounts.scanned;
      counts.updated += pageCounts.updated;
      counts.raced += pageCounts.raced;
      counts.unindexable += pageCounts.unindexable;
      counts.skipped = counts.scanned - counts.updated;
      if (page.LastEvaluatedKey) position.lastKey = page.LastEvaluatedKey;
      else {
        delete position.lastKey;
        position.done = true;
      }
      save();
      log(
        `segment ${segment + 1}/${segments}: ${pageCounts.scanned} scanned, ${pageCounts.updated} ` +
          `${dryRun ? 'to update' : 'updated'}${position.done ? ' (segment done)' : ''} — in all ${counts.scanned} ` +
          `scanned, ${counts.updated} ${dryRun ? 'to update' : 'updated'}, ${counts.skipped} skipped`,
      );
    }
  }

  await Promise.all(Array.from({ length: segments }, (_, segment) => runSegment(segment)));
  return { ...counts, state };
}
