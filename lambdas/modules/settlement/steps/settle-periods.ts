import { MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from '../../../../contracts/zod';
import { clock } from '../../../platform/clock';
import { logger, metrics } from '../../../platform/instrument';
import { stepHandler } from '../../../platform/step-handler';
import { settlementDeps } from '../deps';
import { settlePeriods } from '../service';

/**
 * Scheduled (EventBridge, hourly; locally at every clock move): issues the payment notices of the periods whose issue
 * day has come and that are not all issued yet, each once.
 */
export const handler = stepHandler(z.unknown(), async () => {
  const summary = await settlePeriods(settlementDeps(), clock.now());
  metrics.addMetric('PaymentNoticesIssued', MetricUnit.Count, summary.issued);
  if (summary.periods.length > 0) logger.info('Settlement periods issued', { ...summary });
  if (summary.unallocated.length > 0) {
    logger.warn('Company payments that no line of their period billed: shared with no partner', {
      unallocated: summary.unallocated,
    });
  }
  return summary;
});
