import { emptyBody } from '../../../../contracts/http/common';
import { guestPath, visitResponse } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { dropInDeps } from '../deps';
import { rows } from '../routes';
import { checkOutGuestOfVisit } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.checkoutGuest,
  { path: guestPath, body: emptyBody, response: { status: 200, body: visitResponse } },
  async ({ path, identity, now }) =>
    visitView(await checkOutGuestOfVisit(dropInDeps(), memberIdOf(identity), path.id, path.guestId, now)),
);
