/**
 * The LRU cache bundles get in place of mnemonist's (lib/bundling.ts) answers as mnemonist's does: any sequence of
 * `set`, `get`, `peek`, `has` and `clear` on both, at a small capacity, gives the same answers and keeps the same keys.
 */
import fc from 'fast-check';
import MnemonistLRUCache from 'mnemonist/lru-cache';
import { describe, expect, it } from 'vitest';
import LRUCache from '../../../lambdas/platform/sdk/lru-cache';

const key = fc.integer({ min: 0, max: 6 });
const operation = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key, value: fc.integer() }),
  fc.record({ op: fc.constantFrom('get' as const, 'peek' as const, 'has' as const), key }),
  fc.record({ op: fc.constant('clear' as const) }),
);

describe('the bundles’ LRU cache', () => {
  it('answers as mnemonist’s LRUCache does, whatever the sequence of calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(operation, { maxLength: 60 }), (capacity, operations) => {
        const ours = new LRUCache<number, number>(capacity);
        const theirs = new MnemonistLRUCache<number, number>(capacity);
        for (const step of operations) {
          if (step.op === 'set') {
            ours.set(step.key, step.value);
            theirs.set(step.key, step.value);
          } else if (step.op === 'clear') {
            ours.clear();
            theirs.clear();
          } else {
            expect(ours[step.op](step.key)).toEqual(theirs[step.op](step.key));
          }
          expect(ours.size).toBe(theirs.size);
        }
        for (let k = 0; k <= 6; k++) expect(ours.peek(k)).toEqual(theirs.peek(k));
      }),
    );
  });

  it('drops the least recently used past its capacity: a get makes a key recent, a peek does not', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.peek('a')).toBe(1);
    cache.set('d', 4);
    expect([cache.has('a'), cache.has('c'), cache.has('d')]).toEqual([false, true, true]);
  });
});
