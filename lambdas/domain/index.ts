/**
 * The pure rules core: everything the handlers need, without I/O.
 */
export * from '../modules/booking/rules/availability';
export * from '../modules/booking/rules/cancellation';
export * from '../modules/catalog/rules/search';
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
