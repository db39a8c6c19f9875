import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { visitTimerInput } from '../../../../contracts/timer-task';
import { clock } from '../../../platform/clock';
import { metrics } from '../../../platform/instrument';
import { stepHandler } from '../../../platform/step-handler';
import { catalogDeps } from '../../catalog';
import { salesLedger } from '../../ledger';
import { visitRepository } from '../deps';
import { endDueVisit } from '../service';

/** The visit-end task: at a visit's limit or the space's closing, ends it if still in. */
export const handler = stepHandler(visitTimerInput, async ({ visitId }) => {
  const answer = await endDueVisit(
    { visits: visitRepository(), spaces: catalogDeps().spaces, ledger: salesLedger() },
    visitId,
    clock.now(),
  );
  if (answer.action === 'done') metrics.addMetric(`VisitTimer_${answer.outcome}`, MetricUnit.Count, 1);
  return answer;
});
