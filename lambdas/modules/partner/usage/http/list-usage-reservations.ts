import { reservationsCsv } from '../../../../../contracts/csv/reservations.v1';
import {
  type UsageReservationPageResponse,
  usageReservationPageResponse,
  usageReservationsQuery,
} from '../../../../../contracts/http/usage';
import { csvAnswer, wantsCsv } from '../../../../platform/csv';
import { httpHandler } from '../../../../platform/http';
import { usageDeps } from '../deps';
import { listPage } from '../listing';
import { rows } from '../routes';
import { usageReservations } from '../service';
import { usagePageView, usageReservationView } from '../views';

export const handler = httpHandler(
  rows.listUsageReservations,
  {
    query: usageReservationsQuery,
    response: {
      status: 200,
      body: usageReservationPageResponse,
      csv: csvAnswer(reservationsCsv, (answer: UsageReservationPageResponse) => answer.items),
    },
  },
  async ({ query, identity, headers }) => {
    const { limit, cursor, ...search } = query;
    const page = listPage({ limit, cursor }, wantsCsv(headers.accept));
    return usagePageView(await usageReservations(usageDeps(), identity, search, page), usageReservationView);
  },
);
