/** Facilities: a partner's office with its calendar, doors and limits; listed by prefecture for search. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Facility } from '../../../domain/model';
import { batchGetAll } from '../../../platform/dynamo/batch';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, indexAttributes, indexKey, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import { putOverVersion, type TaggedItem, type TransactOutcome, transact } from '../../../platform/dynamo/transactions';

const [BY_PREFECTURE] = ITEM_TYPES.facility.indexes;
const byPrefecture = indexAttributes(BY_PREFECTURE);

export const facilityKey = (facilityId: string) => itemKey('facility', { facilityId });

type FacilityItem = Omit<Facility, 'publishFrom' | 'publishUntil'> & {
  publishFrom: string | null;
  publishUntil: string | null;
};

const facilityFromItem = (item: Record<string, unknown>): Facility => {
  const stored = stripStorage<FacilityItem>(item);
  return {
    ...stored,
    publishFrom: instantFromItem(stored.publishFrom),
    publishUntil: instantFromItem(stored.publishUntil),
  };
};

export class FacilityRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Writes a facility's new state over the one of `expectedVersion` (the new one carries the next version); false
   * when the stored one is not that version any more (another edit came first), and nothing is written.
   */
  replaceFacility(facility: Facility, expectedVersion: number): Promise<boolean> {
    return putOverVersion(this.doc, this.tableName, this.itemOf(facility), expectedVersion);
  }

  /**
   * Writes a new facility with `extra` items (its partner's list) in one transaction: refused with the meaning of
   * the item whose condition fails (an id taken is `INVALID_STATE`).
   */
  createFacility(facility: Facility, extra: readonly TaggedItem[]): Promise<TransactOutcome> {
    return transact(this.doc, [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: this.itemOf(facility),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: { code: 'INVALID_STATE', detail: `Facility id ${facility.facilityId} is taken` },
      },
      ...extra,
    ]);
  }

  /** In a transaction: the facility's new state over the one of `expectedVersion` (stale when another came first). */
  replaceItem(facility: Facility, expectedVersion: number): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: this.itemOf(facility),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      onConditionFailed: 'stale',
    };
  }

  async putFacility(facility: Facility): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: this.itemOf(facility) }));
  }

  /** The stored item of a facility: its keys, the prefecture index entry, instants as ISO UTC. */
  private itemOf(facility: Facility): Record<string, unknown> {
    const item: FacilityItem = {
      ...facility,
      publishFrom: instantToItem(facility.publishFrom),
      publishUntil: instantToItem(facility.publishUntil),
    };
    return {
      ...facilityKey(facility.facilityId),
      ...indexKey(BY_PREFECTURE, { prefecture: facility.address.prefecture, facilityId: facility.facilityId }),
      entity: 'facility',
      ...item,
    };
  }

  async getFacility(facilityId: string): Promise<Facility | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: facilityKey(facilityId) }));
    return Item ? facilityFromItem(Item) : undefined;
  }

  /** All facilities, or those of one prefecture; one query on the facility index (paginated). */
  async listFacilities(prefecture?: string): Promise<Facility[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: byPrefecture.name,
      KeyConditionExpression: `${byPrefecture.pk} = :pk${prefecture ? ` AND begins_with(${byPrefecture.sk}, :prefix)` : ''}`,
      ExpressionAttributeValues: {
        ':pk': fill(BY_PREFECTURE.pk, {}),
        ...(prefecture ? { ':prefix': fillPrefix(BY_PREFECTURE.sk, { prefecture }) } : {}),
      },
    });
    return items.map(facilityFromItem);
  }

  /**
   * The names of the facilities of these ids that exist, by id: their names only, one read per 100 ids. An id
   * given many times (the facility of every line of a CSV) is made a key once.
   */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const items = await batchGetAll(this.doc, this.tableName, [...new Set(ids)].map(facilityKey), {
      attributes: ['facilityId', 'name'],
    });
    return new Map(items.map((item) => [String(item.facilityId), String(item.name)]));
  }
}
