/** The requests module: partners answer booking requests; unanswered ones expire. What other modules may use of it. */
export { routes } from './routes';
export { operatorReservationView } from './views';
