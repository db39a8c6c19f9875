import { dropInDeps } from '../../dropin';
import { ticketDeps } from '../../tickets';
import type { ReceptionPorts } from './service';

/** Reception's flow: the visit flows' repositories and ports, and the ticket keys and uses. */
export const receptionDeps = (): ReceptionPorts => ({ dropIn: dropInDeps(), tickets: ticketDeps() });
