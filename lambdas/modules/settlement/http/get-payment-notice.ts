import { noticeIdOfPath, paymentNoticePath, paymentNoticeResponse } from '../../../../contracts/http/settlement';
import { httpHandler } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { getNotice } from '../service';
import { paymentNoticeView } from '../views';

export const handler = httpHandler(
  rows.getPaymentNotice,
  { path: paymentNoticePath, response: { status: 200, body: paymentNoticeResponse } },
  async ({ path, identity }) => paymentNoticeView(await getNotice(settlementDeps(), identity, noticeIdOfPath(path.id))),
);
