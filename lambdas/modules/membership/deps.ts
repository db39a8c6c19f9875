import { tableContext, uuids } from '../../platform/deps';
import type { Ids } from '../../platform/ports';
import { CompanyRepository } from './data/company';
import { MemberRepository } from './data/member';
import { MemberNumberCounter } from './data/member-number';
import { PurchaseRepository } from './data/purchase';
import { UseCounterRepository } from './data/use-counters';

export interface MembershipDeps {
  members: MemberRepository;
  companies: CompanyRepository;
  counters: UseCounterRepository;
  memberNumbers: MemberNumberCounter;
  purchases: PurchaseRepository;
  ids: Ids;
}

let cached: MembershipDeps | undefined;

/** The membership repositories over the process-wide table, made once. */
export function membershipDeps(): MembershipDeps {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      members: new MemberRepository(doc, tableName),
      companies: new CompanyRepository(doc, tableName),
      counters: new UseCounterRepository(doc, tableName),
      memberNumbers: new MemberNumberCounter(doc, tableName),
      purchases: new PurchaseRepository(doc, tableName),
      ids: uuids,
    };
  }
  return cached;
}
