import { ticketResponse } from '../../../../contracts/http/tickets';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { ticketDeps } from '../deps';
import { rows } from '../routes';
import { issueMemberTicket } from '../service';
import { ticketView } from '../views';

export const handler = httpHandler(
  rows.getTicket,
  { response: { status: 200, body: ticketResponse } },
  async ({ identity, now }) => ticketView(await issueMemberTicket(ticketDeps(), memberIdOf(identity), now)),
);
