/**
 * Cancellation (domain-rules §4): the 2-hour rule for uses and the TIMEWORK cancellation fee.
 *
 * Choices where the rules are silent:
 * - Once the start has passed the cancellation is refused; the outcome then reports `usesCounted: true`
 *   (the booking runs its course and is counted as used or as a no-show) and no fee.
 * - A rule's percent is clamped to 0–100, so the fee never exceeds the amount.
 */
import { daysBetween, localDateOf, MINUTE_MS } from '../../../domain/calendar';
import type { CancellationFeeRule, Instant } from '../../../domain/model';

/** Cancelling at least this long before the start counts nothing and releases the tickets. */
export const FREE_CANCELLATION_MS = 120 * MINUTE_MS;

/** What cancelling a booking at `now` means. */
export interface CancellationOutcome {
  /** Cancelling is allowed until the start. */
  allowed: boolean;
  /** The booking's uses are counted (tickets consumed) rather than released. */
  usesCounted: boolean;
  feePercent: number;
  /** Whole yen, rounded down. */
  fee: number;
}

/**
 * The fee rule that applies `days` calendar days before the start: the one with the smallest
 * `daysBefore ≥ days`; `undefined` when none does.
 */
export function applicableFeeRule(
  rules: readonly CancellationFeeRule[],
  days: number,
): CancellationFeeRule | undefined {
  let best: CancellationFeeRule | undefined;
  for (const rule of rules) {
    if (rule.daysBefore >= days && (best === undefined || rule.daysBefore < best.daysBefore)) best = rule;
  }
  return best;
}

/**
 * The outcome of cancelling at `now` a booking starting at `start` worth `amount` yen: allowed iff
 * `now < start`; uses counted iff less than 2 hours remain; fee by calendar days between now's and the
 * start's local dates (0 = same day) per `applicableFeeRule`, `floor(amount × percent / 100)`.
 * With (0, 100 %) and (3, 30 %): same day 100 %, 1–3 days 30 %, 4+ days 0 %.
 */
export function cancellationOutcome({
  now,
  start,
  amount,
  rules,
  timeZone,
}: {
  now: Instant;
  start: Instant;
  amount: number;
  rules: readonly CancellationFeeRule[];
  timeZone: string;
}): CancellationOutcome {
  if (!(now < start)) return { allowed: false, usesCounted: true, feePercent: 0, fee: 0 };
  const usesCounted = start - now < FREE_CANCELLATION_MS;
  const days = daysBetween(localDateOf(now, timeZone), localDateOf(start, timeZone));
  const feePercent = Math.min(100, Math.max(0, applicableFeeRule(rules, days)?.percent ?? 0));
  const fee = Math.max(0, Math.floor((amount * feePercent) / 100));
  return { allowed: true, usesCounted, feePercent, fee };
}
