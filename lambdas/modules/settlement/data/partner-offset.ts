/**
 * Offsets (相殺金, 004 §3-5 ④): amounts the service's payment staff take off a partner's payout for a period, e.g. a
 * penalty (api.md `POST /v1/admin/partners/{partnerId}/offsets`).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant } from '../../../domain/model';
import type { PeriodName } from '../../../domain/settlement-periods';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { TaggedItem } from '../../../platform/dynamo/transactions';

export interface PartnerOffset {
  offsetId: string;
  partnerId: string;
  period: PeriodName;
  /** Whole yen, > 0: what is taken off. */
  amount: number;
  /** 相殺理由. */
  reason: string;
  recordedAt: Instant;
  /** The admin who recorded it. */
  recordedBy: string;
}

const TYPE = ITEM_TYPES.partnerOffset;
const offsetKey = (offset: Pick<PartnerOffset, 'partnerId' | 'period' | 'offsetId'>) =>
  itemKey('partnerOffset', offset);

const offsetFromItem = (item: Record<string, unknown>): PartnerOffset => {
  const stored = stripStorage<PartnerOffset>(item);
  return { ...stored, recordedAt: instantFromItem(stored.recordedAt) ?? 0 };
};

export class PartnerOffsetRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** In the recording transaction: the offset, under a fresh id. */
  recorded(offset: PartnerOffset): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...offsetKey(offset),
            entity: 'partnerOffset',
            ...offset,
            recordedAt: instantToItem(offset.recordedAt),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /**
   * A partner's offsets of the periods after `after` (null: from the first) through `through`, oldest period first
   * (strongly consistent).
   */
  async ofPartnerBetween(partnerId: string, after: PeriodName | null, through: PeriodName): Promise<PartnerOffset[]> {
    const pk = fill(TYPE.pk, { partnerId });
    const prefix = fillPrefix(TYPE.sk, {});
    // every key of a period p sorts before `OFFSET#<p>#~` (ids are uuids) and after those of the periods before p
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': pk,
        ':from': after === null ? prefix : `${fillPrefix(TYPE.sk, { period: after })}~`,
        ':to': `${fillPrefix(TYPE.sk, { period: through })}~`,
      },
      ConsistentRead: true,
    });
    return items.map(offsetFromItem);
  }
}
