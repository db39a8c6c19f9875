/**
 * Export jobs (api.md `POST /v1/operator/exports`): what one is, where its file goes, and where it stands. Pure.
 */
import type { OperatorRole } from '../../../../../contracts/auth';
import { EXPORT_RETENTION_DAYS, EXPORTS_KEY_PREFIX } from '../../../../../contracts/files';
import type { ExportKind, ExportStatus } from '../../../../../contracts/http/exports';
import type { Instant } from '../../../../domain/model';

/** An export job as kept: the request, who made it, and once finished its file. */
export interface ExportJob {
  exportId: string;
  partnerId: string;
  kind: ExportKind;
  from: string;
  to: string;
  facilityId?: string;
  /** The operator who asked, and the role the job reads with (the lists check it as they would for them). */
  requestedBy: string;
  operatorRole: OperatorRole;
  requestedAt: Instant;
  status: ExportStatus;
  finishedAt?: Instant;
  /** Lines of the file, its header included (done). */
  lines?: number;
  bytes?: number;
}

const DAY_MS = 86_400_000;

/**
 * How long a job may run before it is taken as failed: its task may take 10 minutes and is tried 3 times; a job past
 * this has stopped without saying so (its state machine never started, or its last try could not record the failure).
 */
export const EXPORT_DEADLINE_MS = 60 * 60 * 1000;

/** How long the presigned URL of a done export works (asking again gives a fresh one). */
export const EXPORT_URL_SECONDS = 15 * 60;

/** When a job and its file are gone (the bucket's lifecycle, the item's `ttl`). */
export const exportExpiresAt = (job: Pick<ExportJob, 'requestedAt'>): Instant =>
  job.requestedAt + EXPORT_RETENTION_DAYS * DAY_MS;

/** The name a browser saves the file as: the list's CSV name with its range, `sales-2026-11-01-2026-11-30.csv`. */
export const exportFileName = (job: Pick<ExportJob, 'kind' | 'from' | 'to'>, listFileName: string): string =>
  `${listFileName}-${job.from}-${job.to}.csv`;

/** Where the file is: under the partner and the job, so a key never meets another's. */
export const exportKey = (job: Pick<ExportJob, 'partnerId' | 'exportId'>): string =>
  `${EXPORTS_KEY_PREFIX}${job.partnerId}/${job.exportId}/export.csv`;

/** Where a job stands at `now`: as recorded, but `failed` for one still running past {@link EXPORT_DEADLINE_MS}. */
export const exportStatusAt = (job: Pick<ExportJob, 'status' | 'requestedAt'>, now: Instant): ExportStatus =>
  job.status === 'running' && now > job.requestedAt + EXPORT_DEADLINE_MS ? 'failed' : job.status;

/** Whether the job is still there at `now` (its file kept): TTL deletes late, so the time is checked too. */
export const exportKept = (job: Pick<ExportJob, 'requestedAt'>, now: Instant): boolean => now < exportExpiresAt(job);
