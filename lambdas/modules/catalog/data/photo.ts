/** A facility's photos: one item each, listed per facility (newest last) on the GSI2 entry of the registry. */
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import { instantFromItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, indexAttributes, indexKey, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import { writtenUnlessConditionFails } from '../../../platform/dynamo/transactions';

export interface Photo {
  photoId: string;
  facilityId: string;
  partnerId: string;
  spaceId?: string;
  top: boolean;
  contentType: 'image/jpeg' | 'image/gif';
  /** The declared size: the upload may not be larger. */
  bytes: number;
  /** Where the file lives in the photos bucket. */
  key: string;
  createdAt: number;
}

const [OF_FACILITY] = ITEM_TYPES.photo.indexes;
const ofFacility = indexAttributes(OF_FACILITY);

export class PhotoRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(photo: Photo): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...itemKey('photo', { photoId: photo.photoId }),
          ...indexKey(OF_FACILITY, {
            facilityId: photo.facilityId,
            utcCreatedAt: isoUtc(photo.createdAt),
            photoId: photo.photoId,
          }),
          entity: 'photo',
          ...photo,
          createdAt: isoUtc(photo.createdAt),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getPhoto(photoId: string): Promise<Photo | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: itemKey('photo', { photoId }) }),
    );
    return Item ? photoFromItem(Item) : undefined;
  }

  async ofFacility(facilityId: string): Promise<Photo[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: ofFacility.name,
      KeyConditionExpression: `${ofFacility.pk} = :pk`,
      ExpressionAttributeValues: { ':pk': fill(OF_FACILITY.pk, { facilityId }) },
    });
    return items.map(photoFromItem);
  }

  /** Deletes a photo's item (and with it its entry in the facility's list): `false` when it was not there. */
  remove(photoId: string): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.doc.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: itemKey('photo', { photoId }),
          ConditionExpression: 'attribute_exists(PK)',
        }),
      ),
    );
  }
}

function photoFromItem(item: Record<string, unknown>): Photo {
  const stored = stripStorage<Photo & { createdAt: unknown }>(item);
  return { ...stored, createdAt: instantFromItem(stored.createdAt) as number };
}
