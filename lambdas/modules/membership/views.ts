/** The member's profile and plan as GET /v1/me shows it (api.md). */
import type { MeResponse } from '../../../contracts/http/membership';
import type { LocalDate } from '../../domain/model';
import { usesSummary } from '../../domain/uses';
import type { MemberStanding } from './data/use-counters';

export function meView(
  standing: MemberStanding,
  period: { start: LocalDate; end: LocalDate },
  limit: number | null,
): MeResponse {
  const { member, company } = standing;
  // A company cap is shared: what remains is the cap less the whole company's uses.
  const counted = standing.companyUses && limit !== null ? standing.companyUses : standing.uses;
  const summary = usesSummary({ limit, used: counted.used, held: counted.held });
  return {
    memberId: member.memberId,
    memberNumber: member.memberNumber,
    plan: member.plan,
    ...(company ? { companyName: company.name } : member.companyName ? { companyName: member.companyName } : {}),
    contract: { start: period.start, end: period.end },
    uses: { limit, used: standing.uses.used, held: standing.uses.held, remaining: summary.remaining },
  };
}
