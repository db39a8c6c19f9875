import type { Clock } from '../../lambdas/platform/clock';

/** The local stack's clock: starts at wall time (or a given instant) and moves only when told. */
export class ControllableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;
  private readonly listeners = new Set<(clock: ControllableClock) => void>();

  constructor(private readonly wall: () => number = Date.now) {}

  /** Whether the clock stands still (tests) rather than running on from where it was set. */
  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  /** Calls `listener` after every move (set, advance, freeze); returns the unsubscribe function. */
  onChange(listener: (clock: ControllableClock) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this);
  }

  now(): number {
    return this.frozenAt ?? this.wall() + this.offsetMs;
  }

  /** Jump to an instant; a running clock runs on from there, a frozen one stays there. */
  set(t: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = t;
    else this.offsetMs = t - this.wall();
    this.changed();
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
    this.changed();
  }

  /** Stop time at an instant (tests that need exact instants). */
  freeze(t: number = this.now()): void {
    this.frozenAt = t;
    this.changed();
  }
}
