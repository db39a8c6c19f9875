/**
 * Holds: one item per reservation that holds time (requested, confirmed, checked in), under the member and under
 * the space, sorted by end. The member's are read to refuse overlapping bookings, the space's by a calendar change
 * (which bookings it would strand); both are written with the reservation they mirror.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant, Reservation } from '../../../domain/model';
import { fill, fillPrefix, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { TaggedItem } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import type { OwnHold } from '../rules/reservation';

const holdKey = (memberId: string, end: Instant, reservationId: string) =>
  itemKey('memberHold', { memberId, utcEnd: isoUtc(end), reservationId });
const spaceHoldKey = (spaceId: string, reservationId: string) => itemKey('spaceHold', { spaceId, reservationId });

/** A reservation as a space's hold shows it: what a calendar change names when it would strand it. */
export interface SpaceHold {
  reservationId: string;
  /** The reservation number (`R-XXXX-XXXX-XXXX`). */
  number: string;
  start: Instant;
  end: Instant;
}

type Holder = Pick<Reservation, 'memberId' | 'spaceId' | 'reservationId' | 'number' | 'start' | 'end'>;

const holdFromItem = (item: Record<string, unknown>) => ({
  reservationId: String(item.reservationId),
  start: Date.parse(String(item.start)),
  end: Date.parse(String(item.end)),
});

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
    return items.map(holdFromItem);
  }

  /**
   * The space's holds that end after `t`: strongly consistent. A space's partition keeps only live holds (each goes
   * with the end of its reservation's hold), so the filter drops few.
   */
  async holdsOfSpace(spaceId: string, endingAfter: Instant): Promise<SpaceHold[]> {
    const { pk, sk } = ITEM_TYPES.spaceHold;
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: '#end > :after',
      ExpressionAttributeNames: { '#end': 'end' },
      ExpressionAttributeValues: {
        ':pk': fill(pk, { spaceId }),
        ':prefix': fillPrefix(sk, {}),
        ':after': isoUtc(endingAfter),
      },
      ConsistentRead: true,
    });
    return items.map((item) => ({ ...holdFromItem(item), number: String(item.number ?? item.reservationId) }));
  }

  /** The hold items of a reservation: under its member and under its space. */
  put(hold: Holder): TaggedItem[] {
    const space = { ...this.keys(hold).space, entity: 'spaceHold', ...(hold.number ? { number: hold.number } : {}) };
    return [this.putItem(hold, { ...this.keys(hold).member, entity: 'hold' }), this.putItem(hold, space)];
  }

  delete(hold: Holder): TaggedItem[] {
    const keys = this.keys(hold);
    return [keys.member, keys.space].map((Key) => ({ item: { Delete: { TableName: this.tableName, Key } } }));
  }

  /** The hold items of a reservation whose end moves (an extension): the member's re-keyed, the space's updated. */
  moveEnd(hold: Holder, end: Instant): TaggedItem[] {
    const moved = { ...hold, end };
    return [
      { item: { Delete: { TableName: this.tableName, Key: this.keys(hold).member } } },
      this.putItem(moved, { ...this.keys(moved).member, entity: 'hold' }),
      {
        item: {
          Update: {
            TableName: this.tableName,
            Key: this.keys(hold).space,
            ...updateExpression({ set: { end: isoUtc(end) } }),
          },
        },
      },
    ];
  }

  private putItem(hold: Holder, keyed: Record<string, string>): TaggedItem {
    const fields = { reservationId: hold.reservationId, start: isoUtc(hold.start), end: isoUtc(hold.end) };
    return { item: { Put: { TableName: this.tableName, Item: { ...keyed, ...fields } } } };
  }

  private keys(hold: Holder) {
    return {
      member: holdKey(hold.memberId, hold.end, hold.reservationId),
      space: spaceHoldKey(hold.spaceId, hold.reservationId),
    };
  }
}
