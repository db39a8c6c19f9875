/**
 * The settlement job's runs, one per period: written when the job starts issuing a period's notices (from then on the
 * period takes no payment or offset: their transactions check the run is absent) and marked `issued` once every
 * notice of the period is.
 */
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant } from '../../../domain/model';
import type { PeriodName } from '../../../domain/settlement-periods';
import { instantToItem } from '../../../platform/dynamo/items';
import { fill, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import { type TaggedItem, writtenUnlessConditionFails } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import type { UnallocatedPayment } from '../rules/notices';

export type SettlementRunStatus = 'issuing' | 'issued';

const runKey = (period: PeriodName) => itemKey('settlementRun', { period });

export class SettlementRunRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * In a payment's or an offset's transaction: the period's notices are not being issued yet (409 `INVALID_STATE`
   * when they are).
   */
  stillOpen(period: PeriodName): TaggedItem {
    return {
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: runKey(period),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: {
        code: 'INVALID_STATE',
        detail: `The payment notices of ${period} are issued: record it for a later period`,
      },
    };
  }

  /** The status of each period from `first` to `last` that has a run (strongly consistent). */
  async statuses(first: PeriodName, last: PeriodName): Promise<Map<PeriodName, SettlementRunStatus>> {
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :last',
      ExpressionAttributeValues: { ':pk': fill(ITEM_TYPES.settlementRun.pk, {}), ':first': first, ':last': last },
      ConsistentRead: true,
    });
    return new Map(items.map((item) => [item.period as PeriodName, item.status as SettlementRunStatus]));
  }

  /** Starts a period's run (it closes the period to payments and offsets); a run already started is kept as it is. */
  async start(period: PeriodName, now: Instant): Promise<void> {
    await writtenUnlessConditionFails(
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...runKey(period),
            entity: 'settlementRun',
            period,
            status: 'issuing',
            startedAt: instantToItem(now),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      ),
    );
  }

  /** Marks a period's run done: every partner with lines in it has its notice. */
  async finish(
    period: PeriodName,
    summary: { notices: number; unallocated: readonly UnallocatedPayment[] },
    now: Instant,
  ): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: runKey(period),
        ...updateExpression({
          set: {
            status: 'issued',
            notices: summary.notices,
            unallocated: [...summary.unallocated],
            finishedAt: instantToItem(now),
          },
        }),
      }),
    );
  }
}
