/** The partner's usage screens (who is in now). What other modules may use of it. */
export { routes } from './routes';
