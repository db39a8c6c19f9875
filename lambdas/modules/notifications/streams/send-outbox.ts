import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { instrument, logger, metrics } from '../../../platform/instrument';
import { notificationDeps } from '../deps';
import { sendOutboxRecords } from '../service';

/**
 * DynamoDB Streams (outbox INSERTs only, the event source mapping's filter; locally the stream poller): sends each
 * message once, and names the records that failed (ReportBatchItemFailures).
 */
export const handler = instrument(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const { batchItemFailures, outcomes } = await sendOutboxRecords(notificationDeps(), event);
  const sent = outcomes.filter((o) => o.delivery === 'sent').length;
  metrics.addMetric('NotificationsSent', MetricUnit.Count, sent);
  metrics.addMetric('NotificationsFailed', MetricUnit.Count, batchItemFailures.length);
  for (const failed of outcomes.filter((o) => o.error !== undefined)) {
    logger.error('Outbox record not sent', { ...failed });
  }
  return { batchItemFailures };
});
