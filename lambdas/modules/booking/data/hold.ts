/**
 * A member's holds: one item per reservation that holds time (requested, confirmed, checked in), under the
 * member, sorted by end. Read to refuse overlapping bookings; written with the reservation it mirrors.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant } from '../../../domain/model';
import { fill, fillPrefix, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { TaggedItem } from '../../../platform/dynamo/transactions';
import type { OwnHold } from '../rules/reservation';

const holdKey = (memberId: string, end: Instant, reservationId: string) =>
  itemKey('memberHold', { memberId, utcEnd: isoUtc(end), reservationId });

export class HoldRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The member's holds that end after `t`: strongly consistent. */
  async holdsOf(memberId: string, endingAfter: Instant): Promise<OwnHold[]> {
    // Every hold ending after `t` sorts above `HOLD#<t>#~` and below `HOLD#~` (ids sort below `~`).
    const { pk, sk } = ITEM_TYPES.memberHold;
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': fill(pk, { memberId }),
        ':from': `${fillPrefix(sk, { utcEnd: isoUtc(endingAfter) })}~`,
        ':to': `${fillPrefix(sk, {})}~`,
      },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      reservationId: String(item.reservationId),
      start: Date.parse(String(item.start)),
      end: Date.parse(String(item.end)),
    }));
  }

  put(hold: { memberId: string; reservationId: string; start: Instant; end: Instant }): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...holdKey(hold.memberId, hold.end, hold.reservationId),
            entity: 'hold',
            reservationId: hold.reservationId,
            start: isoUtc(hold.start),
            end: isoUtc(hold.end),
          },
        },
      },
    };
  }

  delete(hold: { memberId: string; reservationId: string; end: Instant }): TaggedItem {
    return {
      item: { Delete: { TableName: this.tableName, Key: holdKey(hold.memberId, hold.end, hold.reservationId) } },
    };
  }
}
