/**
 * Slot counters: how many holds each 15-minute slot of a space carries. Taken (within capacity) in the same
 * transaction as the booking, released with it; read for availability and extensions.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant } from '../../../domain/model';
import { fillPrefix, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { ConditionMeaning, TaggedItem } from '../../../platform/dynamo/transactions';

const SLOT_SK = ITEM_TYPES.slotCounter.sk;

/** The key of the counter of the slot of `spaceId` starting at `slotStart`. */
export const slotKey = (spaceId: string, slotStart: Instant) =>
  itemKey('slotCounter', { spaceId, utcSlotStart: isoUtc(slotStart) });

const slotStartOf = (sk: string): Instant => Date.parse(sk.slice(fillPrefix(SLOT_SK, {}).length));

export class SlotCounterRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Holds per slot start in `[from, to)`; slots without a counter are absent (0). */
  async heldBetween(spaceId: string, from: Instant, to: Instant): Promise<Map<Instant, number>> {
    const first = slotKey(spaceId, from);
    // The last slot start strictly before `to`: ISO strings of whole minutes compare as instants.
    const last = slotKey(spaceId, to - 1);
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': first.PK, ':from': first.SK, ':to': last.SK },
      ProjectionExpression: 'SK, held',
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [slotStartOf(String(item.SK)), Number(item.held ?? 0)]));
  }

  /** One more hold on a slot, only while it stays within capacity. */
  take(spaceId: string, slot: Instant, capacity: number, meaning: ConditionMeaning): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: slotKey(spaceId, slot),
          UpdateExpression: 'ADD held :one',
          ConditionExpression: 'attribute_not_exists(held) OR held < :capacity',
          ExpressionAttributeValues: { ':one': 1, ':capacity': capacity },
        },
      },
      onConditionFailed: meaning,
    };
  }

  /** One hold less on a slot. */
  release(spaceId: string, slot: Instant): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: slotKey(spaceId, slot),
          UpdateExpression: 'ADD held :minusOne',
          ExpressionAttributeValues: { ':minusOne': -1 },
        },
      },
    };
  }
}
