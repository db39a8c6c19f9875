/** Reconnect backoff of the door client. */
export interface BackoffOptions {
  /** Delay ceiling of the first retry (default 1 000 ms). */
  initialMs?: number;
  /** Delay ceiling cap (default 30 000 ms). */
  maxMs?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { initialMs: 1_000, maxMs: 30_000 };

/**
 * Delay before retry number `attempt` (0-based): exponential ceiling `min(maxMs, initialMs · 2^attempt)`
 * with "equal jitter": half the ceiling fixed, the other half random, so doors that lost the same broker
 * do not all come back in the same instant, and no retry is ever immediate.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initialMs, maxMs } = { ...DEFAULT_BACKOFF, ...options };
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
