import { describe, expect, it } from 'vitest';
import { type Claim, type IdempotencyStore, idempotently } from '../../lambdas/platform/idempotency';
import { retryOnStale, STALE, STALE_RETRIES } from '../../lambdas/platform/retry';

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
