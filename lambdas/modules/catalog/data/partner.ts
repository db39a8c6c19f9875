/** Partners (加盟店企業): the companies that run facilities. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';
import { putIfAbsent, type TaggedItem } from '../../../platform/dynamo/transactions';

export interface PartnerRecord {
  partnerId: string;
  name: string;
  facilityIds: string[];
  payoutRatePercent: number;
}

const partnerKey = (partnerId: string) => itemKey('partner', { partnerId });

export class PartnerRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putPartner(partner: PartnerRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...partnerKey(partner.partnerId), entity: 'partner', ...partner },
      }),
    );
  }

  /** Writes a new partner; false when its id is taken, and nothing is written. */
  createPartner(partner: PartnerRecord): Promise<boolean> {
    return putIfAbsent(this.doc, this.tableName, { ...partnerKey(partner.partnerId), entity: 'partner', ...partner });
  }

  /** In a facility's creating transaction: the partner (which must exist) lists the facility. */
  facilityAdded(partnerId: string, facilityId: string): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: partnerKey(partnerId),
          UpdateExpression: 'SET facilityIds = list_append(if_not_exists(facilityIds, :none), :one)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':none': [], ':one': [facilityId] },
        },
      },
      onConditionFailed: { code: 'NOT_FOUND', detail: `Partner ${partnerId} not found` },
    };
  }

  async getPartner(partnerId: string): Promise<PartnerRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: partnerKey(partnerId) }));
    return Item ? stripStorage<PartnerRecord>(Item) : undefined;
  }
}
