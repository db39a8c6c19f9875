import { paymentNoticeListResponse, paymentNoticesQuery } from '../../../../contracts/http/settlement';
import { httpHandler } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { decodeNoticeCursor, encodeNoticeCursor, listNotices, NOTICES_PER_PAGE } from '../service';
import { paymentNoticeView } from '../views';

export const handler = httpHandler(
  rows.listPaymentNotices,
  { query: paymentNoticesQuery, response: { status: 200, body: paymentNoticeListResponse } },
  async ({ query, identity }) => {
    const page = await listNotices(settlementDeps(), identity, {
      limit: query.limit ?? NOTICES_PER_PAGE,
      ...(query.cursor ? { after: decodeNoticeCursor(query.cursor) } : {}),
    });
    return {
      items: page.items.map(paymentNoticeView),
      ...(page.next ? { nextCursor: encodeNoticeCursor(page.next) } : {}),
    };
  },
);
