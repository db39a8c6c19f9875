/** The member's own standing: profile, plan period and use counters; linking a corporate code. */

import { withTax } from '../../domain/billing';
import { localDateOf } from '../../domain/calendar';
import { companyMonth } from '../../domain/contract';
import { type Instant, type Member, SERVICE_TIME_ZONE } from '../../domain/model';
import { applyPurchase, checkRenewable, effectivePlan, type IndividualPlan, renewalOf } from '../../domain/plans';
import { usagePeriod } from '../../domain/usage-period';
import { planLimit } from '../../domain/uses';
import type { Ids } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import type { CompanyRepository } from './data/company';
import type { MemberRepository } from './data/member';
import type { Purchase, PurchaseRepository } from './data/purchase';
import type { CounterSelection, MemberStanding, UseCounterRepository } from './data/use-counters';
import { meView } from './views';

export interface MembershipReads {
  members: Pick<MemberRepository, 'getMember'>;
  counters: Pick<UseCounterRepository, 'countersOf'>;
}

/** A member's standing: the profile, then one batch of counters chosen from it. Two round trips. */
export async function standingOf(
  deps: MembershipReads,
  memberId: string,
  select: (member: Member) => CounterSelection,
): Promise<MemberStanding | undefined> {
  const found = await deps.members.getMember(memberId);
  if (!found) return undefined;
  return { ...found, ...(await deps.counters.countersOf(found.member, select(found.member))) };
}

/** `GET /v1/me` for a member at `now`, or undefined when there is no such member. */
export async function loadMe(deps: MembershipReads, memberId: string, now: Instant) {
  const today = localDateOf(now, SERVICE_TIME_ZONE);
  const standing = await standingOf(deps, memberId, (member) => ({
    memberPeriod: usagePeriod(member, today).start,
    companyMonth: companyMonth(today),
  }));
  if (!standing) return undefined;
  const plan = effectivePlan(standing.member, today);
  return meView(standing, {
    plan,
    period: plan === null ? null : usagePeriod({ ...standing.member, plan }, today),
    // without a plan in force nothing can be booked
    limit: plan === null ? 0 : planLimit(plan, standing.company?.monthlyCap ?? null),
    renewal: renewalOf(standing.member, today),
  });
}

/** Links the member to the company of a corporate code (once), then answers as GET /v1/me. */
export async function linkCorporateCode(
  deps: MembershipReads & {
    members: Pick<MemberRepository, 'getMember' | 'linkCompany'>;
    companies: Pick<CompanyRepository, 'companyOfCode'>;
  },
  memberId: string,
  code: string,
  now: Instant,
) {
  const company = await deps.companies.companyOfCode(code);
  if (!company) throw notFound('Corporate code');
  if (!(await deps.members.linkCompany(memberId, company))) {
    throw new ApiError('INVALID_STATE', 'Your account is already linked to a company');
  }
  const me = await loadMe(deps, memberId, now);
  if (!me) throw notFound('Member');
  return me;
}

/** What the plan flows read and write, and the ids they make. */
export interface PlanPorts extends MembershipReads {
  members: Pick<MemberRepository, 'getMember' | 'changePlan'>;
  purchases: Pick<PurchaseRepository, 'putItem' | 'ofMember'>;
  ids: Ids;
}

const changed = () => new ApiError('INVALID_STATE', 'The member changed while we worked on it; try again');

/**
 * A purchase the payment provider reports: starts the plan on its day, or renews the next contract month; the
 * purchase and the member's plan are written in one transaction.
 */
export function recordPurchase(
  deps: PlanPorts,
  memberId: string,
  input: { plan: IndividualPlan; paidAt: Instant; amount: number },
): Promise<Purchase> {
  return retryOnStale(async () => {
    const found = await deps.members.getMember(memberId);
    if (!found) throw notFound('Member');
    const applied = applyPurchase(found.member, {
      plan: input.plan,
      paidOn: localDateOf(input.paidAt, SERVICE_TIME_ZONE),
    });
    if (!applied.ok) throw new ApiError(applied.code, applied.detail);
    const price = withTax(input.amount);
    const purchase: Purchase = {
      purchaseId: deps.ids.next(),
      memberId,
      plan: input.plan,
      period: applied.effect.period,
      amount: price.amount,
      tax: price.tax,
      total: price.total,
      paidAt: input.paidAt,
    };
    const outcome = await deps.members.changePlan(memberId, found.planVersion, applied.effect.member, [
      deps.purchases.putItem(purchase),
    ]);
    return outcome.ok ? purchase : STALE;
  }, changed);
}

/** Changes the plan the next renewal renews into (the current one stays to the end of the paid month). */
export function changePlan(deps: PlanPorts, memberId: string, plan: IndividualPlan, now: Instant) {
  return planStep(deps, memberId, now, (member) => ({ nextPlan: plan === member.plan ? null : plan }));
}

/** Stops renewal: the plan stays to the end of the paid month, then there is none. */
export function stopRenewal(deps: PlanPorts, memberId: string, now: Instant) {
  return planStep(deps, memberId, now, () => ({ renewalStopped: true }));
}

/** A change of a bought plan in force, written on fresh state, answered as GET /v1/me. */
async function planStep(
  deps: PlanPorts,
  memberId: string,
  now: Instant,
  change: (member: Member) => Parameters<MemberRepository['changePlan']>[2],
) {
  const today = localDateOf(now, SERVICE_TIME_ZONE);
  await retryOnStale(async () => {
    const found = await deps.members.getMember(memberId);
    if (!found) throw notFound('Member');
    const verdict = checkRenewable(found.member, today);
    if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
    const outcome = await deps.members.changePlan(memberId, found.planVersion, change(found.member));
    return outcome.ok ? true : STALE;
  }, changed);
  const me = await loadMe(deps, memberId, now);
  if (!me) throw notFound('Member');
  return me;
}
