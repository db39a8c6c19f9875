import { salesCsv } from '../../../../../contracts/csv/sales.v1';
import { type SalesPageResponse, salesPageResponse, salesQuery } from '../../../../../contracts/http/sales';
import { csvAnswer, wantsCsv } from '../../../../platform/csv';
import { httpHandler } from '../../../../platform/http';
import { salesDeps } from '../deps';
import { rows } from '../routes';
import { allSalesLines, salesPage } from '../service';
import { salesLineViewWithNames } from '../views';

export const handler = httpHandler(
  rows.listSales,
  {
    query: salesQuery,
    response: {
      status: 200,
      body: salesPageResponse,
      csv: csvAnswer(salesCsv, (answer: SalesPageResponse) => answer.items),
    },
  },
  async ({ query, identity, headers }) => {
    if (wantsCsv(headers.accept)) {
      return { items: (await allSalesLines(salesDeps(), identity, query)).map(salesLineViewWithNames) };
    }
    const page = await salesPage(salesDeps(), identity, query);
    return {
      items: page.lines.map(salesLineViewWithNames),
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    };
  },
);
