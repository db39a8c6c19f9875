/**
 * A partner's sales records over a range of use dates, read from the partner index that `sales.ts` writes each record
 * into: what the settlement job pays a period's notices from.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { LocalDate } from '../../../domain/model';
import { indexAttributes } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { SalesRecord } from '../rules/lines';
import { partnerDateRange, recordFromItem } from './sales';

const [BY_PARTNER] = ITEM_TYPES.salesRecord.indexes;
const byPartner = indexAttributes(BY_PARTNER);

/** Every record of a partner whose use date is from `from` to `to` (both inclusive), in use-date order. */
export async function salesRecordsOfPartner(
  doc: DynamoDBDocumentClient,
  tableName: string,
  partnerId: string,
  range: { from: LocalDate; to: LocalDate },
): Promise<SalesRecord[]> {
  const keys = partnerDateRange(partnerId, range.from, range.to);
  const items = await queryAll(doc, tableName, {
    IndexName: byPartner.name,
    KeyConditionExpression: `${byPartner.pk} = :pk AND ${byPartner.sk} BETWEEN :from AND :to`,
    ExpressionAttributeValues: { ':pk': keys.pk, ':from': keys.lo, ':to': keys.hi },
  });
  return items.map(recordFromItem);
}
