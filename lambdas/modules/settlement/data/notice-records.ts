/**
 * The sales records a payment notice pays (what its usage lines are made from, 004 §3-5 ③), by id, in chunks written in
 * the notice's transaction: the notice keeps exactly the lines it was computed from, whatever is recorded later.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import { fill, fillPrefix, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import type { TaggedItem } from '../../../platform/dynamo/transactions';

/** Record ids per chunk item: about 50 KB of `reservation:<uuid>` ids. */
export const RECORD_IDS_PER_CHUNK = 1000;
/**
 * Chunks one notice may have: the notice's transaction (the notice, the partner's settlement state, its outbox message
 * and the chunks: 63 items at most) stays well under DynamoDB's 4 MB and 100 items. 60,000 records a partner in one period; more fails the job loudly.
 */
export const MAX_RECORD_CHUNKS = 60;

const TYPE = ITEM_TYPES.noticeRecords;
const chunkKey = (noticeId: string, chunk: number) =>
  itemKey('noticeRecords', { noticeId, chunk: String(chunk).padStart(3, '0') });

export class NoticeRecordsRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * In the notice's transaction: its record ids in chunks.
   * @throws Error when they need more than {@link MAX_RECORD_CHUNKS} chunks
   */
  chunks(noticeId: string, recordIds: readonly string[]): TaggedItem[] {
    const count = Math.ceil(recordIds.length / RECORD_IDS_PER_CHUNK);
    if (count > MAX_RECORD_CHUNKS) {
      throw new Error(`Notice ${noticeId} pays ${recordIds.length} records: more than one transaction can keep`);
    }
    return Array.from({ length: count }, (_, chunk) => ({
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...chunkKey(noticeId, chunk),
            entity: 'noticeRecords',
            noticeId,
            recordIds: recordIds.slice(chunk * RECORD_IDS_PER_CHUNK, (chunk + 1) * RECORD_IDS_PER_CHUNK),
          },
        },
      },
    }));
  }

  /** The ids of the records a notice pays, in order. */
  async recordIdsOf(noticeId: string): Promise<string[]> {
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': fill(TYPE.pk, { noticeId }), ':prefix': fillPrefix(TYPE.sk, {}) },
    });
    return items.flatMap((item) => item.recordIds as string[]);
  }
}
