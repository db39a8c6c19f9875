import { visitsCsv } from '../../../../../contracts/csv/visits.v1';
import {
  type UsageVisitPageResponse,
  usageVisitPageResponse,
  usageVisitsQuery,
} from '../../../../../contracts/http/usage';
import { csvAnswer, wantsCsv } from '../../../../platform/csv';
import { httpHandler } from '../../../../platform/http';
import { usageDeps } from '../deps';
import { listPage } from '../listing';
import { rows } from '../routes';
import { usageVisits } from '../service';
import { usagePageView, usageVisitView } from '../views';

export const handler = httpHandler(
  rows.listUsageVisits,
  {
    query: usageVisitsQuery,
    response: {
      status: 200,
      body: usageVisitPageResponse,
      csv: csvAnswer(visitsCsv, (answer: UsageVisitPageResponse) => answer.items),
    },
  },
  async ({ query, identity, headers }) => {
    const { limit, cursor, ...search } = query;
    const page = listPage({ limit, cursor }, wantsCsv(headers.accept));
    return usagePageView(await usageVisits(usageDeps(), identity, search, page), usageVisitView);
  },
);
