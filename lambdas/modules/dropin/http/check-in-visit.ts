import { qrBody, visitResponse } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { dropInDeps } from '../deps';
import { rows } from '../routes';
import { checkInVisit } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.checkInVisit,
  { body: qrBody, response: { status: 201, body: visitResponse } },
  async ({ body, identity, now }) =>
    visitView(await checkInVisit(dropInDeps(), memberIdOf(identity), { qrValue: body.qrValue }, now)),
);
