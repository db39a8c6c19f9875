/** Partners' export jobs (contracts/table.ts `exportJob`): kept under the partner, gone with their file. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Instant } from '../../../../domain/model';
import { instantFromItem, instantToItem, stripStorage } from '../../../../platform/dynamo/items';
import { itemKey } from '../../../../platform/dynamo/keys';
import { writtenUnlessConditionFails } from '../../../../platform/dynamo/transactions';
import { type ExportJob, exportExpiresAt } from '../rules/export-job';

const jobKey = (partnerId: string, exportId: string) => itemKey('exportJob', { partnerId, exportId });

const jobFromItem = (item: Record<string, unknown>): ExportJob => {
  const stored = stripStorage<ExportJob & { requestedAt: unknown; finishedAt?: unknown }>(item);
  const finishedAt = instantFromItem(stored.finishedAt);
  const { finishedAt: _finished, ...rest } = stored;
  return {
    ...rest,
    requestedAt: instantFromItem(stored.requestedAt) ?? 0,
    ...(finishedAt === null ? {} : { finishedAt }),
  };
};

/** How a job ended: its file written (with its size), or not. */
export type ExportOutcome = { status: 'done'; lines: number; bytes: number } | { status: 'failed' };

export class ExportJobRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records a new job (running), only if its id is new; expires with its file. */
  async put(job: ExportJob): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...jobKey(job.partnerId, job.exportId),
          entity: 'exportJob',
          ...job,
          requestedAt: instantToItem(job.requestedAt),
          ttl: Math.ceil(exportExpiresAt(job) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /** The partner's job (strongly consistent: the job reads what the request just wrote). */
  async get(partnerId: string, exportId: string): Promise<ExportJob | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: jobKey(partnerId, exportId), ConsistentRead: true }),
    );
    return Item ? jobFromItem(Item) : undefined;
  }

  /** Ends a running job; `false` (nothing written) when it was not running: ended already, or missing. */
  finish(job: Pick<ExportJob, 'partnerId' | 'exportId'>, outcome: ExportOutcome, at: Instant): Promise<boolean> {
    const done = outcome.status === 'done';
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: jobKey(job.partnerId, job.exportId),
          UpdateExpression: `SET #status = :status, finishedAt = :at${done ? ', #lines = :lines, #bytes = :bytes' : ''}`,
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status', ...(done ? { '#lines': 'lines', '#bytes': 'bytes' } : {}) },
          ExpressionAttributeValues: {
            ':status': outcome.status,
            ':at': instantToItem(at),
            ':running': 'running',
            ...(done ? { ':lines': outcome.lines, ':bytes': outcome.bytes } : {}),
          },
        }),
      ),
    );
  }
}
