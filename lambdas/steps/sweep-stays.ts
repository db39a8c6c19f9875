import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod';
import { repositories } from '../data/repositories';
import { sweepStays } from '../services/timers';
import { clock } from '../shared/clock';
import { logger, metrics } from '../shared/powertools';
import { stepHandler } from './step-handler';

/** Scheduled every 5 minutes (EventBridge): closes checked-in stays that a failed timer left open. */
export const handler = stepHandler(z.unknown(), async () => {
  const { closed } = await sweepStays(repositories(), clock.now());
  metrics.addMetric('SweptStays', MetricUnit.Count, closed);
  if (closed > 0) logger.warn('The sweeper closed stays a timer missed', { closed });
  return { closed };
});
