/**
 * Member tickets (api.md "Drop-in visits"; domain-rules §6): issuing the member's ticket, and reading one that
 * reception scanned. The rules (rules/ticket.ts) sign and check; this side reads the member and the keys.
 */
import { localDateOf } from '../../domain/calendar';
import { type Instant, SERVICE_TIME_ZONE } from '../../domain/model';
import { checkPlanInForce } from '../../domain/plans';
import type { Ids, TicketSigningKeys } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import type { MemberRepository } from '../membership';
import {
  type IssuedTicket,
  issueTicket,
  keyringOf,
  signingKey,
  type VerifiedTicket,
  verifyTicket,
} from './rules/ticket';

/** What issuing a ticket reads, and the ports it uses. */
export interface TicketPorts {
  members: Pick<MemberRepository, 'getMember'>;
  keys: TicketSigningKeys;
  /** 128 random bits a ticket, base64url (CSPRNG). */
  ticketIds: Ids;
}

/**
 * The ticket of `memberId` at `now` (`GET /v1/me/ticket`): 404 when there is no such member; 403 `PLAN_REQUIRED`
 * without a plan in force, as booking refuses (the app should not show a ticket reception would turn away). Writes
 * nothing: asking again gives another ticket, each admitting once.
 */
export async function issueMemberTicket(deps: TicketPorts, memberId: string, now: Instant): Promise<IssuedTicket> {
  const found = await deps.members.getMember(memberId);
  if (!found) throw notFound('Member');
  const verdict = checkPlanInForce(found.member, localDateOf(now, SERVICE_TIME_ZONE));
  if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
  const { current } = await deps.keys.secrets();
  return issueTicket({ memberId, ticketId: deps.ticketIds.next(), now }, signingKey(current));
}

/**
 * A scanned ticket, checked at `now`: whose it is, its id and expiry; 422 `TICKET_INVALID` when it is malformed,
 * forged or expired. A ticket naming a key this process has not seen is checked once more after reading the keys
 * again (it may be signed after a rotation). Whether it was used before is for the transaction that uses it to find
 * (`TicketUseRepository.useItem`).
 */
export async function readTicket(
  deps: Pick<TicketPorts, 'keys'>,
  ticket: string,
  now: Instant,
): Promise<VerifiedTicket> {
  const secrets = await deps.keys.secrets();
  let check = verifyTicket(ticket, keyringOf(secrets.current, secrets.previous), now);
  if (!check.ok && check.reason === 'unknownKey') {
    const reloaded = await deps.keys.reload();
    check = verifyTicket(ticket, keyringOf(reloaded.current, reloaded.previous), now);
  }
  if (!check.ok) throw new ApiError(check.code, check.detail);
  return check.ticket;
}
