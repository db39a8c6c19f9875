import { listReservationsQuery } from '../../schemas/api';
import { reservationsPageResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { decodeCursor, encodeCursor, PAGE_LIMIT, reservationsInScope } from '../services/listing';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

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
