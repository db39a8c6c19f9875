/** The partner's usage screens (who is in now; visits, guests and reservations of a date range). What other modules may use of it. */
export { routes } from './routes';
