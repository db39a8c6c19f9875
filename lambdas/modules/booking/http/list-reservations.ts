import { listReservationsQuery } from '../../../../contracts/http/api';
import { reservationsPageResponse } from '../../../../contracts/http/responses';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { repositories } from '../../../platform/repositories';
import { decodeCursor, encodeCursor, PAGE_LIMIT, reservationsInScope } from '../listing';
import { reservationView } from '../views';

export const handler = httpHandler(
  'list-reservations',
  { query: listReservationsQuery, response: { status: 200, body: reservationsPageResponse } },
  async ({ query, identity, now }) => {
    const page = await reservationsInScope(repositories().reservations, memberIdOf(identity), query.scope, now, {
      limit: query.limit ?? PAGE_LIMIT,
      ...(query.cursor ? { after: decodeCursor(query.scope, query.cursor) } : {}),
    });
    return {
      items: page.items.map(reservationView),
      ...(page.next ? { nextCursor: encodeCursor(query.scope, page.next) } : {}),
    };
  },
);
