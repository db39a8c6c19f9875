/**
 * A bounded set of recently seen ids with least-recently-used eviction (a `Map` keeps insertion order;
 * a hit moves the id to the back).
 */
export class SeenSet {
  readonly #ids = new Map<string, true>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`SeenSet capacity must be ≥ 1, got ${capacity}`);
  }

  get size(): number {
    return this.#ids.size;
  }

  /** Whether `id` was seen; a hit refreshes it. */
  has(id: string): boolean {
    if (!this.#ids.has(id)) return false;
    this.#ids.delete(id);
    this.#ids.set(id, true);
    return true;
  }

  /** Records `id`, evicting the least recently seen id when full. */
  add(id: string): void {
    this.#ids.delete(id);
    this.#ids.set(id, true);
    while (this.#ids.size > this.capacity) {
      const oldest = this.#ids.keys().next();
      if (oldest.done) break;
      this.#ids.delete(oldest.value);
    }
  }

  /** Records `id` and tells whether it was new (`false` = seen before). */
  addIfNew(id: string): boolean {
    if (this.has(id)) return false;
    this.add(id);
    return true;
  }
}
