import { tableContext, ticketIds, ticketSigningKeys } from '../../platform/deps';
import { membershipDeps } from '../membership';
import { TicketUseRepository } from './data/ticket-use';
import type { TicketPorts } from './service';

export interface TicketDeps extends TicketPorts {
  uses: TicketUseRepository;
}

let cached: TicketDeps | undefined;

/**
 * The ticket flows' repositories and ports, made once: the members, the ticket uses over the process-wide table, the
 * signing keys (only functions of rows with `signsTickets` have them: elsewhere this throws).
 */
export function ticketDeps(): TicketDeps {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      members: membershipDeps().members,
      keys: ticketSigningKeys(),
      ticketIds,
      uses: new TicketUseRepository(doc, tableName),
    };
  }
  return cached;
}
