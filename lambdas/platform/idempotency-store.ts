import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { itemKey } from './dynamo/keys';
import type { Claim, IdempotencyStore } from './idempotency';

/** How long a record is kept (the table's TTL removes it later). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** How long an in-progress claim blocks others before it counts as abandoned. */
export const IN_PROGRESS_LOCK_MS = 30_000;

/**
 * Idempotency records in the table: a request claims its key, then completes it with its answer or
 * abandons it. Keys are scoped by the caller, so two members never share one.
 * Expiry is wall-clock time (the record is infrastructure, not domain time).
 */
export class DynamoIdempotencyStore<A> implements IdempotencyStore<A> {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** Claims `scope` for a request with `requestHash`, or says what holds it. */
  async claim(scope: string, requestHash: string): Promise<Claim<A>> {
    const now = this.wallClock();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...itemKey('idempotency', { scope }),
            entity: 'idempotency',
            status: 'inProgress',
            requestHash,
            lockedUntil: now + IN_PROGRESS_LOCK_MS,
            ttl: Math.floor(now / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression:
            'attribute_not_exists(PK) OR #ttl < :nowSeconds OR (#status = :inProgress AND lockedUntil < :now)',
          ExpressionAttributeNames: { '#ttl': 'ttl', '#status': 'status' },
          ExpressionAttributeValues: {
            ':nowSeconds': Math.floor(now / 1000),
            ':now': now,
            ':inProgress': 'inProgress',
          },
        }),
      );
      return { kind: 'claimed' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return this.describe(await this.read(scope), requestHash);
    }
  }

  /** What holds a key now (after waiting for an in-progress request). */
  async look(scope: string, requestHash: string): Promise<Claim<A> | undefined> {
    const item = await this.read(scope);
    return item ? this.describe(item, requestHash) : undefined;
  }

  async complete(scope: string, answer: A): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKey('idempotency', { scope }),
        UpdateExpression: 'SET #status = :done, answer = :answer REMOVE lockedUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':answer': answer },
      }),
    );
  }

  /** Frees a claim whose request failed, so that a retry runs again. */
  async abandon(scope: string): Promise<void> {
    await this.doc.send(new DeleteCommand({ TableName: this.tableName, Key: itemKey('idempotency', { scope }) }));
  }

  private async read(scope: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: itemKey('idempotency', { scope }), ConsistentRead: true }),
    );
    return Item;
  }

  private describe(item: Record<string, unknown> | undefined, requestHash: string): Claim<A> {
    if (!item) return { kind: 'inProgress' };
    if (item.requestHash !== requestHash) return { kind: 'reused' };
    if (item.status === 'done') return { kind: 'done', answer: item.answer as A };
    return { kind: 'inProgress' };
  }
}
