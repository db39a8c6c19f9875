import { tableContext, timerStarter, uuids } from '../../platform/deps';
import { catalogDeps } from '../catalog';
import { membershipDeps } from '../membership';
import { ReservationRepository } from './data/reservation';
import { SlotCounterRepository } from './data/slot-counter';
import type { BookingPorts } from './service';

export interface BookingDeps extends BookingPorts {
  reservations: ReservationRepository;
  slots: SlotCounterRepository;
}

let cached: BookingDeps | undefined;
let reservations: ReservationRepository | undefined;
let slots: SlotCounterRepository | undefined;

/** Reservations (and what their transactions write) over the process-wide table, made once. */
export function reservationRepository(): ReservationRepository {
  const { doc, tableName } = tableContext();
  reservations ??= new ReservationRepository(doc, tableName);
  return reservations;
}

/** Slot counters over the process-wide table, made once. */
export function slotCounters(): SlotCounterRepository {
  const { doc, tableName } = tableContext();
  slots ??= new SlotCounterRepository(doc, tableName);
  return slots;
}

/** What the booking flows need, made once over the process-wide table and ports. */
export function bookingDeps(): BookingDeps {
  if (!cached) {
    const { facilities, spaces } = catalogDeps();
    const { members, counters } = membershipDeps();
    cached = {
      reservations: reservationRepository(),
      slots: slotCounters(),
      facilities,
      spaces,
      members,
      counters,
      timers: timerStarter(),
      ids: uuids,
    };
  }
  return cached;
}
