import { tableContext } from '../../platform/dynamo/client';
import { CompanyRepository } from './data/company';
import { MemberRepository } from './data/member';
import { MemberNumberCounter } from './data/member-number';
import { UseCounterRepository } from './data/use-counters';

export interface MembershipDeps {
  members: MemberRepository;
  companies: CompanyRepository;
  counters: UseCounterRepository;
  memberNumbers: MemberNumberCounter;
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
    };
  }
  return cached;
}
