import type { TicketResponse } from '../../../contracts/http/tickets';
import { toZonedIso } from '../../domain/format';
import { SERVICE_TIME_ZONE } from '../../domain/model';
import type { IssuedTicket } from './rules/ticket';

/** A ticket as the member's app gets it: the string for the QR code, and its expiry in the service's zone. */
export const ticketView = (issued: IssuedTicket): TicketResponse => ({
  ticket: issued.ticket,
  expiresAt: toZonedIso(issued.expiresAt, SERVICE_TIME_ZONE),
});
