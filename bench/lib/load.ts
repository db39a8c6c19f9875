/** Closed-loop load: `workers` callers, each running its own list of jobs one after the other. */
import type { Progress } from './progress';
import { type Percentiles, percentiles } from './stats';

export interface PhaseResult extends Percentiles {
  /** Completed calls per second of wall time. */
  throughput: number;
  wallMs: number;
  concurrency: number;
}

/** A phase's figures from its calls' latencies, over its wall time, at its concurrency. */
export function phaseOf(latencies: number[], wallMs: number, concurrency = 1): PhaseResult {
  return { ...percentiles(latencies), throughput: (latencies.length / wallMs) * 1000, wallMs, concurrency };
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
  return phaseOf(latencies, performance.now() - started, lists.filter((l) => l.length > 0).length);
}

/** One side of {@link runPaired}: its jobs, in order, and its step. */
export interface PairedSide<J, P> {
  jobs: readonly J[];
  step: LoadStep<J, P>;
}

/**
 * Two sides at concurrency 1, call by call in turn: `a`'s i-th call, then `b`'s i-th, and so on (a side with more jobs
 * goes on alone). A route and its floor run this way, so that both meet the same load on a shared machine: a burst of
 * other work falls on both sides' calls alike instead of on one side's phase, and their ratio does not hang on it. Each
 * side's wall time is the time spent on its own calls (prepare, call, bookkeeping), so its ops/s is its own.
 */
export async function runPaired<A, PA, B, PB>(
  a: PairedSide<A, PA>,
  b: PairedSide<B, PB>,
  progress?: Progress,
): Promise<[PhaseResult, PhaseResult]> {
  const sides: Array<{ side: PairedSide<unknown, unknown>; latencies: number[]; wallMs: number }> = [
    { side: a as PairedSide<unknown, unknown>, latencies: [], wallMs: 0 },
    { side: b as PairedSide<unknown, unknown>, latencies: [], wallMs: 0 },
  ];
  const total = Math.max(a.jobs.length, b.jobs.length);
  for (let i = 0; i < total; i++) {
    for (const s of sides) {
      if (i >= s.side.jobs.length) continue;
      const job = s.side.jobs[i];
      const started = performance.now();
      const prepared = s.side.step.prepare ? await s.side.step.prepare(job) : job;
      const t0 = performance.now();
      await s.side.step.exec(prepared, job);
      s.latencies.push(performance.now() - t0);
      s.side.step.after?.(job, prepared);
      s.wallMs += performance.now() - started;
    }
    progress?.tick(i + 1, total);
  }
  const result = (s: (typeof sides)[number]): PhaseResult => phaseOf(s.latencies, s.wallMs);
  const [first, second] = sides as [(typeof sides)[number], (typeof sides)[number]];
  return [result(first), result(second)];
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
