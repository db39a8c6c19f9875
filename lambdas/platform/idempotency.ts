/**
 * Runs a piece of work at most once per scope, whatever calls it: an HTTP route with an `Idempotency-Key`,
 * later a stream record or a scheduled run. Given its store, it knows nothing of HTTP or of the table.
 */
import { createHash } from 'node:crypto';
import { ApiError } from './problems';

/** What holds a scope now. */
export type Claim<A> = { kind: 'claimed' } | { kind: 'done'; answer: A } | { kind: 'inProgress' } | { kind: 'reused' };

/** Where claims and answers are kept (the table in the cloud and locally; a fake in service tests). */
export interface IdempotencyStore<A> {
  /** Claims `scope` for a request with `requestHash`, or says what holds it. */
  claim(scope: string, requestHash: string): Promise<Claim<A>>;
  /** What holds `scope` now, or nothing. */
  look(scope: string, requestHash: string): Promise<Claim<A> | undefined>;
  complete(scope: string, answer: A): Promise<void>;
  /** Frees a claim whose work failed, so that a retry runs again. */
  abandon(scope: string): Promise<void>;
}

const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON with sorted keys, so that the same request hashes the same however its fields are ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs `run` at most once per `scope`: a repeat with the same `request` gets the first answer (waiting while
 * the first is in progress), the same scope with another request is 422 `IDEMPOTENCY_KEY_REUSED`. Only
 * successful answers are kept; a failed run frees its scope.
 */
export async function idempotently<A>(
  store: IdempotencyStore<A>,
  scope: string,
  request: unknown,
  run: () => Promise<A>,
): Promise<A> {
  const hash = createHash('sha256').update(canonical(request)).digest('hex');
  const reused = () => new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request');
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (Date.now() < deadline) {
    const claim = await store.claim(scope, hash);
    if (claim.kind === 'done') return claim.answer;
    if (claim.kind === 'reused') throw reused();
    if (claim.kind === 'claimed') {
      let answer: A;
      try {
        answer = await run();
      } catch (error) {
        await store.abandon(scope);
        throw error;
      }
      await store.complete(scope, answer);
      return answer;
    }
    // In progress elsewhere: wait for its answer, or for its claim to go away.
    for (;;) {
      await sleep(WAIT_STEP_MS + Math.random() * WAIT_STEP_MS);
      const now = await store.look(scope, hash);
      if (!now || now.kind === 'claimed') break;
      if (now.kind === 'done') return now.answer;
      if (now.kind === 'reused') throw reused();
      if (Date.now() >= deadline) break;
    }
  }
  throw new ApiError('INVALID_STATE', 'A request with this Idempotency-Key is still in progress; retry later');
}
