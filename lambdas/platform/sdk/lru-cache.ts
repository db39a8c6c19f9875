/**
 * What a bundled function gets in place of `mnemonist/lru-cache` (the esbuild alias in lib/bundling.ts): a
 * least-recently-used cache on a `Map` (which keeps insertion order), with the five methods the DynamoDB client's
 * endpoint-discovery cache (`@aws-sdk/endpoint-cache`) calls. mnemonist's own (typed-array pointers, iterators from
 * `obliterator`) is some 7 KiB minified in every bundle for a cache that DynamoDB fills only when endpoint discovery
 * is turned on, which it is not here. Only bundles are aliased: the local stack and the tests run mnemonist.
 */
export default class LRUCache<K, V> {
  private readonly items = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`LRUCache: capacity must be a positive integer`);
  }

  get size(): number {
    return this.items.size;
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  /** The value, without making it the most recently used. */
  peek(key: K): V | undefined {
    return this.items.get(key);
  }

  /** The value, made the most recently used. */
  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  /** Sets the value as the most recently used; past capacity, the least recently used goes. */
  set(key: K, value: V): this {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) {
      const oldest = this.items.keys().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
    return this;
  }

  clear(): void {
    this.items.clear();
  }
}
