/**
 * Member plans (domain-rules §1, §4; 003): a member has no plan until a corporate code links a company or a
 * plan is bought. A purchase starts the contract month on its day, or renews the next one while a plan is in
 * force; a plan change takes effect at the next renewal; a stopped renewal leaves the plan until the end of the
 * paid month, then none. No refunds.
 */
import { addDays } from './calendar';
import { contractPeriod, type DatePeriod } from './contract';
import { type LocalDate, type Member, OK, type Plan, refuse, type Verdict } from './model';

/** The plans a member buys (corporate comes with a company). */
export type IndividualPlan = Exclude<Plan, 'corporate'>;
export const INDIVIDUAL_PLANS: readonly IndividualPlan[] = ['basic', 'premium'];

/** What the plan rules read of a member. */
export type PlanHolder = Pick<
  Member,
  'plan' | 'contractStart' | 'companyId' | 'paidUntil' | 'nextPlan' | 'renewalStopped'
>;

/** Whether the member's individual plan comes from purchases (so it lapses when they stop). */
const bought = (member: PlanHolder): boolean =>
  member.companyId === null && member.plan !== null && member.plan !== 'corporate' && member.paidUntil != null;

/**
 * The plan a member may use on `date`: corporate when linked to a company; an individual plan while it is paid
 * (to `paidUntil`; a plan set by staff, without `paidUntil`, does not lapse); otherwise none.
 */
export function effectivePlan(member: PlanHolder, date: LocalDate): Plan | null {
  if (member.companyId) return 'corporate';
  if (member.plan === null || member.plan === 'corporate') return null;
  if (member.paidUntil != null && member.paidUntil < date) return null;
  return member.plan;
}

/** A booking or visit needs a plan in force: 403 `PLAN_REQUIRED` otherwise. */
export function checkPlanInForce(member: PlanHolder, date: LocalDate): Verdict {
  return effectivePlan(member, date) === null
    ? refuse('PLAN_REQUIRED', 'Enter a corporate code or buy a plan before using the service.')
    : OK;
}

/** What a purchase changes on the member, and the contract month it pays. */
export interface PurchaseEffect {
  member: Pick<Member, 'plan' | 'contractStart' | 'paidUntil' | 'nextPlan' | 'renewalStopped'>;
  period: DatePeriod;
}

/**
 * A purchase reported by the payment provider, paid on `paidOn` (the service's date): with a bought plan in
 * force, it renews the next contract month (in the plan it pays for: a change takes effect here); otherwise it
 * starts a contract month on its day. A member of a company buys none.
 */
export function applyPurchase(
  member: PlanHolder,
  purchase: { plan: IndividualPlan; paidOn: LocalDate },
): { ok: true; effect: PurchaseEffect } | { ok: false; code: 'INVALID_STATE'; detail: string } {
  if (member.companyId) {
    return { ok: false, code: 'INVALID_STATE', detail: 'The member uses the plan of their company.' };
  }
  const renewing = bought(member) && effectivePlan(member, purchase.paidOn) !== null && member.contractStart;
  const contractStart = renewing ? (member.contractStart as LocalDate) : purchase.paidOn;
  const from = renewing ? addDays(member.paidUntil as LocalDate, 1) : purchase.paidOn;
  const period = contractPeriod(contractStart, from);
  return {
    ok: true,
    effect: {
      member: { plan: purchase.plan, contractStart, paidUntil: period.end, nextPlan: null, renewalStopped: false },
      period,
    },
  };
}

/** The next renewal of a bought plan in force: its day, its plan, and whether it stops instead. */
export function renewalOf(
  member: PlanHolder,
  today: LocalDate,
): { on: LocalDate; plan: IndividualPlan; stops: boolean } | null {
  if (!bought(member) || effectivePlan(member, today) === null) return null;
  return {
    on: addDays(member.paidUntil as LocalDate, 1),
    plan: member.nextPlan ?? (member.plan as IndividualPlan),
    stops: member.renewalStopped === true,
  };
}

/** A plan change or a stopped renewal needs a bought plan in force. */
export function checkRenewable(member: PlanHolder, today: LocalDate): Verdict {
  if (member.companyId) return refuse('INVALID_STATE', 'The member uses the plan of their company.');
  return renewalOf(member, today) === null
    ? refuse('INVALID_STATE', 'There is no bought plan in force to change or stop.')
    : OK;
}
