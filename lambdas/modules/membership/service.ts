/** The member's own standing: profile, plan period and use counters; linking a corporate code. */
import { localDateOf } from '../../domain/calendar';
import { companyMonth } from '../../domain/contract';
import { type Instant, type Member, SERVICE_TIME_ZONE } from '../../domain/model';
import { usagePeriod } from '../../domain/usage-period';
import { planLimit } from '../../domain/uses';
import { ApiError, notFound } from '../../platform/problems';
import type { CompanyRepository } from './data/company';
import type { MemberRepository } from './data/member';
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
  const period = usagePeriod(standing.member, today);
  return meView(standing, period, planLimit(standing.member.plan, standing.company?.monthlyCap ?? null));
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
