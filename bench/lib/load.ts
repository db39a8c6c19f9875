/** Closed-loop load: `workers` callers, each running its own list of jobs one after the other. */
import type { Progress } from './progress';
import { type Percentiles, percentiles } from './stats';

export interface PhaseResult extends Percentiles {
  /** Completed calls per second of wall time. */
  throughput: number;
  wallMs: number;
  concurrency: number;
}

export interface LoadStep<J, P> {
  /** Untimed work before the call (building a transaction, picking an id). */
  prepare?: (job: J) => P | Promise<P>;
  /** The timed call. */
  exec: (prepared: P, job: J) => Promise<void>;
  /** Untimed bookkeeping after a successful call. */
  after?: (job: J, prepared: P) => void;
}

/** Runs every list concurrently (one worker per list); returns the latencies of every call. */
export async function runLoad<J, P = J>(
  lists: readonly (readonly J[])[],
  step: LoadStep<J, P>,
  progress?: Progress,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const total = lists.reduce((n, list) => n + list.length, 0);
  const started = performance.now();
  await Promise.all(
    lists.map(async (list) => {
      for (const job of list) {
        const prepared = step.prepare ? await step.prepare(job) : (job as unknown as P);
        const t0 = performance.now();
        await step.exec(prepared, job);
        latencies.push(performance.now() - t0);
        step.after?.(job, prepared);
        progress?.tick(latencies.length, total);
      }
    }),
  );
  const wallMs = performance.now() - started;
  return {
    ...percentiles(latencies),
    throughput: (latencies.length / wallMs) * 1000,
    wallMs,
    concurrency: lists.filter((l) => l.length > 0).length,
  };
}

/** `count` jobs dealt round-robin to `workers` lists; `make` gets the worker and the job's global index. */
export function deal<J>(count: number, workers: number, make: (worker: number, i: number) => J): J[][] {
  const lists: J[][] = Array.from({ length: workers }, () => []);
  for (let i = 0; i < count; i++) lists[i % workers]?.push(make(i % workers, i));
  return lists;
}

/** Runs `fn` over `items` with at most `concurrency` at once (untimed setup work). */
export async function pool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        out[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return out;
}
