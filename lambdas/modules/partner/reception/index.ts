/** Reception: staff check a member in by the ticket their app shows. What other modules may use of it. */
export { routes } from './routes';
