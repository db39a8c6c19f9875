/**
 * Reservation numbers taken: one item per number, written in the booking's transaction only if no item has
 * that number yet, so two reservations never share one. A taken number makes the booking stale: it is decided
 * again with a new number.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { itemKey } from '../../../platform/dynamo/keys';
import type { TaggedItem } from '../../../platform/dynamo/transactions';

export const reservationNumberKey = (number: string) => itemKey('reservationNumber', { number });

export class ReservationNumberRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Takes `number` for a reservation, in a transaction: stale when another reservation has it. */
  take(number: string, reservationId: string): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...reservationNumberKey(number), entity: 'reservationNumber', number, reservationId },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** The reservation that has `number`, if any. */
  async reservationIdOf(number: string): Promise<string | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: reservationNumberKey(number), ConsistentRead: true }),
    );
    return Item ? String(Item.reservationId) : undefined;
  }
}
