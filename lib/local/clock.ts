import type { Clock } from '../../lambdas/platform/clock';

/** The local stack's clock: starts at wall time (or a given instant) and moves only when told. */
export class ControllableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  constructor(private readonly wall: () => number = Date.now) {}

  now(): number {
    return this.frozenAt ?? this.wall() + this.offsetMs;
  }

  /** Jump to an instant; a running clock runs on from there, a frozen one stays there. */
  set(t: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = t;
    else this.offsetMs = t - this.wall();
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Stop time at an instant (tests that need exact instants). */
  freeze(t: number = this.now()): void {
    this.frozenAt = t;
  }
}
