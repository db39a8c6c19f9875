/** The partner's usage screens (who is in now; visits, guests and reservations of a date range). What other modules may use of it. */
export { usageDeps } from './deps';
export type { ListPage } from './listing';
export { routes } from './routes';
export { type UsagePorts, usageGuests, usageReservations, usageVisits } from './service';
export { usageGuestView, usagePageView, usageReservationView, usageVisitView } from './views';
