/** Where each partner's settlement stands: its latest notice's period and the offsets carried over from it. */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';
import type { TaggedItem } from '../../../platform/dynamo/transactions';
import type { PartnerSettlementState } from '../rules/notices';

const stateKey = (partnerId: string) => itemKey('partnerSettlement', { partnerId });

export class PartnerSettlementRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The partner's state, or null before its first notice (strongly consistent: the previous notice may be seconds old). */
  async get(partnerId: string): Promise<PartnerSettlementState | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: stateKey(partnerId), ConsistentRead: true }),
    );
    return Item ? stripStorage<PartnerSettlementState>(Item) : null;
  }

  /**
   * In a notice's transaction: the partner's state moves on to the notice's period, only forward (a notice of an
   * earlier period than the partner's latest would break the chain of carried offsets: refused as INVALID_STATE).
   */
  advanced(state: PartnerSettlementState & { noticeId: string }): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...stateKey(state.partnerId), entity: 'partnerSettlement', ...state },
          ConditionExpression: 'attribute_not_exists(PK) OR lastNoticePeriod < :period',
          ExpressionAttributeValues: { ':period': state.lastNoticePeriod },
        },
      },
      onConditionFailed: {
        code: 'INVALID_STATE',
        detail: `${state.partnerId} has a notice of a period after ${state.lastNoticePeriod}`,
      },
    };
  }
}
