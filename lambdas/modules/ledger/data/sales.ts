/**
 * Sales records and the totals kept beside them: a record is put only if absent (its id is the event's), and each
 * put adds to its facility's day and month totals in the same transaction, so the totals are the sum of the records
 * without reading them, and an event written twice adds nothing twice. Read back as the partner's lines of a range of
 * use dates, page by page (the partner index, by use date), and as the totals of a range of periods.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { LocalDate, Price } from '../../../domain/model';
import { batchGetAll } from '../../../platform/dynamo/batch';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, indexAttributes, indexKey, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { TaggedItem } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import { recordTotal, type SalesItem, type SalesLine, type SalesRecord } from '../rules/lines';

const [BY_PARTNER] = ITEM_TYPES.salesRecord.indexes;
const byPartner = indexAttributes(BY_PARTNER);
/** Sorts after every character of a record id: the end of a use date's records in the partner index. */
const AFTER_ALL = '\uffff';

export const salesRecordKey = (recordId: string) => itemKey('salesRecord', { recordId });

/** A total's period: a day (`2026-11-24`) or a calendar month (`2026-11`). */
export type TotalUnit = 'day' | 'month';
const totalKey = (partnerId: string, unit: TotalUnit, facilityId: string, period: string) =>
  itemKey('salesTotal', { partnerId, unit: unit.toUpperCase(), facilityId, period });

export interface SalesTotal extends Price {
  lines: number;
}

/** A facility's total of one period, as a range of totals lists it. */
export interface PeriodTotal extends SalesTotal {
  facilityId: string;
  /** `YYYY-MM-DD` (a day) or `YYYY-MM` (a calendar month). */
  period: string;
}

/** Which lines of a partner a read takes: use dates `from`–`to` (inclusive), and those of one facility, space, item. */
export interface SalesLineFilter {
  from: LocalDate;
  to: LocalDate;
  facilityId?: string;
  spaceId?: string;
  item?: SalesItem;
}

/**
 * Where a read of lines resumes: at the record with this key of the partner index (`{useDate}#{recordId}`), from its
 * line `line` on (0 = the whole record; a number past its last line skips it whole).
 */
export interface SalesPosition {
  sortKey: string;
  line: number;
}

/** One line of a record, with the record it belongs to (who, where, when, which event). */
export interface RecordLine {
  record: SalesRecord;
  line: SalesLine;
}

/** A `line` past the last line of any record: a position there resumes after the record. */
export const PAST_LAST_LINE = 9999;

/** How a read of lines is bounded: at most `max` lines, at most `maxQueries` queries of at most `recordsPerQuery`. */
export interface LinesBound {
  max: number;
  maxQueries: number;
  /** Records a query reads at most (before the facility and space filters); a query's 1 MB otherwise. */
  recordsPerQuery?: number;
}

/**
 * A read of lines: the lines in order (use date, record, line), and where the next read resumes, absent when the range
 * is read to its end. `next` is there when there are more than `max` lines (it names the first line not given), and
 * when `maxQueries` ran out before the range did (it names the record after the last one read).
 */
export interface LinesRead {
  lines: RecordLine[];
  next?: SalesPosition;
}

/** A record's key in the partner index: where it sorts among the partner's records. */
const sortKeyOf = (record: Pick<SalesRecord, 'useDate' | 'recordId'>) =>
  fill(BY_PARTNER.sk, { useDate: record.useDate, recordId: record.recordId });

/** The partner index's keys of a partner's records with use dates from `from` to `to` (both inclusive). */
export const partnerDateRange = (partnerId: string, from: LocalDate, to: LocalDate) => ({
  pk: fill(BY_PARTNER.pk, { partnerId }),
  lo: fillPrefix(BY_PARTNER.sk, { useDate: from }),
  hi: `${fillPrefix(BY_PARTNER.sk, { useDate: to })}${AFTER_ALL}`,
});

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
          ...updateExpression({ set: { entity: 'salesTotal', facilityId: record.facilityId, period }, add }),
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

  /**
   * The records of `recordIds` that exist, in no particular order (BatchGetItem, 100 a request; strongly consistent,
   * like {@link get}).
   */
  async getMany(recordIds: readonly string[]): Promise<SalesRecord[]> {
    const items = await batchGetAll(this.doc, this.tableName, recordIds.map(salesRecordKey), { consistentRead: true });
    return items.map(recordFromItem);
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

  /**
   * The partner's lines of a range of use dates, filtered, in order (use date, record id, line), from `after` on:
   * records are read by use date on the partner index (the facility and space filters in the query, the item filter
   * here), at most `bound.max` lines and `bound.maxQueries` queries (see {@link LinesRead}).
   */
  async lines(
    partnerId: string,
    filter: SalesLineFilter,
    bound: LinesBound,
    after?: SalesPosition,
  ): Promise<LinesRead> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const range = partnerDateRange(partnerId, filter.from, filter.to);
    const values: Record<string, unknown> = { ':pk': range.pk, ':lo': after?.sortKey ?? range.lo, ':hi': range.hi };
    for (const field of ['facilityId', 'spaceId'] as const) {
      const value = filter[field];
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      conditions.push(`#${field} = :${field}`);
    }
    const lines: RecordLine[] = [];
    let startKey: Record<string, unknown> | undefined;
    for (let queries = 1; ; queries++) {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: byPartner.name,
          KeyConditionExpression: `${byPartner.pk} = :pk AND ${byPartner.sk} BETWEEN :lo AND :hi`,
          ...(conditions.length > 0
            ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }
            : {}),
          ExpressionAttributeValues: values,
          ...(bound.recordsPerQuery ? { Limit: bound.recordsPerQuery } : {}),
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        const record = recordFromItem(item);
        const first = after && sortKeyOf(record) === after.sortKey ? after.line : 0;
        for (let index = first; index < record.lines.length; index++) {
          const line = record.lines[index] as SalesLine;
          if (filter.item !== undefined && line.item !== filter.item) continue;
          if (lines.length === bound.max) return { lines, next: { sortKey: sortKeyOf(record), line: index } };
          lines.push({ record, line });
        }
      }
      startKey = page.LastEvaluatedKey;
      if (!startKey) return { lines };
      if (queries >= bound.maxQueries) {
        return { lines, next: { sortKey: String(startKey[byPartner.sk]), line: PAST_LAST_LINE } };
      }
    }
  }

  /**
   * The partner's totals of the periods `from`–`to` (days `YYYY-MM-DD` or months `YYYY-MM`, inclusive), of every
   * facility with sales then or of one: the total items only, never the records. By period, then facility.
   */
  async totals(
    partnerId: string,
    unit: TotalUnit,
    range: { from: string; to: string },
    facilityId?: string,
  ): Promise<PeriodTotal[]> {
    const { pk, sk } = ITEM_TYPES.salesTotal;
    const prefix = (period: string) => fillPrefix(sk, { unit: unit.toUpperCase(), period });
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lo AND :hi',
      ...(facilityId === undefined
        ? {}
        : { FilterExpression: '#facilityId = :facilityId', ExpressionAttributeNames: { '#facilityId': 'facilityId' } }),
      ExpressionAttributeValues: {
        ':pk': fill(pk, { partnerId }),
        ':lo': prefix(range.from),
        ':hi': `${prefix(range.to)}${AFTER_ALL}`,
        ...(facilityId === undefined ? {} : { ':facilityId': facilityId }),
      },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      facilityId: String(item.facilityId),
      period: String(item.period),
      amount: Number(item.amount ?? 0),
      tax: Number(item.tax ?? 0),
      total: Number(item.total ?? 0),
      lines: Number(item.lines ?? 0),
    }));
  }
}
