/** The booking module: reservations, availability and the counters a booking takes. What other modules may use of it. */
export { ReservationRepository, reservationKey, reservationUsageIndexKey } from './data/reservation';
export { ReservationNumberRepository } from './data/reservation-number';
export { SlotCounterRepository, slotKey } from './data/slot-counter';
export { bookingReads, reservationRepository } from './deps';
export { routes } from './routes';
export {
  type BookingPorts,
  busy,
  ownReservation,
  recordAgreedExtension,
  sendKeypadCode,
  settle,
  startTimersOf,
  withPlanInForce,
} from './service';
export { cancellationFeeItems, type SettlementPorts, settlementItems } from './settlement';
export { reservationView } from './views';
