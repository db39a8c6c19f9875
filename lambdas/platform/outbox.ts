/**
 * The outbox (design.md convention 7, api.md "Notifications"): a change that causes a message puts an outbox item in
 * its own transaction ({@link OutboxStore.written}); the stream consumer claims, sends and marks it sent. The item's
 * keys are built here only, from `ITEM_TYPES.outbox`.
 *
 * Sending is idempotent per outbox id, not exactly once: the consumer claims the item (a conditional write: not sent,
 * no live claim), sends each of its mails (its parts: a booking's mail to the member and to the facility), marking each
 * part sent under its claim as it goes and the item sent with its last, so that a retry sends only the parts not yet
 * sent. A redelivered record finds it sent and sends nothing; two
 * deliveries at once find the claim taken. What is left: a send that SES accepted but whose answer was lost, or a
 * process that died between SES accepting and the sent marker, is sent again when the record is retried (after the
 * claim's lease). SES v2 takes no idempotency key, so that window cannot be closed from here; it is one SES call wide.
 */
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '../../contracts/events';
import { OUTBOX_ENTITY, outboxIdOf } from '../../contracts/outbox';
import { tableContext } from './dynamo/client';
import { isoUtc, itemKey } from './dynamo/keys';
import { type TaggedItem, writtenUnlessConditionFails } from './dynamo/transactions';

/** How long an outbox item is kept (its `ttl`): well past the stream's 24 hours and the consumer's retries. */
export const OUTBOX_TTL_DAYS = 7;

/** How long a consumer's claim holds an item against another delivery (longer than one SES call and its retries). */
export const OUTBOX_CLAIM_LEASE_MS = 60_000;

/** Where an outbox item stands. */
export interface OutboxState {
  outboxId: string;
  /** As it was written: parsed by the consumer, which refuses one it does not know. */
  message: unknown;
  createdAt: string;
  /** When all its mails were sent (SES accepted them); absent until then. */
  sentAt?: string;
  /** The parts sent so far, each with SES's message id (`none`: the part had no recipients). */
  sentParts?: Record<string, string>;
  /** The claim of the delivery sending it now, and until when it holds. */
  claim?: string;
  claimedUntil?: number;
  /** Deliveries that claimed it. */
  attempts?: number;
}

const outboxKey = (outboxId: string) => itemKey('outbox', { outboxId });

export class OutboxStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * In the transaction of the change that causes `message`: its outbox item, only if absent (a retried change whose
   * other items are written conditionally fails as `stale` here too, and writes nothing).
   */
  written(message: OutboxMessage, now: number): TaggedItem {
    const outboxId = outboxIdOf(message);
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...outboxKey(outboxId),
            entity: OUTBOX_ENTITY,
            outboxId,
            kind: message.kind,
            message,
            createdAt: isoUtc(now),
            ttl: Math.floor(now / 1000) + OUTBOX_TTL_DAYS * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** The item as it stands (strongly consistent), or undefined when it is gone (expired). */
  async get(outboxId: string): Promise<OutboxState | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: outboxKey(outboxId), ConsistentRead: true }),
    );
    return Item as OutboxState | undefined;
  }

  /**
   * Claims the item for one delivery until `now` + {@link OUTBOX_CLAIM_LEASE_MS}: only while it is there, not sent and
   * not claimed by a live claim. The item as claimed (with the parts sent before), or undefined when it was not claimed
   * (read it to learn why).
   */
  async claim(outboxId: string, claim: string, now: number): Promise<OutboxState | undefined> {
    let claimed: OutboxState | undefined;
    const written = await writtenUnlessConditionFails(
      this.doc
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: outboxKey(outboxId),
            UpdateExpression:
              'SET claim = :claim, claimedUntil = :until, sentParts = if_not_exists(sentParts, :none) ADD attempts :one',
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(sentAt) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)',
            ExpressionAttributeValues: {
              ':claim': claim,
              ':until': now + OUTBOX_CLAIM_LEASE_MS,
              ':now': now,
              ':one': 1,
              ':none': {},
            },
            ReturnValues: 'ALL_NEW',
          }),
        )
        .then(({ Attributes }) => {
          claimed = Attributes as OutboxState;
        }),
    );
    return written ? claimed : undefined;
  }

  /** Gives a claim up after a failed send, so that the retry need not wait for its lease. Harmless when not held. */
  async release(outboxId: string, claim: string): Promise<void> {
    await writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKey(outboxId),
          UpdateExpression: 'REMOVE claim, claimedUntil',
          ConditionExpression: 'claim = :claim',
          ExpressionAttributeValues: { ':claim': claim },
        }),
      ),
    );
  }

  /**
   * Marks one part sent under `claim` (SES's message id, `none` when it had no recipients) and, with the last part, the
   * item: false when the claim was lost (its lease ran out and another delivery took it), which the caller reports.
   */
  markSent(
    outboxId: string,
    claim: string,
    sent: { part: string; sesMessageId: string; at: number; last: boolean },
  ): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKey(outboxId),
          UpdateExpression: sent.last
            ? 'SET sentParts.#part = :id, sentAt = :at REMOVE claim, claimedUntil'
            : 'SET sentParts.#part = :id',
          ConditionExpression: 'claim = :claim AND attribute_not_exists(sentAt)',
          ExpressionAttributeNames: { '#part': sent.part },
          ExpressionAttributeValues: {
            ':claim': claim,
            ':id': sent.sesMessageId,
            ...(sent.last ? { ':at': isoUtc(sent.at) } : {}),
          },
        }),
      ),
    );
  }
}

let store: OutboxStore | undefined;

/** The outbox over the process-wide table, made once: what every writer of messages and the consumer use. */
export function outboxStore(): OutboxStore {
  const { doc, tableName } = tableContext();
  store ??= new OutboxStore(doc, tableName);
  return store;
}
