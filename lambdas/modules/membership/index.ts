/** The membership module: members, companies, plans and use counters. What other modules may use of it. */
export { CompanyRepository } from './data/company';
export { MemberRepository } from './data/member';
export {
  type CounterDelta,
  type CounterLimits,
  type MemberCounters,
  NO_LIMITS,
  UseCounterRepository,
} from './data/use-counters';
export { type MembershipDeps, membershipDeps } from './deps';
export { routes } from './routes';
export { loadMe } from './service';
