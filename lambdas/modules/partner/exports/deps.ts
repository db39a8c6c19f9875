import { exportLinks, tableContext, timerStarter, uuids } from '../../../platform/deps';
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

/**
 * The request's ports: the facilities (tenancy), the jobs, the state machine. Not the exports bucket: the request's
 * function has no grant on it, nor its name.
 */
export const exportRequestDeps = (): Pick<ExportPorts, 'facilities' | 'jobs' | 'timers' | 'ids'> => ({
  facilities: catalogDeps().facilities,
  jobs: exportJobs(),
  timers: timerStarter(),
  ids: uuids,
});

/** The status's ports: the jobs, and the exports bucket (`EXPORTS_BUCKET`) to presign a done job's file. */
export const exportStatusDeps = (): Pick<ExportPorts, 'jobs' | 'files'> => ({
  jobs: exportJobs(),
  files: exportLinks(),
});
