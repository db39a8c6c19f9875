import { guestsCsv } from '../../../../../contracts/csv/guests.v1';
import {
  type UsageGuestPageResponse,
  usageGuestPageResponse,
  usageGuestsQuery,
} from '../../../../../contracts/http/usage';
import { csvAnswer, wantsCsv } from '../../../../platform/csv';
import { httpHandler } from '../../../../platform/http';
import { usageDeps } from '../deps';
import { listPage } from '../listing';
import { rows } from '../routes';
import { usageGuests } from '../service';
import { usageGuestView, usagePageView } from '../views';

export const handler = httpHandler(
  rows.listUsageGuests,
  {
    query: usageGuestsQuery,
    response: {
      status: 200,
      body: usageGuestPageResponse,
      csv: csvAnswer(guestsCsv, (answer: UsageGuestPageResponse) => answer.items),
    },
  },
  async ({ query, identity, headers }) => {
    const { limit, cursor, ...search } = query;
    const page = listPage({ limit, cursor }, wantsCsv(headers.accept));
    return usagePageView(await usageGuests(usageDeps(), identity, search, page), usageGuestView);
  },
);
