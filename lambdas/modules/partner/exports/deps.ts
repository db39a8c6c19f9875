import { exportStore, tableContext, timerStarter, uuids } from '../../../platform/deps';
import { catalogDeps } from '../../catalog';
import { ExportJobRepository } from './data/export-jobs';
import type { ExportPorts } from './service';

let jobs: ExportJobRepository | undefined;
/** The export jobs over the process-wide table, made once. */
export function exportJobs(): ExportJobRepository {
  const { doc, tableName } = tableContext();
  jobs ??= new ExportJobRepository(doc, tableName);
  return jobs;
}

/** The export routes' ports: the facilities (tenancy), the jobs, the state machine, the exports bucket. */
export const exportDeps = (): ExportPorts => ({
  facilities: catalogDeps().facilities,
  jobs: exportJobs(),
  timers: timerStarter(),
  files: exportStore(),
  ids: uuids,
});
