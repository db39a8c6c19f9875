import { meResponse, planChangeBody } from '../../../../contracts/http/membership';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { membershipDeps } from '../deps';
import { rows } from '../routes';
import { changePlan } from '../service';

export const handler = httpHandler(
  rows.changePlan,
  { body: planChangeBody, response: { status: 200, body: meResponse } },
  ({ body, identity, now }) => changePlan(membershipDeps(), memberIdOf(identity), body.plan, now),
);
