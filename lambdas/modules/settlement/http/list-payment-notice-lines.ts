import { noticeLinesCsv } from '../../../../contracts/csv/notice-lines.v1';
import {
  type NoticeLinesResponse,
  noticeIdOfPath,
  noticeLinesQuery,
  noticeLinesResponse,
  paymentNoticePath,
} from '../../../../contracts/http/settlement';
import { csvAnswer, wantsCsv } from '../../../platform/csv';
import { httpHandler } from '../../../platform/http';
import { salesLineView } from '../../ledger';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { noticeLines } from '../service';

export const handler = httpHandler(
  rows.listPaymentNoticeLines,
  {
    path: paymentNoticePath,
    query: noticeLinesQuery,
    response: {
      status: 200,
      body: noticeLinesResponse,
      csv: csvAnswer(noticeLinesCsv, (answer: NoticeLinesResponse) => answer.items),
    },
  },
  async ({ path, query, identity, headers }) => {
    const page = await noticeLines(settlementDeps(), identity, noticeIdOfPath(path.id), {
      limit: query.limit,
      cursor: query.cursor,
      csv: wantsCsv(headers.accept),
    });
    return {
      items: page.lines.map(({ record, line }) => salesLineView(record, line)),
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    };
  },
);
