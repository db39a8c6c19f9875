import { emptyBody } from '../../../../contracts/http/common';
import { meResponse } from '../../../../contracts/http/membership';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { membershipDeps } from '../deps';
import { rows } from '../routes';
import { stopRenewal } from '../service';

export const handler = httpHandler(
  rows.stopRenewal,
  { body: emptyBody, response: { status: 200, body: meResponse } },
  ({ identity, now }) => stopRenewal(membershipDeps(), memberIdOf(identity), now),
);
