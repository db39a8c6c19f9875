/** The membership module: members, companies, plans and use counters. What other modules may use of it. */
export { CompanyRepository } from './data/company';
export { MemberRepository, memberKey } from './data/member';
export { MemberNumberCounter } from './data/member-number';
export {
  type CounterDelta,
  type CounterLimits,
  type CounterSelection,
  type MemberCounters,
  type MemberStanding,
  NO_LIMITS,
  UseCounterRepository,
  type UsesCount,
} from './data/use-counters';
export { type MembershipDeps, membershipDeps } from './deps';
export { routes } from './routes';
export { loadMe, type MembershipReads, standingOf } from './service';
