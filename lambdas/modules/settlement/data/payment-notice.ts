/** Partners' payment notices (api.md `PaymentNotice`): one per partner and period, listed per partner newest first. */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant, LocalDate } from '../../../domain/model';
import type { PeriodName } from '../../../domain/settlement-periods';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, indexAttributes, indexKey, itemKey } from '../../../platform/dynamo/keys';
import { type TaggedItem, writtenUnlessConditionFails } from '../../../platform/dynamo/transactions';
import type { PaymentNotice } from '../rules/notices';

const [BY_PARTNER] = ITEM_TYPES.paymentNotice.indexes;
const byPartner = indexAttributes(BY_PARTNER);

const noticeKey = (noticeId: string) => itemKey('paymentNotice', { noticeId });
const byPartnerKey = (notice: Pick<PaymentNotice, 'partnerId' | 'period'>) =>
  indexKey(BY_PARTNER, { partnerId: notice.partnerId, period: notice.period });

const noticeFromItem = (item: Record<string, unknown>): PaymentNotice => {
  const stored = stripStorage<PaymentNotice>(item);
  const paidAt = instantFromItem(stored.paidAt);
  return {
    ...stored,
    issuedAt: instantFromItem(stored.issuedAt) ?? 0,
    ...(paidAt === null ? {} : { paidAt }),
  };
};

export class PaymentNoticeRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** In the notice's transaction: the notice, only if the partner has none for its period (else: issued already). */
  issued(notice: PaymentNotice): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...noticeKey(notice.noticeId),
            ...byPartnerKey(notice),
            entity: 'paymentNotice',
            ...notice,
            issuedAt: instantToItem(notice.issuedAt),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /**
   * Records the notice as paid on `paid.paidOn`, only while it is `issued` (one conditional update: of two calls at
   * once, one marks it): the notice as it is now, or undefined when it is not there or not `issued` any more.
   */
  async markPaid(
    noticeId: string,
    paid: { paidOn: LocalDate; paidAt: Instant; paidBy: string },
  ): Promise<PaymentNotice | undefined> {
    let attributes: Record<string, unknown> | undefined;
    const written = await writtenUnlessConditionFails(
      this.doc
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: noticeKey(noticeId),
            UpdateExpression: 'SET #status = :paid, paidOn = :paidOn, paidAt = :paidAt, paidBy = :paidBy',
            ConditionExpression: 'attribute_exists(PK) AND #status = :issued',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':paid': 'paid',
              ':issued': 'issued',
              ':paidOn': paid.paidOn,
              ':paidAt': instantToItem(paid.paidAt),
              ':paidBy': paid.paidBy,
            },
            ReturnValues: 'ALL_NEW',
          }),
        )
        .then((out) => {
          attributes = out.Attributes;
        }),
    );
    return written && attributes ? noticeFromItem(attributes) : undefined;
  }

  /** The notice; `consistent` to read what a write just made (deciding again after a lost race). */
  async get(noticeId: string, read: { consistent?: boolean } = {}): Promise<PaymentNotice | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: noticeKey(noticeId), ConsistentRead: read.consistent === true }),
    );
    return Item ? noticeFromItem(Item) : undefined;
  }

  /** One page of a partner's notices, newest period first, after the period `after` when given. */
  async pageOfPartner(
    partnerId: string,
    page: { limit: number; after?: PeriodName },
  ): Promise<{ items: PaymentNotice[]; more: boolean }> {
    const { Items = [], LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byPartner.name,
        KeyConditionExpression: `${byPartner.pk} = :pk`,
        ExpressionAttributeValues: { ':pk': fill(BY_PARTNER.pk, { partnerId }) },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(page.after
          ? {
              ExclusiveStartKey: {
                ...noticeKey(`${partnerId}:${page.after}`),
                ...byPartnerKey({ partnerId, period: page.after }),
              },
            }
          : {}),
      }),
    );
    return { items: Items.map(noticeFromItem), more: LastEvaluatedKey !== undefined };
  }
}
