/**
 * The pure rules core: everything the handlers need, without I/O.
 */
export * from './availability';
export * from './billing';
export * from './booking-rules';
export * from './calendar';
export * from './cancellation';
export * from './contract';
export * from './format';
export * from './model';
export * from './search';
export * from './stay';
export * from './timers';
export * from './usage-period';
export * from './uses';
