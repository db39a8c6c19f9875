/**
 * Section 8: an export of 100,000 lines (issue 17 point 8). A partner's ledger is seeded with 100,000 sales lines
 * through the ledger's writer (`seed-sales.ts`, four lines a record), a sales export job of their range is recorded as
 * the request route records one, and the `run-export` step handler runs it once in a fresh Node process
 * (`export-child.ts`) against the bench's DynamoDB Local and local S3: its time, the process's peak RSS, how far its
 * heap and its Buffers grew meanwhile (what shows that the file is sent in parts, not held), and the file it wrote
 * (the job's lines and bytes, the object's size on S3, the parts of it).
 *
 * The lines are dated after the bench's frozen clock and after the CSV section's, so no settlement period holding them
 * falls due and the two sections never read each other's lines.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EXPORTS_BUCKET_ENV, S3_ENDPOINT_ENV } from '../../contracts/files';
import { ExportJobRepository } from '../../lambdas/modules/partner/exports/data/export-jobs';
import { type ExportJob, exportKey } from '../../lambdas/modules/partner/exports/rules/export-job';
import { measureInChild } from './child';
import type { ExportSample } from './export-child';
import type { Progress } from './progress';
import { type SeededSales, seedSales } from './seed-sales';

/** Lines the export writes besides its header. */
export const EXPORT_LINES = 100_000;

export interface ExportSection {
  seeding: SeededSales & { partnerId: string; facilityId: string; spaceId: string; from: string; to: string };
  sample: ExportSample;
  /** The job as the run left it. */
  status: ExportJob['status'] | 'missing';
  /** Lines of the file (its header included) and its bytes, as the job recorded them. */
  lines: number;
  bytes: number;
  /** The object's size on S3. */
  objectBytes: number;
  /** Parts the file was sent in (of 8 MiB, the last smaller), as the job's S3 requests count them. */
  parts: number;
  expectedLines: number;
}

const CHILD = fileURLToPath(new URL('./export-child.ts', import.meta.url));

export async function measureExport(
  table: { endpoint: string; tableName: string; doc: DynamoDBDocumentClient },
  progress: Progress,
): Promise<ExportSection> {
  const where = { partnerId: 'partner-tw', facilityId: 'tw-shibuya', spaceId: 'tw-shibuya-room-a' };
  const range = { from: '2027-05-01', to: '2027-12-31' };
  progress.step(`export: seeding ${EXPORT_LINES} sales lines of ${where.partnerId}`);
  const seeded = await seedSales(table.doc, table.tableName, {
    ...where,
    ...range,
    lines: EXPORT_LINES,
    linesPerRecord: 4,
    concurrency: 16,
    idPrefix: 'bench-export',
  });
  const jobs = new ExportJobRepository(table.doc, table.tableName);
  const job: ExportJob = {
    exportId: randomUUID(),
    partnerId: where.partnerId,
    kind: 'sales',
    ...range,
    requestedBy: 'op-tw-full',
    operatorRole: 'full',
    requestedAt: Date.now(),
    status: 'running',
  };
  await jobs.put(job);
  progress.step(`export: the job writes ${EXPORT_LINES} lines to the local S3 (a fresh process)`);
  const bucket = process.env[EXPORTS_BUCKET_ENV] ?? '';
  const endpoint = process.env[S3_ENDPOINT_ENV] ?? '';
  const sample = await measureInChild<ExportSample>(
    CHILD,
    JSON.stringify({ partnerId: job.partnerId, exportId: job.exportId }),
    {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      [EXPORTS_BUCKET_ENV]: bucket,
      [S3_ENDPOINT_ENV]: endpoint,
    },
    'the export job',
  );
  const done = await jobs.get(job.partnerId, job.exportId);
  const s3 = new S3Client({ endpoint, forcePathStyle: true });
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: exportKey(job) })).catch(() => undefined);
  s3.destroy();
  const bytes = done?.bytes ?? 0;
  return {
    seeding: { ...seeded, ...where, ...range },
    sample,
    status: done?.status ?? 'missing',
    lines: done?.lines ?? 0,
    bytes,
    objectBytes: head?.ContentLength ?? 0,
    parts: sample.s3.UploadPartCommand ?? 0,
    expectedLines: EXPORT_LINES + 1,
  };
}
