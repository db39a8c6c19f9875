/**
 * DynamoDB Streams → Lambda, locally: reads DynamoDB Local's stream of the table with `@aws-sdk/client-dynamodb-streams`
 * and calls the outbox consumer's handler with events shaped like Lambda's DynamoDB event, filtered as the event source
 * mapping is (outbox INSERTs only, contracts/events.ts). As Lambda does with ReportBatchItemFailures, a batch with
 * failures is retried from its first failed record, after a pause that doubles, at most {@link LOCAL_STREAM_RETRIES}
 * times; a batch still failing then is logged as dead-lettered and passed over.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { OUTBOX_STREAM_FILTER } from '../../contracts/outbox';
import { lambdaContext } from './lambda-context';

/** Retries of a failing batch before it is dead-lettered (the event source mapping's `retryAttempts`). */
export const LOCAL_STREAM_RETRIES = 10;

/** How a failing batch is retried: how many times, and the pause before the first retry (doubling up to `maxMs`). */
export interface StreamRetryPolicy {
  retries: number;
  firstMs: number;
  maxMs: number;
}

/** The local default: the mapping's retries, about 20 s in all before a poison record is dead-lettered. */
export const LOCAL_STREAM_RETRY_POLICY: StreamRetryPolicy = {
  retries: LOCAL_STREAM_RETRIES,
  firstMs: 200,
  maxMs: 3_000,
};
const POLL_MS = 100;
const BATCH_SIZE = 10;

export type StreamHandler = (event: DynamoDBStreamEvent, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

export interface StreamPoller {
  /** Batches that failed every retry (the dead-letter queue's stand-in). */
  readonly deadLetters: readonly DynamoDBRecord[][];
  /**
   * Stops reading the stream (once the batch in hand is done) until {@link release}: what is written meanwhile stays in
   * the stream, and is delivered after. Tests that count a request's table commands hold it, as the consumer's reads
   * and writes are not the request's.
   */
  hold(): Promise<void>;
  release(): void;
  /**
   * Resolves once a pass over the stream that began after the call has found nothing new: every record written before
   * the call has been handed to the consumer (the benchmark waits for it after a release, so that the backlog does not
   * run into what it measures next). While held, it waits for the release.
   */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether a stream record passes the event source mapping's filter. */
export function passesOutboxFilter(record: StreamRecord): boolean {
  const entity = record.dynamodb?.NewImage?.entity?.S;
  return (
    (OUTBOX_STREAM_FILTER.eventName as readonly string[]).includes(record.eventName ?? '') &&
    entity !== undefined &&
    (OUTBOX_STREAM_FILTER.dynamodb.NewImage.entity.S as readonly string[]).includes(entity)
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts polling the stream of `tableName`; `handler` is the outbox consumer's `handler`. */
export async function startStreamPoller(options: {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  log?: (line: string) => void;
  retry?: StreamRetryPolicy;
}): Promise<StreamPoller> {
  const retry = options.retry ?? LOCAL_STREAM_RETRY_POLICY;
  const log = options.log ?? ((line: string) => console.error(line));
  const { Table } = await options.client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const deadLetters: DynamoDBRecord[][] = [];
  const iterators = new Map<string, string | undefined>();
  let running = true;
  let held = false;
  let busy = false;
  /** Passes begun so far, and who waits for an empty pass begun after a given one. */
  let passes = 0;
  let idleWaiters: Array<{ after: number; resolve: () => void }> = [];

  const toLambda = (record: StreamRecord): DynamoDBRecord =>
    ({
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: 'ap-northeast-1',
      eventSourceARN: streamArn,
      dynamodb: {
        ...record.dynamodb,
        ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
          ? record.dynamodb.ApproximateCreationDateTime.getTime() / 1000
          : undefined,
      },
    }) as DynamoDBRecord;

  /** Hands a batch to the handler until it passes or its retries are spent. */
  const deliver = async (batch: DynamoDBRecord[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let failedFrom = -1;
      try {
        const answer = (await options.handler({ Records: pending }, lambdaContext('send-outbox'))) as
          | DynamoDBBatchResponse
          | undefined;
        const failed = new Set((answer?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        failedFrom = pending.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
      } catch (error) {
        log(`stream poller: the outbox consumer threw: ${String(error)}`);
        failedFrom = 0;
      }
      if (failedFrom < 0) return;
      pending = pending.slice(failedFrom);
      if (attempt >= retry.retries || !running) {
        deadLetters.push(pending);
        // in the cloud: the dead-letter queue's first message sets off its alarm (lib/constructs/notifications.ts)
        log(
          `stream poller: ALARM ${pending.length} outbox record(s) dead-lettered after ${attempt} retries: ` +
            pending.map((r) => r.dynamodb?.NewImage?.outboxId?.S ?? r.dynamodb?.SequenceNumber).join(', '),
        );
        return;
      }
      await sleep(Math.min(retry.firstMs * 2 ** attempt, retry.maxMs));
    }
  };

  const discoverShards = async () => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, ShardIterator);
    }
  };

  const loop = async () => {
    while (running) {
      if (held) {
        await sleep(POLL_MS);
        continue;
      }
      busy = true;
      const pass = ++passes;
      try {
        await discoverShards();
        let read = 0;
        for (const [shardId, iterator] of iterators) {
          if (!iterator || !running) continue;
          const { Records = [], NextShardIterator } = await streams.send(
            new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }),
          );
          iterators.set(shardId, NextShardIterator);
          read += Records.length;
          const matching = Records.filter(passesOutboxFilter).map(toLambda);
          for (let i = 0; i < matching.length; i += BATCH_SIZE) await deliver(matching.slice(i, i + BATCH_SIZE));
        }
        busy = false;
        if (read === 0) {
          const waiting = idleWaiters;
          idleWaiters = waiting.filter((w) => w.after >= pass);
          for (const w of waiting) if (w.after < pass) w.resolve();
          await sleep(POLL_MS);
        }
      } catch (error) {
        busy = false;
        if (running) log(`stream poller: ${String(error)}`);
        await sleep(POLL_MS * 5);
      }
    }
  };
  const done = loop();
  return {
    deadLetters,
    hold: async () => {
      held = true;
      while (busy) await sleep(5);
    },
    release: () => {
      held = false;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        // a pass in hand when called may have read before the latest writes: only a later one counts
        idleWaiters.push({ after: passes, resolve });
      }),
    stop: async () => {
      running = false;
      await done;
      streams.destroy();
      for (const w of idleWaiters.splice(0)) w.resolve();
    },
  };
}
