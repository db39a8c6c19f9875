/** The partner's own profile and operator accounts, and the back office's new partner. What other modules may use of it. */
export { routes } from './routes';
