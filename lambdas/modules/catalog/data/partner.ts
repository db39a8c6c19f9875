/** Partners (加盟店企業): the companies that run facilities. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';

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

  async getPartner(partnerId: string): Promise<PartnerRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: partnerKey(partnerId) }));
    return Item ? stripStorage<PartnerRecord>(Item) : undefined;
  }
}
