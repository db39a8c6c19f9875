import { visitPath, visitResponse } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { visitRepository } from '../deps';
import { rows } from '../routes';
import { ownVisit } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.getVisit,
  { path: visitPath, response: { status: 200, body: visitResponse } },
  async ({ path, identity }) => visitView(await ownVisit({ visits: visitRepository() }, memberIdOf(identity), path.id)),
);
