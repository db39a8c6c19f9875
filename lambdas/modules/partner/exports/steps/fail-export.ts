import { exportTaskInput } from '../../../../../contracts/timer-task';
import { clock } from '../../../../platform/deps';
import { stepHandler } from '../../../../platform/step-handler';
import { exportJobs } from '../deps';
import { failExport } from '../service';

/** The export's last step when its tries are spent: the job is marked failed (its partner sees `failed`). */
export const handler = stepHandler(exportTaskInput, async (target) => ({
  marked: await failExport({ jobs: exportJobs() }, target, clock.now()),
}));
