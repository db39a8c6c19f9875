import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from '../../../../contracts/zod';
import { clock } from '../../../platform/clock';
import { logger, metrics } from '../../../platform/instrument';
import { stepHandler } from '../../../platform/step-handler';
import { catalogDeps } from '../../catalog';
import { salesLedger } from '../../ledger';
import { visitRepository } from '../deps';
import { sweepVisits } from '../service';

/** Scheduled every 5 minutes (EventBridge): ends the visits past their end that a failed timer left in. */
export const handler = stepHandler(z.unknown(), async () => {
  const { ended } = await sweepVisits(
    { visits: visitRepository(), spaces: catalogDeps().spaces, ledger: salesLedger() },
    clock.now(),
  );
  metrics.addMetric('SweptVisits', MetricUnit.Count, ended);
  if (ended > 0) logger.warn('The sweeper ended visits a timer missed', { ended });
  return { ended };
});
