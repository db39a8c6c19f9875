import { guestsBody, visitPath, visitResponse } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { dropInDeps } from '../deps';
import { rows } from '../routes';
import { addGuestsToVisit } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.addGuests,
  { path: visitPath, body: guestsBody, response: { status: 201, body: visitResponse } },
  async ({ path, body, identity, now }) =>
    visitView(await addGuestsToVisit(dropInDeps(), memberIdOf(identity), path.id, body.count, now)),
);
