/**
 * Member tickets (api.md "Drop-in visits"; domain-rules §6): the member's signed ticket, valid 60 seconds, that
 * reception scans and that admits once. What other modules may use of it: a check-in by ticket reads the ticket
 * (`readTicket`, 422 `TICKET_INVALID` when forged, malformed or expired) and adds its use to its own transaction
 * (`ticketDeps().uses.useItem`, failing with `TICKET_INVALID` when the ticket was used before). Its row needs
 * `signsTickets: true` for the key.
 */
export {
  TICKET_ALREADY_USED,
  TICKET_USE_TTL_MARGIN_SECONDS,
  TicketUseRepository,
  ticketUseKey,
} from './data/ticket-use';
export { type TicketDeps, ticketDeps } from './deps';
export { routes } from './routes';
export {
  type IssuedTicket,
  issueTicket,
  type Keyring,
  keyringOf,
  type SigningKey,
  signingKey,
  TICKET_VALIDITY_MS,
  type TicketCheck,
  type VerifiedTicket,
  verifyTicket,
} from './rules/ticket';
export { issueMemberTicket, readTicket, type TicketPorts } from './service';
export { ticketView } from './views';
