import { newPartnerBody, partnerCreatedResponse } from '../../../../../contracts/http/partner-accounts';
import { httpHandler } from '../../../../platform/http';
import { signInDeps } from '../deps';
import { rows } from '../routes';
import { createPartner } from '../service';
import { partnerCreatedView } from '../views';

export const handler = httpHandler(
  rows.createPartner,
  { body: newPartnerBody, response: { status: 201, body: partnerCreatedResponse } },
  async ({ body, now }) => partnerCreatedView(await createPartner(signInDeps(), body, now)),
);
