/**
 * Reception's check-in by the member's ticket (api.md "Partner routes"; domain-rules §6; 003 Q1, 001 快活CLUB): staff
 * scan the ticket the member's app shows and check them in to one of the partner's open spaces. The ticket is read
 * first (forged, malformed or expired: 422 `TICKET_INVALID`, nothing read of the partner); its single use is the first
 * item of the check-in's own transaction, so a reused ticket writes nothing, and a refused check-in leaves it unused.
 */
import type { Instant } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import { ApiError } from '../../../platform/problems';
import { checkInVisit, type DropInPorts, type Visit } from '../../dropin';
import { readTicket, type TicketDeps } from '../../tickets';
import { ownSpace } from '../spaces';

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
  const place = await ownSpace(deps.dropIn, identity, input.spaceId);
  if (place.space.type !== 'openSpace') {
    throw new ApiError('INVALID_SPACE_CONFIG', 'Reception checks members in to open spaces only', [
      { field: 'body.spaceId', message: `${input.spaceId} is a reservable space, not an open space` },
    ]);
  }
  return checkInVisit(deps.dropIn, ticket.memberId, place, now, {
    via: 'ticket',
    first: [deps.tickets.uses.useItem(ticket, now)],
  });
}
