import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Instant } from '../../../domain/model';
import { keys } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';

/** Slot counters: how many holds each 15-minute slot of a space carries. */
export class SlotRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Holds per slot start in `[from, to)`; slots without a counter are absent (0). */
  async heldBetween(spaceId: string, from: Instant, to: Instant): Promise<Map<Instant, number>> {
    const range = keys.slotRange(spaceId, from, to);
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': range.PK, ':from': range.from, ':to': range.to },
      ProjectionExpression: 'SK, held',
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [keys.slotStartOf(String(item.SK)), Number(item.held ?? 0)]));
  }
}
