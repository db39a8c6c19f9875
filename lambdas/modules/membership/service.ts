import { localDateOf } from '../../domain/calendar';
import { companyMonth } from '../../domain/contract';
import { type Instant, SERVICE_TIME_ZONE } from '../../domain/model';
import { usagePeriod } from '../../domain/usage-period';
import { planLimit } from '../../domain/uses';
import { meView } from '../booking/views';
import type { MemberRepository } from './data/member';

/** `GET /v1/me` for a member at `now`, or undefined when there is no such member. */
export async function loadMe(members: MemberRepository, memberId: string, now: Instant) {
  const today = localDateOf(now, SERVICE_TIME_ZONE);
  const standing = await members.standing(memberId, (member) => ({
    memberPeriod: usagePeriod(member, today).start,
    companyMonth: companyMonth(today),
  }));
  if (!standing) return undefined;
  const period = usagePeriod(standing.member, today);
  return meView(standing, period, planLimit(standing.member.plan, standing.company?.monthlyCap ?? null));
}
