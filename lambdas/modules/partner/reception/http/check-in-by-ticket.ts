import { operatorVisitResponse, ticketCheckInBody } from '../../../../../contracts/http/visits';
import { httpHandler } from '../../../../platform/http';
import { operatorVisitView } from '../../../dropin';
import { receptionDeps } from '../deps';
import { rows } from '../routes';
import { checkInByTicket } from '../service';

export const handler = httpHandler(
  rows.checkInByTicket,
  { body: ticketCheckInBody, response: { status: 201, body: operatorVisitResponse } },
  async ({ body, identity, now }) => operatorVisitView(await checkInByTicket(receptionDeps(), identity, body, now)),
);
