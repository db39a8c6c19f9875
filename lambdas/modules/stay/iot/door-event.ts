import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { isDoorId } from '../../../../contracts/door-topics';
import { doorEvent } from '../../../../contracts/mqtt';
import { parseInstant } from '../../../domain/format';
import { clock } from '../../../platform/clock';
import { instrument, logger, metrics } from '../../../platform/instrument';
import { unlockCommandRepository } from '../deps';

/** What the IoT topic rule hands over: the door's message, plus the door id of the topic it came on. */
export interface DoorEventInput {
  topicDoorId?: string;
  [field: string]: unknown;
}

/**
 * Records a door's result on its unlock command. Invoked by the IoT topic rule on `doors/+/events` in the
 * cloud and by the local broker locally. A malformed event, one whose topic carries no valid door id (absent,
 * empty or malformed `topicDoorId`), one from another door than its topic's, or a repeat is dropped (logged,
 * counted); a result arriving after its command expired is recorded as `expired`; a table failure throws, so that Lambda retries the asynchronous
 * invocation and then hands the event to the function's failure destination.
 */
export async function recordDoorEvent(input: DoorEventInput): Promise<{ recorded: boolean }> {
  const { topicDoorId, ...message } = input;
  const parsed = doorEvent.safeParse(message);
  if (!parsed.success) {
    logger.warn('Malformed door event dropped', { issues: parsed.error.issues.map((i) => i.message) });
    metrics.addMetric('DoorEventMalformed', MetricUnit.Count, 1);
    return { recorded: false };
  }
  const event = parsed.data;
  if (typeof topicDoorId !== 'string' || !isDoorId(topicDoorId)) {
    logger.warn('Door event on a topic without a valid door id dropped', { topicDoorId, doorId: event.doorId });
    metrics.addMetric('DoorEventMalformed', MetricUnit.Count, 1);
    return { recorded: false };
  }
  if (topicDoorId !== event.doorId) {
    logger.warn('Door event on another door’s topic dropped', { topicDoorId, doorId: event.doorId });
    metrics.addMetric('DoorEventMalformed', MetricUnit.Count, 1);
    return { recorded: false };
  }
  const receivedAt = clock.now();
  const at = parseInstant(event.at) ?? receivedAt;
  const status = await unlockCommandRepository().recordResult(
    event.commandId,
    event.doorId,
    event.result,
    at,
    event.reason ?? null,
    receivedAt,
  );
  metrics.addMetric(status ? `DoorEvent_${status}` : 'DoorEventIgnored', MetricUnit.Count, 1);
  if (!status) logger.info('Door event for no pending command ignored', { commandId: event.commandId });
  return { recorded: status !== null };
}

export const handler = instrument(recordDoorEvent);
