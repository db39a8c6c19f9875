import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ErrorCode } from '../../../contracts/errors';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What a failed condition on an item means: an API refusal, or "the state moved: decide again". */
export type ConditionMeaning = { code: ErrorCode; detail: string } | 'stale';

export interface TaggedItem {
  item: TransactItem;
  /** Meaning of this item's condition failing; absent = the item has no condition that can fail. */
  onConditionFailed?: ConditionMeaning;
}

export type TransactOutcome = { ok: true } | { ok: false; failed: ConditionMeaning };

/** DynamoDB's limit of items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100;
const CONFLICT_RETRIES = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one TransactWriteItems. A cancelled condition is reported with the meaning its item was tagged
 * with; a TransactionConflict (another transaction on the same items) is retried with jittered backoff.
 */
export async function transact(doc: DynamoDBDocumentClient, items: readonly TaggedItem[]): Promise<TransactOutcome> {
  if (items.length > MAX_TRANSACT_ITEMS) throw new Error(`A transaction holds at most ${MAX_TRANSACT_ITEMS} items`);
  for (let attempt = 0; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items.map((t) => t.item) }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failedAt = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failedAt >= 0) {
        const meaning = items[failedAt]?.onConditionFailed;
        if (!meaning) throw error;
        return { ok: false, failed: meaning };
      }
      const conflict = reasons.some((r) => r.Code === 'TransactionConflict');
      if (!conflict || attempt >= CONFLICT_RETRIES) {
        if (conflict) return { ok: false, failed: 'stale' };
        throw error;
      }
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}

/**
 * Sends a conditional single-item write: `true` when it was written, `false` when its condition failed (the
 * item was not in the state the write needs); any other failure is thrown.
 */
export async function writtenUnlessConditionFails(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (
      error instanceof ConditionalCheckFailedException ||
      (error as Error).name === 'ConditionalCheckFailedException'
    ) {
      return false;
    }
    throw error;
  }
}

/** Puts an item unless one with its key is stored: `false` when one is, and nothing is written. */
export function putIfAbsent(
  doc: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
): Promise<boolean> {
  return writtenUnlessConditionFails(
    doc.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' })),
  );
}

/**
 * Puts an item over the stored one of `expectedVersion` (the item carries the next version): `false` when the
 * stored one is not that version any more (another edit came first), and nothing is written.
 */
export function putOverVersion(
  doc: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  expectedVersion: number,
): Promise<boolean> {
  return writtenUnlessConditionFails(
    doc.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    ),
  );
}
