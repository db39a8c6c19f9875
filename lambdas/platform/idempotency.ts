import { createHash } from 'node:crypto';
import type { HttpAnswer } from './http';
import type { IdempotencyStore } from './idempotency-store';
import type { Identity } from './identity';
import { ApiError } from './problems';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,64}$/;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const callerId = (identity: Identity) =>
  identity.role === 'member'
    ? identity.memberId
    : identity.role === 'operator'
      ? identity.operatorId
      : identity.adminId;

/** JSON with sorted keys, so that the same body hashes the same however its fields are ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Runs `run` at most once per caller, route and `Idempotency-Key` (api.md): a repeat with the same body
 * gets the first answer (waiting while the first is in progress), the same key with another body is 422.
 * Only successful answers are kept; a failed request frees its key.
 */
export async function idempotently(
  store: IdempotencyStore,
  routeId: string,
  identity: Identity,
  key: string | undefined,
  request: unknown,
  run: () => Promise<HttpAnswer>,
): Promise<HttpAnswer> {
  if (key === undefined) return run();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 64 visible ASCII characters', [
      { field: `header.${IDEMPOTENCY_HEADER}`, message: 'Expected 1 to 64 visible ASCII characters' },
    ]);
  }
  const scope = `${routeId}#${callerId(identity)}#${key}`;
  const hash = createHash('sha256').update(canonical(request)).digest('hex');
  const reused = () => new ApiError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request');
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (Date.now() < deadline) {
    const claim = await store.claim(scope, hash);
    if (claim.kind === 'done') return claim.answer;
    if (claim.kind === 'reused') throw reused();
    if (claim.kind === 'claimed') {
      let answer: HttpAnswer;
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
