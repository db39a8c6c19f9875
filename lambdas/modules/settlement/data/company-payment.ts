/** What companies paid for settlement periods, as the back office records it (api.md `POST /v1/admin/company-payments`). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant } from '../../../domain/model';
import type { PeriodName } from '../../../domain/settlement-periods';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { TaggedItem } from '../../../platform/dynamo/transactions';

export interface CompanyPayment {
  paymentId: string;
  companyId: string;
  /** The company's name when the payment was recorded. */
  companyName: string;
  period: PeriodName;
  /** Whole yen, > 0. */
  amount: number;
  recordedAt: Instant;
  /** The admin who recorded it. */
  recordedBy: string;
}

const TYPE = ITEM_TYPES.companyPayment;
const paymentKey = (payment: Pick<CompanyPayment, 'period' | 'companyId' | 'paymentId'>) =>
  itemKey('companyPayment', payment);

const paymentFromItem = (item: Record<string, unknown>): CompanyPayment => {
  const stored = stripStorage<CompanyPayment>(item);
  return { ...stored, recordedAt: instantFromItem(stored.recordedAt) ?? 0 };
};

export class CompanyPaymentRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** In the recording transaction: the payment, under a fresh id. */
  recorded(payment: CompanyPayment): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...paymentKey(payment),
            entity: 'companyPayment',
            ...payment,
            recordedAt: instantToItem(payment.recordedAt),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** Every payment recorded for a period (strongly consistent: the settlement job reads it after closing the period). */
  async ofPeriod(period: PeriodName): Promise<CompanyPayment[]> {
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': fill(TYPE.pk, { period }), ':prefix': fillPrefix(TYPE.sk, {}) },
      ConsistentRead: true,
    });
    return items.map(paymentFromItem);
  }
}
