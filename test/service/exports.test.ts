/**
 * Export jobs with in-memory fakes: a request records a running job under the caller's partner and starts its state
 * machine (a facility of another partner: 404, nothing recorded, nothing started); the job writes the BOM, the header
 * and every page as they come (no 10,000-line limit), then marks the job done with its lines and bytes; a job no longer
 * running is left alone (a redelivered task writes nothing); a failing page aborts the upload and leaves the job
 * running for the state machine's retry; the status answers a presigned URL once done, `failed` past the deadline, and
 * 404 for another partner's job or one whose file is gone.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CSV_LINES } from '../../contracts/csv/spec';
import { EXPORT_RETENTION_DAYS, EXPORTS_KEY_PREFIX } from '../../contracts/files';
import type { Facility } from '../../lambdas/domain/model';
import type { ExportOutcome } from '../../lambdas/modules/partner/exports/data/export-jobs';
import {
  EXPORT_DEADLINE_MS,
  EXPORT_URL_SECONDS,
  type ExportJob,
  exportStatusAt,
} from '../../lambdas/modules/partner/exports/rules/export-job';
import {
  type ExportPorts,
  type ExportRunPorts,
  type ExportSource,
  exportState,
  failExport,
  requestExport,
  runExport,
} from '../../lambdas/modules/partner/exports/service';
import type { FileType, FileUpload } from '../../lambdas/platform/ports';
import { ApiError } from '../../lambdas/platform/problems';
import { FakeTimers, sequentialIds } from './fakes';

const NOW = Date.parse('2026-11-24T10:00:00+09:00');
const staff = { role: 'operator', operatorId: 'op-1', partnerId: 'partner-a', operatorRole: 'staff' } as const;
const other = { role: 'operator', operatorId: 'op-9', partnerId: 'partner-b', operatorRole: 'full' } as const;
const facilities: Record<string, Facility> = {
  'fac-a': { facilityId: 'fac-a', partnerId: 'partner-a' } as Facility,
  'fac-b': { facilityId: 'fac-b', partnerId: 'partner-b' } as Facility,
};

class FakeJobs {
  readonly byKey = new Map<string, ExportJob>();
  async put(job: ExportJob) {
    this.byKey.set(`${job.partnerId}/${job.exportId}`, { ...job });
  }
  async get(partnerId: string, exportId: string) {
    const job = this.byKey.get(`${partnerId}/${exportId}`);
    return job ? { ...job } : undefined;
  }
  async finish(job: Pick<ExportJob, 'partnerId' | 'exportId'>, outcome: ExportOutcome, at: number) {
    const stored = this.byKey.get(`${job.partnerId}/${job.exportId}`);
    if (stored?.status !== 'running') return false;
    Object.assign(stored, outcome, { finishedAt: at });
    return true;
  }
}

/** Uploads kept in memory: what each key was written, and whether it was finished or aborted. */
class FakeFiles {
  readonly uploads: Array<{ key: string; type: FileType; text: string; state: 'open' | 'finished' | 'aborted' }> = [];
  upload(key: string, type: FileType): FileUpload {
    const upload = { key, type, text: '', state: 'open' as 'open' | 'finished' | 'aborted' };
    this.uploads.push(upload);
    return {
      write: async (text) => {
        upload.text += text;
      },
      finish: async () => {
        upload.state = 'finished';
        return { bytes: Buffer.byteLength(upload.text) };
      },
      abort: async () => {
        upload.state = 'aborted';
      },
    };
  }
  async presignedDownload(key: string, seconds: number) {
    return `https://files.example/${key}?expires=${seconds}`;
  }
}

function world() {
  const jobs = new FakeJobs();
  const files = new FakeFiles();
  const timers = new FakeTimers();
  const ports: ExportPorts = {
    facilities: { getFacility: async (id: string) => facilities[id] },
    jobs,
    timers,
    files,
    ids: sequentialIds(),
  };
  return { jobs, files, timers, ports };
}

/** A source of `pages` pages of `perPage` lines each (`fail` throws when its page is read). */
function pagesOf(pages: number, perPage: number, fail?: number): ExportSource {
  return {
    listFileName: 'sales',
    header: ['利用日', '金額'],
    pages: (async function* () {
      for (let p = 0; p < pages; p++) {
        if (p === fail) throw new Error('DynamoDB throttled the read');
        yield Array.from({ length: perPage }, (_, i) => [`2026/11/${String((i % 28) + 1).padStart(2, '0')}`, p * i]);
      }
    })(),
  };
}

const body = { kind: 'sales', from: '2026-11-01', to: '2026-11-30' } as const;
const clock = { now: () => NOW + 60_000 };

describe('requestExport', () => {
  it('records a running job of the caller’s partner and starts its state machine named by it', async () => {
    const { jobs, timers, ports } = world();
    const job = await requestExport(ports, staff, { ...body, facilityId: 'fac-a' }, NOW);
    expect(job).toMatchObject({
      partnerId: 'partner-a',
      requestedBy: 'op-1',
      operatorRole: 'staff',
      status: 'running',
    });
    expect(await jobs.get('partner-a', job.exportId)).toEqual(job);
    expect(timers.started).toEqual([
      { workflow: 'export', name: job.exportId, input: { partnerId: 'partner-a', exportId: job.exportId } },
    ]);
  });

  it('shows a job whose state machine could not be started failed at once, and throws for a retry', async () => {
    const { jobs, timers, ports } = world();
    timers.down = true;
    await expect(requestExport(ports, staff, body, NOW)).rejects.toThrow(/throttled/);
    const [job] = jobs.byKey.values();
    expect(job).toMatchObject({ status: 'failed', finishedAt: NOW });
    expect(timers.attempts).toBe(1);
  });

  it.each([['fac-b'], ['fac-none']])('refuses facility %s with 404, recording and starting nothing', async (id) => {
    const { jobs, timers, ports } = world();
    const refused = await requestExport(ports, staff, { ...body, facilityId: id }, NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('NOT_FOUND');
    expect(jobs.byKey.size).toBe(0);
    expect(timers.attempts).toBe(0);
  });
});

describe('runExport', () => {
  it('writes the BOM, the header and every page as it comes, past a CSV answer’s limit, then marks the job done', async () => {
    const { jobs, files, ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    const pages = Math.ceil(MAX_CSV_LINES / 1000) + 2;
    const run: ExportRunPorts = { jobs, files, source: () => pagesOf(pages, 1000) };
    expect(await runExport(run, job, clock)).toBe('done');
    const [upload] = files.uploads;
    expect(upload?.key).toBe(`${EXPORTS_KEY_PREFIX}partner-a/${job.exportId}/export.csv`);
    expect(upload?.type).toEqual({
      contentType: 'text/csv; charset=utf-8',
      fileName: 'sales-2026-11-01-2026-11-30.csv',
    });
    expect(upload?.state).toBe('finished');
    expect(upload?.text.startsWith('\uFEFF利用日,金額\r\n2026/11/01,0\r\n')).toBe(true);
    const lineCount = upload?.text.split('\r\n').length ?? 0;
    expect(lineCount - 1).toBe(pages * 1000 + 1);
    expect(pages * 1000 + 1).toBeGreaterThan(MAX_CSV_LINES);
    expect(await jobs.get('partner-a', job.exportId)).toMatchObject({
      status: 'done',
      lines: pages * 1000 + 1,
      bytes: Buffer.byteLength(upload?.text ?? ''),
      finishedAt: clock.now(),
    });
  });

  it('reads as the operator who asked: the source is given the job and its partner’s identity', async () => {
    const { jobs, files, ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    const seen: unknown[] = [];
    await runExport(
      {
        jobs,
        files,
        source: (j, identity) => {
          seen.push([j.exportId, identity]);
          return pagesOf(1, 1);
        },
      },
      job,
      clock,
    );
    expect(seen).toEqual([[job.exportId, staff]]);
  });

  it('leaves a job that is done, failed or missing alone: no upload, nothing written', async () => {
    const { jobs, files, ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    const run: ExportRunPorts = { jobs, files, source: () => pagesOf(1, 3) };
    expect(await runExport(run, job, clock)).toBe('done');
    const before = await jobs.get('partner-a', job.exportId);
    expect(await runExport(run, job, clock)).toBe('nothing');
    expect(await runExport(run, { partnerId: 'partner-a', exportId: 'gone' }, clock)).toBe('missing');
    const failed = await requestExport(ports, staff, body, NOW);
    await failExport(run, failed, NOW);
    expect(await runExport(run, failed, clock)).toBe('nothing');
    expect(files.uploads).toHaveLength(1);
    expect(await jobs.get('partner-a', job.exportId)).toEqual(before);
  });

  it('aborts the upload when a page cannot be read, throws for the retry, and leaves the job running', async () => {
    const { jobs, files, ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    const run: ExportRunPorts = { jobs, files, source: () => pagesOf(5, 100, 3) };
    await expect(runExport(run, job, clock)).rejects.toThrow(/throttled/);
    expect(files.uploads.map((u) => u.state)).toEqual(['aborted']);
    expect((await jobs.get('partner-a', job.exportId))?.status).toBe('running');
    // the retry writes the whole file again, from the start
    expect(await runExport({ ...run, source: () => pagesOf(5, 100) }, job, clock)).toBe('done');
    expect(files.uploads.map((u) => u.state)).toEqual(['aborted', 'finished']);
    expect((await jobs.get('partner-a', job.exportId))?.lines).toBe(501);
  });

  it('marks a job past its deadline failed instead of writing it (its partner was shown it failed)', async () => {
    const { jobs, files, ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    const late = { now: () => NOW + EXPORT_DEADLINE_MS + 1 };
    expect(await runExport({ jobs, files, source: () => pagesOf(1, 1) }, job, late)).toBe('late');
    expect(files.uploads).toEqual([]);
    expect(await jobs.get('partner-a', job.exportId)).toMatchObject({ status: 'failed', finishedAt: late.now() });
  });

  it('failExport marks a running job failed once, and never a done one', async () => {
    const { jobs, files, ports } = world();
    const running = await requestExport(ports, staff, body, NOW);
    expect(await failExport({ jobs }, running, NOW + 1)).toBe(true);
    expect(await failExport({ jobs }, running, NOW + 2)).toBe(false);
    expect(await jobs.get('partner-a', running.exportId)).toMatchObject({ status: 'failed', finishedAt: NOW + 1 });
    const done = await requestExport(ports, staff, body, NOW);
    await runExport({ jobs, files, source: () => pagesOf(1, 1) }, done, clock);
    expect(await failExport({ jobs }, done, NOW)).toBe(false);
    expect((await jobs.get('partner-a', done.exportId))?.status).toBe('done');
  });
});

describe('exportState', () => {
  it('answers a done job with a fresh presigned URL and when it stops working', async () => {
    const { jobs, files, ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    await runExport({ jobs, files, source: () => pagesOf(1, 2) }, job, clock);
    const later = NOW + 3_600_000;
    const state = await exportState(ports, staff, job.exportId, later);
    expect(state.status).toBe('done');
    expect(state.download).toEqual({
      url: `https://files.example/${EXPORTS_KEY_PREFIX}partner-a/${job.exportId}/export.csv?expires=${EXPORT_URL_SECONDS}`,
      expiresAt: later + EXPORT_URL_SECONDS * 1000,
    });
  });

  it('answers a running job without a URL, and as failed once past its deadline', async () => {
    const { ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    expect(await exportState(ports, staff, job.exportId, NOW + 1000)).toEqual({ job, status: 'running' });
    expect((await exportState(ports, staff, job.exportId, NOW + EXPORT_DEADLINE_MS + 1)).status).toBe('failed');
    expect(exportStatusAt(job, NOW + EXPORT_DEADLINE_MS)).toBe('running');
  });

  it('answers 404 for another partner’s job, an unknown one, and one whose file is gone', async () => {
    const { ports } = world();
    const job = await requestExport(ports, staff, body, NOW);
    const gone = NOW + EXPORT_RETENTION_DAYS * 86_400_000;
    for (const [who, id, at] of [
      [other, job.exportId, NOW],
      [staff, 'unknown', NOW],
      [staff, job.exportId, gone],
    ] as const) {
      const refused = await exportState(ports, who, id, at).catch((e: unknown) => e);
      expect((refused as ApiError).code).toBe('NOT_FOUND');
    }
    expect((await exportState(ports, staff, job.exportId, gone - 1)).status).toBe('failed');
  });
});
