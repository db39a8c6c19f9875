/** Door ids taken by facilities: a door id is global (its MQTT topics name it), so it belongs to one facility. */
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { itemKey } from '../../../platform/dynamo/keys';
import type { TaggedItem } from '../../../platform/dynamo/transactions';

const doorKey = (doorId: string) => itemKey('door', { doorId });

export class DoorRegistry {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records the doors of a facility as it is loaded (the demo data). */
  async putDoors(facility: { facilityId: string; doors: ReadonlyArray<{ doorId: string }> }): Promise<void> {
    for (const { doorId } of facility.doors) {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...doorKey(doorId), entity: 'door', doorId, facilityId: facility.facilityId },
        }),
      );
    }
  }

  /** In a transaction: the door id is this facility's (already, or now); another facility's refuses the write. */
  taken(doorId: string, facilityId: string): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...doorKey(doorId), entity: 'door', doorId, facilityId },
          ConditionExpression: 'attribute_not_exists(PK) OR facilityId = :facility',
          ExpressionAttributeValues: { ':facility': facilityId },
        },
      },
      onConditionFailed: { code: 'INVALID_SPACE_CONFIG', detail: `Door ${doorId} belongs to another facility` },
    };
  }

  /** In a transaction: the facility gives the door id up. */
  released(doorId: string): TaggedItem {
    return { item: { Delete: { TableName: this.tableName, Key: doorKey(doorId) } } };
  }
}
