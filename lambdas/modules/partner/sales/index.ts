/** The partner's sales: its sales lines and their totals (api.md "Partner routes"). What other modules may use of it. */
export { salesDeps } from './deps';
export { routes } from './routes';
export { type SalesPorts, salesPage } from './service';
export { salesLineViewWithNames } from './views';
