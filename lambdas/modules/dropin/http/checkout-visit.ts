import { qrBody, visitPath, visitResponse } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { dropInDeps } from '../deps';
import { rows } from '../routes';
import { checkoutVisit } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.checkoutVisit,
  { path: visitPath, body: qrBody, response: { status: 200, body: visitResponse } },
  async ({ path, body, identity, now }) =>
    visitView(await checkoutVisit(dropInDeps(), memberIdOf(identity), path.id, body.qrValue, now)),
);
