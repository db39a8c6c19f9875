/** The drop-in module: visits to open spaces, their guests, their ends. What other modules may use of it. */
export { VisitRepository, visitUsageIndexKey } from './data/visit';
export { dropInDeps, visitRepository } from './deps';
export { CHECK_IN_REFUSALS, routes } from './routes';
export type { Visit, VisitGuest } from './rules/visit';
export {
  type CheckInTarget,
  type CheckInWay,
  checkInVisit,
  correctVisitCheckout,
  type DropInPorts,
  type OpenPeriodCheck,
} from './service';
export { guestView, operatorVisitView, presentVisitView, visitView } from './views';
