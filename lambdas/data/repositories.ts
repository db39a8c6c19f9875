import { tableContext } from './client';
import { FacilityRepository } from './facilities';
import { MemberRepository } from './members';
import { SlotRepository } from './slots';

/** Repositories over the process-wide table context, made on first use and kept for the process. */
export function repositories() {
  const { doc, tableName } = tableContext();
  cached ??= {
    facilities: new FacilityRepository(doc, tableName),
    members: new MemberRepository(doc, tableName),
    slots: new SlotRepository(doc, tableName),
  };
  return cached;
}

let cached: { facilities: FacilityRepository; members: MemberRepository; slots: SlotRepository } | undefined;
