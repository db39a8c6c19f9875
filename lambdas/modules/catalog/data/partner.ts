import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OperatorRole } from '../../../domain/model';
import { stripStorage } from '../../../platform/dynamo/items';
import { keys } from '../../../platform/dynamo/keys';

export interface PartnerRecord {
  partnerId: string;
  name: string;
  facilityIds: string[];
  payoutRatePercent: number;
}

export interface OperatorRecord {
  operatorId: string;
  partnerId: string;
  operatorRole: OperatorRole;
}

/** Partners (加盟店企業) and their operator accounts. */
export class PartnerRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putPartner(partner: PartnerRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.partner(partner.partnerId), entity: 'partner', ...partner },
      }),
    );
  }

  async putOperator(operator: OperatorRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.operator(operator.operatorId), entity: 'operator', ...operator },
      }),
    );
  }

  async getPartner(partnerId: string): Promise<PartnerRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.partner(partnerId) }));
    return Item ? stripStorage<PartnerRecord>(Item) : undefined;
  }
}
