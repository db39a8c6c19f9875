import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { exportTaskInput } from '../../../../../contracts/timer-task';
import { clock, exportStore } from '../../../../platform/deps';
import { metrics } from '../../../../platform/instrument';
import { stepHandler } from '../../../../platform/step-handler';
import { salesDeps } from '../../sales';
import { usageDeps } from '../../usage';
import { exportJobs } from '../deps';
import { runExport } from '../service';
import { exportSource } from '../sources';

/** The export task: writes a job's CSV to S3 and marks it done (a job no longer running is left alone). */
export const handler = stepHandler(exportTaskInput, async (target) => {
  const lists = { usage: usageDeps(), sales: salesDeps() };
  const outcome = await runExport(
    { jobs: exportJobs(), files: exportStore(), source: (job, identity) => exportSource(lists, job, identity) },
    target,
    clock,
  );
  metrics.addMetric(`Export_${outcome}`, MetricUnit.Count, 1);
  return { outcome };
});
