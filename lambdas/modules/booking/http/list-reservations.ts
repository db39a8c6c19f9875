import { listReservationsQuery, reservationsPageResponse } from '../../../../contracts/http/booking';
import { httpHandler } from '../../../platform/http';
import { memberIdOf } from '../../../platform/identity';
import { reservationRepository } from '../deps';
import { decodeReservationCursor, encodeReservationCursor, PAGE_LIMIT, reservationsInScope } from '../listing';
import { rows } from '../routes';
import { reservationView } from '../views';

export const handler = httpHandler(
  rows.listReservations,
  { query: listReservationsQuery, response: { status: 200, body: reservationsPageResponse } },
  async ({ query, identity, now }) => {
    const page = await reservationsInScope(reservationRepository(), memberIdOf(identity), query.scope, now, {
      limit: query.limit ?? PAGE_LIMIT,
      ...(query.cursor ? { after: decodeReservationCursor(query.scope, query.cursor) } : {}),
    });
    return {
      items: page.items.map(reservationView),
      ...(page.next ? { nextCursor: encodeReservationCursor(query.scope, page.next) } : {}),
    };
  },
);
