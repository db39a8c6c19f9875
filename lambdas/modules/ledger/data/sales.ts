/**
 * Sales records and the totals kept beside them: a record is put only if absent (its id is the event's), and each
 * put adds to its facility's day and month totals in the same transaction, so the totals are the sum of the records
 * without reading them, and an event written twice adds nothing twice.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Price } from '../../../domain/model';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { indexKey, itemKey } from '../../../platform/dynamo/keys';
import type { TaggedItem } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import { recordTotal, type SalesRecord } from '../rules/lines';

const [BY_PARTNER] = ITEM_TYPES.salesRecord.indexes;

export const salesRecordKey = (recordId: string) => itemKey('salesRecord', { recordId });

/** A total's period: a day (`2026-11-24`) or a calendar month (`2026-11`). */
export type TotalUnit = 'day' | 'month';
const totalKey = (partnerId: string, unit: TotalUnit, facilityId: string, period: string) =>
  itemKey('salesTotal', { partnerId, unit: unit.toUpperCase(), facilityId, period });

export interface SalesTotal extends Price {
  lines: number;
}

/** A stored record as the domain object. */
export const recordFromItem = (item: Record<string, unknown>): SalesRecord => {
  const stored = stripStorage<SalesRecord>(item);
  return { ...stored, recordedAt: instantFromItem(stored.recordedAt) ?? 0 };
};

export class SalesLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The items that write a record in its event's transaction: the record (stale when it is there already: the event
   * was written before, and deciding it again finds it done), and its day's and its month's totals.
   */
  recordItems(record: SalesRecord): TaggedItem[] {
    const sum = recordTotal(record);
    const add = { amount: sum.amount, tax: sum.tax, total: sum.total, lines: record.lines.length };
    const total = (unit: TotalUnit, period: string): TaggedItem => ({
      item: {
        Update: {
          TableName: this.tableName,
          Key: totalKey(record.partnerId, unit, record.facilityId, period),
          ...updateExpression({ add }),
        },
      },
    });
    return [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...salesRecordKey(record.recordId),
              ...indexKey(BY_PARTNER, {
                partnerId: record.partnerId,
                useDate: record.useDate,
                recordId: record.recordId,
              }),
              entity: 'salesRecord',
              ...record,
              recordedAt: instantToItem(record.recordedAt),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
      total('day', record.useDate),
      total('month', record.useDate.slice(0, 7)),
    ];
  }

  async get(recordId: string): Promise<SalesRecord | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: salesRecordKey(recordId), ConsistentRead: true }),
    );
    return Item ? recordFromItem(Item) : undefined;
  }

  /** A facility's total of one day or month (zero when nothing was sold). */
  async total(partnerId: string, unit: TotalUnit, facilityId: string, period: string): Promise<SalesTotal> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: totalKey(partnerId, unit, facilityId, period),
        ConsistentRead: true,
      }),
    );
    const n = (name: string) => Number(Item?.[name] ?? 0);
    return { amount: n('amount'), tax: n('tax'), total: n('total'), lines: n('lines') };
  }
}
