import { ReservationRepository } from '../modules/booking/data/reservation';
import { SlotRepository } from '../modules/booking/data/slot-counter';
import { FacilityRepository } from '../modules/catalog/data/facility';
import { MemberRepository } from '../modules/membership/data/member';
import { UnlockCommandRepository } from '../modules/stay/data/unlock-command';
import { tableContext } from './dynamo/client';
import { IdempotencyStore } from './idempotency-store';

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
