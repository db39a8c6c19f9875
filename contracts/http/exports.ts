/**
 * Contracts of the partner's export jobs (api.md "Partner routes": `POST /v1/operator/exports`, `GET
 * /v1/operator/exports/{exportId}`): a CSV of a whole date range (a usage list or the sales lines, no 10,000-line
 * limit) written to S3 by a job, and fetched with a presigned URL once it is done.
 */
import * as z from '../zod';
import { id, localDate, zoned } from './common';
import { checkRange, MAX_USAGE_RANGE_DAYS } from './usage';

/** What can be exported: the three usage lists and the sales lines, each in its CSV answer's format. */
export const EXPORT_KINDS = ['visits', 'guests', 'reservations', 'sales'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Where an export stands: `failed` also for a job that outlived its deadline without finishing. */
export const EXPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const exportPath = z.strictObject({ exportId: id });

/** `POST /v1/operator/exports`. */
export const exportBody = z
  .strictObject({
    kind: z.enum(EXPORT_KINDS).check(z.describe('The list exported, in the columns of its CSV answer.')),
    from: localDate.check(z.describe('First date (YYYY-MM-DD, facility time, inclusive), as the list’s own `from`.')),
    to: localDate.check(z.describe(`Last date (inclusive); at most ${MAX_USAGE_RANGE_DAYS} days from \`from\`.`)),
    facilityId: z.optional(id).check(z.describe('Only this facility (one of the partner’s, else 404).')),
  })
  .check(z.superRefine(checkRange));
export type ExportBody = z.infer<typeof exportBody>;

/** 202: the job is running; follow it at `GET /v1/operator/exports/{exportId}`. */
export const exportStartedResponse = z.strictObject({ exportId: id, status: z.enum(EXPORT_STATUSES) });

/** An export job: its request, where it stands and, once done, the file's presigned URL and its lines. */
export const exportResponse = z.strictObject({
  exportId: id,
  kind: z.enum(EXPORT_KINDS),
  from: localDate,
  to: localDate,
  facilityId: z.optional(id),
  status: z.enum(EXPORT_STATUSES),
  requestedAt: zoned,
  finishedAt: z.optional(zoned).check(z.describe('When the job finished (done or failed).')),
  lines: z
    .optional(z.number().check(z.int(), z.gte(1)))
    .check(z.describe('Lines of the file, its header included (done).')),
  bytes: z.optional(z.number().check(z.int(), z.gte(0))).check(z.describe('Size of the file (done).')),
  url: z.optional(z.string()).check(z.describe('Presigned GET of the CSV file (done), valid until `expiresAt`.')),
  expiresAt: z.optional(zoned).check(z.describe('When `url` stops working: ask again for a fresh one.')),
});
export type ExportResponse = z.infer<typeof exportResponse>;
