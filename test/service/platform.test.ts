import { afterEach, describe, expect, it } from 'vitest';
import { API_SCOPE, CLAIMS } from '../../contracts/auth';
import { declaredProblems, httpHandler, VALIDATE_RESPONSES_ENV } from '../../lambdas/platform/http';
import { type Claim, type IdempotencyStore, idempotently } from '../../lambdas/platform/idempotency';
import { retryOnStale, STALE, STALE_RETRIES } from '../../lambdas/platform/retry';
import { MEMBER, needsIfMatch, type Route } from '../../lambdas/platform/route';
import { lambdaContext } from '../../lib/local/lambda-context';

/** The store's contract in memory: claims, answers, abandoned claims. */
class MemoryStore<A> implements IdempotencyStore<A> {
  readonly records = new Map<string, { hash: string; answer?: A }>();
  async claim(scope: string, hash: string): Promise<Claim<A>> {
    const record = this.records.get(scope);
    if (!record) {
      this.records.set(scope, { hash });
      return { kind: 'claimed' };
    }
    return this.describe(record, hash);
  }
  async look(scope: string, hash: string) {
    const record = this.records.get(scope);
    return record ? this.describe(record, hash) : undefined;
  }
  async complete(scope: string, answer: A) {
    const record = this.records.get(scope);
    if (record) record.answer = answer;
  }
  async abandon(scope: string) {
    this.records.delete(scope);
  }
  private describe(record: { hash: string; answer?: A }, hash: string): Claim<A> {
    if (record.hash !== hash) return { kind: 'reused' };
    return record.answer === undefined ? { kind: 'inProgress' } : { kind: 'done', answer: record.answer };
  }
}

describe('retryOnStale', () => {
  it('answers the first attempt that is not stale', async () => {
    let attempts = 0;
    const answer = await retryOnStale(
      async () => (++attempts < 3 ? STALE : attempts),
      () => new Error('gave up'),
    );
    expect(answer).toBe(3);
  });

  it('throws what `exhausted` makes after 1 + retries stale attempts', async () => {
    let attempts = 0;
    await expect(
      retryOnStale(
        async () => {
          attempts++;
          return STALE;
        },
        () => new Error('gave up'),
      ),
    ).rejects.toThrow('gave up');
    expect(attempts).toBe(1 + STALE_RETRIES);
  });
});

describe('idempotently, given a store', () => {
  it('runs once per scope and answers a repeat with the first answer', async () => {
    const store = new MemoryStore<number>();
    let runs = 0;
    const run = async () => ++runs;
    expect(await idempotently(store, 'scope-1', { a: 1, b: 2 }, run)).toBe(1);
    expect(await idempotently(store, 'scope-1', { b: 2, a: 1 }, run)).toBe(1);
    expect(runs).toBe(1);
  });

  it('refuses the same scope with another request', async () => {
    const store = new MemoryStore<number>();
    await idempotently(store, 'scope-1', { a: 1 }, async () => 1);
    await expect(idempotently(store, 'scope-1', { a: 2 }, async () => 2)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('frees the scope when the work fails, so that a retry runs again', async () => {
    const store = new MemoryStore<number>();
    await expect(
      idempotently(store, 'scope-1', {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.records.size).toBe(0);
    expect(await idempotently(store, 'scope-1', {}, async () => 7)).toBe(7);
  });
});

/** A synthetic row: a member's deletion (no table access). */
const deletion: Route = {
  id: 'delete-thing',
  module: 'test',
  method: 'DELETE',
  path: '/v1/things/{thingId}',
  caller: MEMBER,
  tableActions: [],
  maxTableCommands: 0,
};
/** A call of member-basic, as API Gateway hands it to a handler. */
const event = (headers: Record<string, string> = {}) =>
  ({
    headers,
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'member-basic', [CLAIMS.role]: 'member' }, scopes: [API_SCOPE] } },
    },
  }) as never;

describe('edits and If-Match (api.md "Edits")', () => {
  it('makes every PATCH, PUT and DELETE need If-Match, and declare 428 and 412, unless its row exempts it', () => {
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      expect(needsIfMatch({ ...deletion, method }), method).toBe(true);
      expect(declaredProblems({ ...deletion, method }).map((p) => p.code)).toEqual(
        expect.arrayContaining(['PRECONDITION_REQUIRED', 'VERSION_MISMATCH']),
      );
    }
    for (const method of ['GET', 'POST'] as const) expect(needsIfMatch({ ...deletion, method }), method).toBe(false);
    const exempt = { ...deletion, withoutIfMatch: true } as const;
    expect(needsIfMatch(exempt)).toBe(false);
    const codes = declaredProblems(exempt).map((p) => p.code);
    expect(codes).not.toContain('PRECONDITION_REQUIRED');
    expect(codes).not.toContain('VERSION_MISMATCH');
  });
});

describe('a 204 answer', () => {
  const validating = process.env[VALIDATE_RESPONSES_ENV];
  afterEach(() => {
    if (validating === undefined) delete process.env[VALIDATE_RESPONSES_ENV];
    else process.env[VALIDATE_RESPONSES_ENV] = validating;
  });

  it('is 204 with no body and no content type', async () => {
    let deleted = 0;
    const handler = httpHandler(deletion, { response: { status: 204 } }, async () => {
      deleted++;
    });
    const result = await handler(event(), lambdaContext('delete-thing'));
    expect(result).toEqual({ statusCode: 204, headers: {}, body: '' });
    expect(deleted).toBe(1);
  });

  it('is a fault (500) where answers are checked when the route returns a body anyway', async () => {
    process.env[VALIDATE_RESPONSES_ENV] = 'true';
    const handler = httpHandler(deletion, { response: { status: 204 } }, async () => ({ deleted: true }) as never);
    const result = await handler(event(), lambdaContext('delete-thing'));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(String(result.body))).toMatchObject({ code: 'INTERNAL_ERROR' });
  });
});
