import { corporateCodeBody, meResponse } from '../../../../contracts/http/membership';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { membershipDeps } from '../deps';
import { rows } from '../routes';
import { linkCorporateCode } from '../service';

export const handler = httpHandler(
  rows.linkCorporateCode,
  { body: corporateCodeBody, response: { status: 200, body: meResponse } },
  ({ body, identity, now }) => linkCorporateCode(membershipDeps(), memberIdOf(identity), body.code, now),
);
