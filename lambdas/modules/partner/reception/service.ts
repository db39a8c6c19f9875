/**
 * Reception's check-in by the member's ticket (api.md "Partner routes"; domain-rules §6; 003 Q1, 001 快活CLUB): staff
 * scan the ticket the member's app shows and check them in to one of the partner's open spaces. The ticket is read
 * first (forged, malformed or expired: 422 `TICKET_INVALID`, nothing read of the partner); its single use is the first
 * item of the check-in's own transaction, so a reused ticket writes nothing, and a refused check-in leaves it unused.
 */
import type { Instant } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import { checkInVisit, type DropInPorts, type Visit } from '../../dropin';
import { readTicket, type TicketDeps } from '../../tickets';
import { ownOpenSpace } from '../spaces';

export interface ReceptionPorts {
  dropIn: DropInPorts;
  tickets: Pick<TicketDeps, 'keys'> & { uses: Pick<TicketDeps['uses'], 'useItem'> };
}

export async function checkInByTicket(
  deps: ReceptionPorts,
  identity: Identity,
  input: { ticket: string; spaceId: string },
  now: Instant,
): Promise<Visit> {
  const ticket = await readTicket(deps.tickets, input.ticket, now);
  const place = await ownOpenSpace(deps.dropIn, identity, input.spaceId, 'body.spaceId');
  return checkInVisit(deps.dropIn, ticket.memberId, place, now, {
    via: 'ticket',
    first: [deps.tickets.uses.useItem(ticket, now)],
  });
}
