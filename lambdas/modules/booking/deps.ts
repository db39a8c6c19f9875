import { reservationNumberDigits, tableContext, timerStarter, uuids } from '../../platform/deps';
import { outboxStore } from '../../platform/outbox';
import { catalogDeps } from '../catalog';
import { salesLedger } from '../ledger';
import { membershipDeps } from '../membership';
import { ReservationRepository } from './data/reservation';
import { SlotCounterRepository } from './data/slot-counter';
import type { ReminderPorts } from './reminder';
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

/** The repositories of the booking flows (no ports): what extending a booking needs, and its outbox. */
export function bookingReads(): Omit<BookingDeps, 'timers' | 'ids' | 'reservationNumbers' | 'ledger'> {
  const { facilities, spaces } = catalogDeps();
  const { members, counters } = membershipDeps();
  return {
    reservations: reservationRepository(),
    slots: slotCounters(),
    facilities,
    spaces,
    members,
    counters,
    outbox: outboxStore(),
  };
}

/** What the booking flows need, made once over the process-wide table and ports. */
export function bookingDeps(): BookingDeps {
  cached ??= {
    ...bookingReads(),
    ledger: salesLedger(),
    timers: timerStarter(),
    ids: uuids,
    reservationNumbers: reservationNumberDigits,
  };
  return cached;
}

let reminder: ReminderPorts | undefined;

/** What the reminder task reads and writes, made once over the process-wide table. */
export function reminderDeps(): ReminderPorts {
  if (!reminder) {
    const { facilities, spaces } = catalogDeps();
    reminder = { reservations: reservationRepository(), facilities, spaces, outbox: outboxStore() };
  }
  return reminder;
}
