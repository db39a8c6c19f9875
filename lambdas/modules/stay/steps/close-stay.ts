import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { timerTaskInput } from '../../../../contracts/timer-task';
import { clock } from '../../../platform/clock';
import { metrics } from '../../../platform/instrument';
import { stepHandler } from '../../../platform/step-handler';
import { stayTimerDeps } from '../deps';
import { closeStay } from '../timers';

export const handler = stepHandler(timerTaskInput, async ({ reservationId }) => {
  const answer = await closeStay(stayTimerDeps(), reservationId, clock.now());
  if (answer.action === 'done') metrics.addMetric(`Timer_${answer.outcome}`, MetricUnit.Count, 1);
  return answer;
});
