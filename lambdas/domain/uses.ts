/**
 * Counting uses (check-ins) and tickets (domain-rules §4).
 */
import { OK, type Plan, refuse, type Verdict } from './model';

/** Uses per contract month of the individual basic plan. */
export const BASIC_MONTHLY_USES = 31;

/**
 * Uses a stay of `minutes` counts: `ceil(minutes / limit)`, every started block counts (even 15 minutes),
 * at least 1. With no per-check-in limit (`null`, or a non-positive value) a stay counts once.
 */
export function usesFor(minutes: number, perCheckInLimitMinutes: number | null): number {
  if (perCheckInLimitMinutes === null || perCheckInLimitMinutes <= 0) return 1;
  return Math.max(1, Math.ceil(minutes / perCheckInLimitMinutes));
}

/**
 * The member's use limit for the period: basic 31 per contract month, premium unlimited (`null`),
 * corporate the company's monthly cap (`null` = no cap).
 */
export function planLimit(plan: Plan, companyCap: number | null): number | null {
  switch (plan) {
    case 'basic':
      return BASIC_MONTHLY_USES;
    case 'premium':
      return null;
    case 'corporate':
      return companyCap;
  }
}

/** Uses of one period: the limit (`null` = unlimited), uses already counted, and uses held by bookings. */
export interface UsesBalance {
  limit: number | null;
  used: number;
  held: number;
}

/**
 * The balances a use is checked against: the member's own (basic 31, premium unlimited; a corporate member's is
 * unlimited per member) and, for a corporate member whose company has a monthly cap, the company's.
 */
export function balancesOf(
  plan: Plan,
  counters: {
    uses: { used: number; held: number };
    company: { monthlyCap: number | null } | null;
    companyUses: { used: number; held: number } | null;
  },
): { member: UsesBalance; company: UsesBalance | null } {
  const corporate = plan === 'corporate';
  const cap = counters.company?.monthlyCap ?? null;
  return {
    member: { limit: corporate ? null : planLimit(plan, null), ...counters.uses },
    company: corporate && cap !== null && counters.companyUses ? { limit: cap, ...counters.companyUses } : null,
  };
}

/** Refuses (INSUFFICIENT_TICKETS) when `used + held + requested` would pass a non-null limit. */
export function checkAffordable({ limit, used, held, requested }: UsesBalance & { requested: number }): Verdict {
  if (limit !== null && used + held + requested > limit) {
    const remaining = Math.max(0, limit - used - held);
    return refuse('INSUFFICIENT_TICKETS', `This needs ${requested} uses; ${remaining} of ${limit} remain.`);
  }
  return OK;
}

/** The balance with what remains (`null` when unlimited, never negative). */
export function usesSummary({ limit, used, held }: UsesBalance): UsesBalance & { remaining: number | null } {
  return { limit, used, held, remaining: limit === null ? null : Math.max(0, limit - used - held) };
}

/**
 * Refuses (DAILY_LIMIT_REACHED) when a facility's per-member daily limit would be passed
 * (`usedThatDay` counts counted and held uses of that member at that facility on that local day).
 */
export function checkDailyLimit({
  limit,
  usedThatDay,
  requested,
}: {
  limit: number | null;
  usedThatDay: number;
  requested: number;
}): Verdict {
  if (limit !== null && usedThatDay + requested > limit) {
    return refuse('DAILY_LIMIT_REACHED', `This facility allows ${limit} uses per member per day.`);
  }
  return OK;
}
