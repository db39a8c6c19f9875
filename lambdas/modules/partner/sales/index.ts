/** The partner's sales: its sales lines and their totals (api.md "Partner routes"). What other modules may use of it. */
export { routes } from './routes';
