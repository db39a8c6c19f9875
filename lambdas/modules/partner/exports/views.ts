/** Export jobs as the API shows them (contracts/http/exports.ts): instants in the service's zone. */
import type { ExportResponse } from '../../../../contracts/http/exports';
import { toZonedIso } from '../../../domain/format';
import { SERVICE_TIME_ZONE } from '../../../domain/model';
import type { ExportState } from './service';

const zoned = (t: number) => toZonedIso(t, SERVICE_TIME_ZONE);

export function exportView({ job, status, download }: ExportState): ExportResponse {
  const finished = status === 'done' || status === 'failed';
  return {
    exportId: job.exportId,
    kind: job.kind,
    from: job.from,
    to: job.to,
    ...(job.facilityId === undefined ? {} : { facilityId: job.facilityId }),
    status,
    requestedAt: zoned(job.requestedAt),
    ...(finished && job.finishedAt !== undefined ? { finishedAt: zoned(job.finishedAt) } : {}),
    ...(status === 'done' && job.lines !== undefined ? { lines: job.lines } : {}),
    ...(status === 'done' && job.bytes !== undefined ? { bytes: job.bytes } : {}),
    ...(download ? { url: download.url, expiresAt: zoned(download.expiresAt) } : {}),
  };
}
