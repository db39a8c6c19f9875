type Instant = number;

/** Where handlers and timers read the time. The cloud uses the system clock; the local stack swaps in its own. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => Date.now() };

let current: Clock = systemClock;

/** The clock every handler reads. */
export const clock: Clock = { now: () => current.now() };

/** Replace the clock (the local stack's controllable clock, tests). */
export const useClock = (next: Clock): void => {
  current = next;
};
