/** A write that found the state moved ("stale"): decide again on fresh state, a few times. */

/** What an attempt answers when its write found the state moved. */
export const STALE = Symbol('stale');
export type Stale = typeof STALE;

/** How often a stale write is decided again after the first attempt. */
export const STALE_RETRIES = 5;

/**
 * Runs `attempt` until it answers something other than {@link STALE}, at most `1 + retries` times; then
 * throws what `exhausted` makes.
 */
export async function retryOnStale<T>(
  attempt: () => Promise<T | Stale>,
  exhausted: () => Error,
  retries: number = STALE_RETRIES,
): Promise<T> {
  for (let n = 0; n <= retries; n++) {
    const answer = await attempt();
    if (answer !== STALE) return answer;
  }
  throw exhausted();
}
