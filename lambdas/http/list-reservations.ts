import { listReservationsQuery } from '../../schemas/api';
import { repositories } from '../data/repositories';
import { reservationsInScope } from '../services/listing';
import { httpHandler } from '../shared/http';
import { memberIdOf } from '../shared/identity';
import { reservationView } from '../shared/views';

export const handler = httpHandler(
  'list-reservations',
  { query: listReservationsQuery },
  async ({ query, identity, now }) => {
    const items = await reservationsInScope(repositories().reservations, memberIdOf(identity), query.scope, now);
    return { status: 200, body: { items: items.map(reservationView) } };
  },
);
