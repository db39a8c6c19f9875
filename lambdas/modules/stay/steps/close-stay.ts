import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { timerTaskInput } from '../../../../contracts/timer-task';
import { clock } from '../../../platform/clock';
import { doorPublisher } from '../../../platform/deps';
import { metrics } from '../../../platform/instrument';
import { stepHandler } from '../../../platform/step-handler';
import { reservationRepository } from '../../booking';
import { catalogDeps } from '../../catalog';
import { salesLedger } from '../../ledger';
import { closeStay } from '../timers';

export const handler = stepHandler(timerTaskInput, async ({ reservationId }) => {
  const answer = await closeStay(
    { reservations: reservationRepository(), doors: doorPublisher(), ...catalogDeps(), ledger: salesLedger() },
    reservationId,
    clock.now(),
  );
  if (answer.action === 'done') metrics.addMetric(`Timer_${answer.outcome}`, MetricUnit.Count, 1);
  return answer;
});
