import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { timerTaskInput } from '../../schemas/workflows';
import { repositories } from '../data/repositories';
import { closeStay } from '../services/timers';
import { clock } from '../shared/clock';
import { metrics } from '../shared/powertools';
import { stepHandler } from './step-handler';

export const handler = stepHandler(timerTaskInput, async ({ reservationId }) => {
  const answer = await closeStay(repositories(), reservationId, clock.now());
  if (answer.action === 'done') metrics.addMetric(`Timer_${answer.outcome}`, MetricUnit.Count, 1);
  return answer;
});
