/** Spaces: the seats and rooms of a facility, listed per facility and in one catalogue for search. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Space } from '../../../domain/model';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, indexAttributes, indexKey, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import { putIfAbsent, putOverVersion } from '../../../platform/dynamo/transactions';

const [BY_FACILITY, CATALOGUE] = ITEM_TYPES.space.indexes;
const byFacility = indexAttributes(BY_FACILITY);
const catalogue = indexAttributes(CATALOGUE);

export const spaceKey = (spaceId: string) => itemKey('space', { spaceId });

/** A stored space: its bookable period as ISO UTC instants, like every stored instant. */
const spaceFromItem = (item: Record<string, unknown>): Space => {
  const stored = stripStorage<Space>(item);
  return {
    ...stored,
    bookableFrom: instantFromItem(stored.bookableFrom),
    bookableUntil: instantFromItem(stored.bookableUntil),
  };
};

export class SpaceRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Writes a space's new state over the one of `expectedVersion`; false when another edit came first. */
  replaceSpace(space: Space, expectedVersion: number): Promise<boolean> {
    return putOverVersion(this.doc, this.tableName, this.itemOf(space), expectedVersion);
  }

  /** Writes a new space; false when its id is taken. */
  createSpace(space: Space): Promise<boolean> {
    return putIfAbsent(this.doc, this.tableName, this.itemOf(space));
  }

  async putSpace(space: Space): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: this.itemOf(space) }));
  }

  /** The stored item of a space: its keys, its two index entries, instants as ISO UTC. */
  private itemOf(space: Space): Record<string, unknown> {
    const ids = { facilityId: space.facilityId, spaceId: space.spaceId };
    return {
      ...spaceKey(space.spaceId),
      ...indexKey(BY_FACILITY, ids),
      ...indexKey(CATALOGUE, ids),
      entity: 'space',
      ...space,
      bookableFrom: instantToItem(space.bookableFrom),
      bookableUntil: instantToItem(space.bookableUntil),
    };
  }

  async getSpace(spaceId: string): Promise<Space | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: spaceKey(spaceId) }));
    return Item ? spaceFromItem(Item) : undefined;
  }

  /** Every space of every facility (search filters that look at spaces); one query on the catalogue index. */
  async listAllSpaces(): Promise<Space[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: catalogue.name,
      KeyConditionExpression: `${catalogue.pk} = :pk`,
      ExpressionAttributeValues: { ':pk': fill(CATALOGUE.pk, {}) },
    });
    return items.map(spaceFromItem);
  }

  async spacesOfFacility(facilityId: string): Promise<Space[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: byFacility.name,
      KeyConditionExpression: `${byFacility.pk} = :pk AND begins_with(${byFacility.sk}, :prefix)`,
      ExpressionAttributeValues: {
        ':pk': fill(BY_FACILITY.pk, { facilityId }),
        ':prefix': fillPrefix(BY_FACILITY.sk, {}),
      },
    });
    return items.map(spaceFromItem);
  }
}
