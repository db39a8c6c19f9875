import { salesSummaryQuery, salesSummaryResponse } from '../../../../../contracts/http/sales';
import { httpHandler } from '../../../../platform/http';
import { salesDeps } from '../deps';
import { rows } from '../routes';
import { salesSummary } from '../service';
import { salesTotalView } from '../views';

export const handler = httpHandler(
  rows.getSalesSummary,
  { query: salesSummaryQuery, response: { status: 200, body: salesSummaryResponse } },
  async ({ query, identity }) => ({
    items: (await salesSummary(salesDeps(), identity, query)).map(salesTotalView),
  }),
);
