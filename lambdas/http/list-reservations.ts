import { listReservationsQuery } from '../../schemas/api';
import { itemsOf, reservationResponse } from '../../schemas/responses';
import { repositories } from '../data/repositories';
import { reservationsInScope } from '../services/listing';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'list-reservations',
  { query: listReservationsQuery, response: { status: 200, body: itemsOf(reservationResponse) } },
  async ({ query, identity, now }) => {
    const items = await reservationsInScope(repositories().reservations, memberIdOf(identity), query.scope, now);
    return { items: items.map(reservationView) };
  },
);
