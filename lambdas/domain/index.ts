/**
 * The pure rules several modules share, without I/O (each module's own rules are in its `rules/`).
 */
export * from './billing';
export * from './booking-rules';
export * from './calendar';
export * from './contract';
export * from './format';
export * from './model';
export * from './stay';
export * from './timers';
export * from './usage-period';
export * from './uses';
