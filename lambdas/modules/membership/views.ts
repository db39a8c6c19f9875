/** The member's profile, plan and purchases as the member routes show them (api.md). */
import type { MeResponse, PurchaseResponse } from '../../../contracts/http/membership';
import { toZonedIso } from '../../domain/format';
import { type LocalDate, type Plan, SERVICE_TIME_ZONE } from '../../domain/model';
import type { renewalOf } from '../../domain/plans';
import { usesSummary } from '../../domain/uses';
import type { Purchase } from './data/purchase';
import type { MemberStanding } from './data/use-counters';

export function meView(
  standing: MemberStanding,
  state: {
    plan: Plan | null;
    period: { start: LocalDate; end: LocalDate } | null;
    limit: number | null;
    renewal: ReturnType<typeof renewalOf>;
  },
): MeResponse {
  const { member, company } = standing;
  const { limit } = state;
  // A company cap is shared: what remains is the cap less the whole company's uses.
  const counted = standing.companyUses && limit !== null ? standing.companyUses : standing.uses;
  const summary = usesSummary({ limit, used: counted.used, held: counted.held });
  return {
    memberId: member.memberId,
    memberNumber: member.memberNumber,
    plan: state.plan,
    ...(company ? { companyName: company.name } : member.companyName ? { companyName: member.companyName } : {}),
    ...(state.period ? { contract: { start: state.period.start, end: state.period.end } } : {}),
    uses: { limit, used: standing.uses.used, held: standing.uses.held, remaining: summary.remaining },
    ...(state.renewal ? { renewal: state.renewal } : {}),
  };
}

/** A purchase as GET /v1/me/purchases shows it: the paid instant in the service's zone. */
export const purchaseView = (purchase: Purchase): PurchaseResponse => ({
  purchaseId: purchase.purchaseId,
  plan: purchase.plan,
  period: purchase.period,
  amount: purchase.amount,
  tax: purchase.tax,
  total: purchase.total,
  paidAt: toZonedIso(purchase.paidAt, SERVICE_TIME_ZONE),
});
