/** Plan purchases the payment provider reported: one item per purchase, under the member, newest last. */
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant, LocalDate } from '../../../domain/model';
import type { IndividualPlan } from '../../../domain/plans';
import { instantFromItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import type { TaggedItem } from '../../../platform/dynamo/transactions';

export interface Purchase {
  purchaseId: string;
  memberId: string;
  plan: IndividualPlan;
  /** The contract month it pays. */
  period: { start: LocalDate; end: LocalDate };
  /** Yen, without tax. */
  amount: number;
  tax: number;
  total: number;
  paidAt: Instant;
}

const purchaseKey = (p: Pick<Purchase, 'memberId' | 'paidAt' | 'purchaseId'>) =>
  itemKey('purchase', { memberId: p.memberId, utcPaidAt: isoUtc(p.paidAt), purchaseId: p.purchaseId });

export class PurchaseRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The Put of a new purchase, to write in the same transaction as the plan it changes. */
  putItem(purchase: Purchase): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...purchaseKey(purchase), entity: 'purchase', ...purchase, paidAt: isoUtc(purchase.paidAt) },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** A member's purchases, newest first (at most the last 100: eight years of monthly renewals). */
  async ofMember(memberId: string): Promise<Purchase[]> {
    const { pk, sk } = ITEM_TYPES.purchase;
    const { Items } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': fill(pk, { memberId }), ':prefix': fillPrefix(sk, {}) },
        ScanIndexForward: false,
        Limit: 100,
      }),
    );
    return (Items ?? []).map((item) => {
      const stored = stripStorage<Purchase & { paidAt: unknown }>(item);
      return { ...stored, paidAt: instantFromItem(stored.paidAt) as Instant };
    });
  }
}
