/** The stay module: check-in, doors, checkout and the forced checkout. What other modules may use of it. */
export { UnlockCommandRepository } from './data/unlock-command';
export { routes } from './routes';
