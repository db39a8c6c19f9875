import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Facility, Space } from '../../../domain/model';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { keys } from '../../../platform/dynamo/keys';
import { type QueryInput, queryAll } from '../../../platform/dynamo/query';

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

/** Facilities and their spaces. */
export class FacilityRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putFacility(facility: Facility): Promise<void> {
    const item: FacilityItem = {
      ...facility,
      publishFrom: instantToItem(facility.publishFrom),
      publishUntil: instantToItem(facility.publishUntil),
    };
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.facility(facility.facilityId),
          ...keys.facilityIndex(facility.facilityId, facility.address.prefecture),
          entity: 'facility',
          ...item,
        },
      }),
    );
  }

  async putSpace(space: Space): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.space(space.spaceId),
          ...keys.spaceIndex(space.facilityId, space.spaceId),
          ...keys.spaceCatalogue(space.facilityId, space.spaceId),
          entity: 'space',
          ...space,
        },
      }),
    );
  }

  async getFacility(facilityId: string): Promise<Facility | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.facility(facilityId) }));
    return Item ? facilityFromItem(Item) : undefined;
  }

  async getSpace(spaceId: string): Promise<Space | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.space(spaceId) }));
    return Item ? stripStorage<Space>(Item) : undefined;
  }

  /** A space and its facility: one round trip after the space is known. */
  async getSpaceWithFacility(spaceId: string): Promise<{ space: Space; facility: Facility } | undefined> {
    const space = await this.getSpace(spaceId);
    if (!space) return undefined;
    const facility = await this.getFacility(space.facilityId);
    return facility ? { space, facility } : undefined;
  }

  /** All facilities, or those of one prefecture; one query on the facility index (paginated). */
  async listFacilities(prefecture?: string): Promise<Facility[]> {
    const partition = keys.facilitiesPartition();
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: prefecture ? 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)' : 'GSI1PK = :pk',
      ExpressionAttributeValues: {
        ':pk': partition.GSI1PK,
        ...(prefecture ? { ':prefix': keys.facilitiesInPrefecture(prefecture) } : {}),
      },
    });
    return items.map(facilityFromItem);
  }

  /** Every space of every facility (search filters that look at spaces); one query on the catalogue index. */
  async listAllSpaces(): Promise<Space[]> {
    const items = await this.queryAll({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.allSpaces().GSI2PK },
    });
    return items.map((item) => stripStorage<Space>(item));
  }

  async spacesOfFacility(facilityId: string): Promise<Space[]> {
    const index = keys.spacesOfFacility(facilityId);
    const items = await this.queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': index.GSI1PK, ':prefix': index.GSI1SKPrefix },
    });
    return items.map((item) => stripStorage<Space>(item));
  }

  private queryAll(input: QueryInput) {
    return queryAll(this.doc, this.tableName, input);
  }
}
