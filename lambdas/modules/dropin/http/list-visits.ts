import { visitListResponse, visitsQuery } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { visitRepository } from '../deps';
import { rows } from '../routes';
import { listVisits } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.listVisits,
  { query: visitsQuery, response: { status: 200, body: visitListResponse } },
  async ({ query, identity }) => {
    const visits = await listVisits({ visits: visitRepository() }, memberIdOf(identity), query.scope ?? 'current');
    return { items: visits.map(visitView) };
  },
);
