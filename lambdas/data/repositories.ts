import { tableContext } from './client';
import { FacilityRepository } from './facilities';
import { IdempotencyStore } from './idempotency';
import { MemberRepository } from './members';
import { ReservationRepository } from './reservations';
import { SlotRepository } from './slots';
import { UnlockCommandRepository } from './unlock-commands';

export interface Repositories {
  facilities: FacilityRepository;
  members: MemberRepository;
  slots: SlotRepository;
  reservations: ReservationRepository;
  idempotency: IdempotencyStore;
  unlockCommands: UnlockCommandRepository;
}

let cached: Repositories | undefined;

/** Repositories over the process-wide table context, made on first use and kept for the process. */
export function repositories(): Repositories {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      facilities: new FacilityRepository(doc, tableName),
      members: new MemberRepository(doc, tableName),
      slots: new SlotRepository(doc, tableName),
      reservations: new ReservationRepository(doc, tableName),
      idempotency: new IdempotencyStore(doc, tableName),
      unlockCommands: new UnlockCommandRepository(doc, tableName),
    };
  }
  return cached;
}
