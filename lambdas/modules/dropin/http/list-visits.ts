import { visitListResponse, visitsQuery } from '../../../../contracts/http/visits';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { visitRepository } from '../deps';
import { rows } from '../routes';
import { decodeVisitCursor, encodeVisitCursor, listVisits, VISITS_PER_PAGE } from '../service';
import { visitView } from '../views';

export const handler = httpHandler(
  rows.listVisits,
  { query: visitsQuery, response: { status: 200, body: visitListResponse } },
  async ({ query, identity }) => {
    const page = await listVisits({ visits: visitRepository() }, memberIdOf(identity), query.scope, {
      limit: query.limit ?? VISITS_PER_PAGE,
      ...(query.cursor ? { after: decodeVisitCursor(query.cursor) } : {}),
    });
    return {
      items: page.items.map(visitView),
      ...(page.next ? { nextCursor: encodeVisitCursor(page.next) } : {}),
    };
  },
);
