/** The back office (api.md "Back office", role admin). What other modules may use of it. */
export { routes } from './routes';
