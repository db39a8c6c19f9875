import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from '../../../../contracts/zod';
import { clock } from '../../../platform/clock';
import { logger, metrics } from '../../../platform/instrument';
import { stepHandler } from '../../../platform/step-handler';
import { stayTimerDeps } from '../deps';
import { sweepStays } from '../timers';

/** Scheduled every 5 minutes (EventBridge): closes checked-in stays that a failed timer left open. */
export const handler = stepHandler(z.unknown(), async () => {
  const { closed } = await sweepStays(stayTimerDeps(), clock.now());
  metrics.addMetric('SweptStays', MetricUnit.Count, closed);
  if (closed > 0) logger.warn('The sweeper closed stays a timer missed', { closed });
  return { closed };
});
