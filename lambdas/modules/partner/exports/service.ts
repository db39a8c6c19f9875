/**
 * The partner's export jobs (api.md "Partner routes": exports), for its full and staff operators: a request records
 * the job and starts its state machine; the job writes the whole range's CSV (the list's own CSV answer, without its
 * 10,000-line limit) to S3 page by page, never holding the file; the status answers a presigned URL once it is done.
 * A job is read under its partner only: another partner's id finds nothing (404).
 */
import type { CsvCell } from '../../../../contracts/csv/spec';
import { CSV_MEDIA_TYPE } from '../../../../contracts/csv/spec';
import type { ExportBody } from '../../../../contracts/http/exports';
import type { Instant } from '../../../domain/model';
import { CSV_BOM, csvLine } from '../../../platform/csv';
import type { Identity } from '../../../platform/identity';
import { partnerIdOf } from '../../../platform/identity';
import type { DownloadStore, Ids, TimerStarter } from '../../../platform/ports';
import { ApiError, notFound } from '../../../platform/problems';
import { ownedByPartner } from '../../../platform/tenancy';
import type { CatalogReads } from '../../catalog';
import type { ExportJobRepository } from './data/export-jobs';
import {
  EXPORT_URL_SECONDS,
  type ExportJob,
  exportFileName,
  exportKept,
  exportKey,
  exportStatusAt,
} from './rules/export-job';

export interface ExportPorts {
  facilities: Pick<CatalogReads['facilities'], 'getFacility'>;
  jobs: Pick<ExportJobRepository, 'put' | 'get' | 'finish'>;
  timers: TimerStarter;
  files: Pick<DownloadStore, 'presignedDownload'>;
  ids: Ids;
}

/** A list's CSV as an export writes it: its file name, its header line, and its lines page by page. */
export interface ExportSource {
  listFileName: string;
  header: CsvCell[];
  pages: AsyncIterable<CsvCell[][]>;
}

/** What the job takes: the jobs, where files go, and the pages of each list (read as the job's operator). */
export interface ExportRunPorts {
  jobs: Pick<ExportJobRepository, 'get' | 'finish'>;
  files: Pick<DownloadStore, 'upload'>;
  source(job: ExportJob, identity: Identity): ExportSource;
}

/**
 * Records an export job of the caller's partner (running) and starts it (the `export` state machine, named by the job:
 * a repeated start is the same execution). A facility named must be the partner's: 404 otherwise, and nothing is
 * recorded.
 */
export async function requestExport(
  deps: Pick<ExportPorts, 'facilities' | 'jobs' | 'timers' | 'ids'>,
  identity: Identity,
  body: ExportBody,
  now: Instant,
): Promise<ExportJob> {
  if (identity.role !== 'operator') throw new ApiError('FORBIDDEN', 'Exports are for operators');
  if (body.facilityId !== undefined) {
    ownedByPartner(identity, await deps.facilities.getFacility(body.facilityId), 'Facility');
  }
  const job: ExportJob = {
    exportId: deps.ids.next(),
    partnerId: identity.partnerId,
    kind: body.kind,
    from: body.from,
    to: body.to,
    ...(body.facilityId === undefined ? {} : { facilityId: body.facilityId }),
    requestedBy: identity.operatorId,
    operatorRole: identity.operatorRole,
    requestedAt: now,
    status: 'running',
  };
  await deps.jobs.put(job);
  try {
    await deps.timers.start('export', job.exportId, { partnerId: job.partnerId, exportId: job.exportId });
  } catch (error) {
    // nothing will run it: shown failed at once rather than running until its deadline (a retry makes a new job)
    await deps.jobs.finish(job, { status: 'failed' }, now).catch(() => undefined);
    throw error;
  }
  return job;
}

/** A job as its partner reads it: where it stands now and, when done, a fresh presigned URL of its file. */
export interface ExportState {
  job: ExportJob;
  status: ExportJob['status'];
  download?: { url: string; expiresAt: Instant };
}

/**
 * The caller's partner's job (404 for none, another partner's, or one whose file is gone). The URL is signed with the
 * function's temporary credentials: it stops working when they expire, if that is before `expiresAt` (ask again).
 */
export async function exportState(
  deps: Pick<ExportPorts, 'jobs' | 'files'>,
  identity: Identity,
  exportId: string,
  now: Instant,
): Promise<ExportState> {
  const job = await deps.jobs.get(partnerIdOf(identity), exportId);
  if (!job || !exportKept(job, now)) throw notFound('Export');
  const status = exportStatusAt(job, now);
  if (status !== 'done') return { job, status };
  const url = await deps.files.presignedDownload(exportKey(job), EXPORT_URL_SECONDS);
  return { job, status, download: { url, expiresAt: now + EXPORT_URL_SECONDS * 1000 } };
}

/** What a run of the job did: wrote it, left it (not running, or missing), or marked it failed (past its deadline). */
export type ExportRunOutcome = 'done' | 'nothing' | 'missing' | 'late';

/**
 * Runs a job: its list's CSV (BOM, header, every line of the range) written to its key as it is read, page by page
 * (the store sends a part whenever enough has gathered), then the job marked done with its lines and bytes. A job not
 * running (done, failed, or missing) is left alone: a redelivered task writes nothing twice; one past its deadline
 * (shown failed already) is marked failed. A failure aborts the upload and is thrown (the state machine retries, then
 * marks the job failed).
 */
export async function runExport(
  deps: ExportRunPorts,
  target: { partnerId: string; exportId: string },
  clock: { now(): Instant },
): Promise<ExportRunOutcome> {
  const job = await deps.jobs.get(target.partnerId, target.exportId);
  if (!job) return 'missing';
  if (job.status !== 'running') return 'nothing';
  // its partner is shown it failed past its deadline: it stays failed, not done later
  if (exportStatusAt(job, clock.now()) === 'failed') {
    await deps.jobs.finish(job, { status: 'failed' }, clock.now());
    return 'late';
  }
  const identity: Identity = {
    role: 'operator',
    operatorId: job.requestedBy,
    partnerId: job.partnerId,
    operatorRole: job.operatorRole,
  };
  const source = deps.source(job, identity);
  const upload = deps.files.upload(exportKey(job), {
    contentType: CSV_MEDIA_TYPE,
    fileName: exportFileName(job, source.listFileName),
  });
  let lines = 1;
  let bytes: number;
  try {
    await upload.write(CSV_BOM + csvLine(source.header));
    for await (const page of source.pages) {
      if (page.length === 0) continue;
      await upload.write(page.map(csvLine).join(''));
      lines += page.length;
    }
    ({ bytes } = await upload.finish());
  } catch (error) {
    await upload.abort().catch(() => undefined);
    throw error;
  }
  await deps.jobs.finish(job, { status: 'done', lines, bytes }, clock.now());
  return 'done';
}

/** Marks a job failed (its tries are spent); `false` when it was no longer running. */
export const failExport = (
  deps: Pick<ExportRunPorts, 'jobs'>,
  target: { partnerId: string; exportId: string },
  now: Instant,
): Promise<boolean> => deps.jobs.finish(target, { status: 'failed' }, now);
