import {
  adminPaymentNoticePath,
  noticeIdOfPath,
  noticePaidBody,
  paymentNoticeResponse,
} from '../../../../contracts/http/settlement';
import { httpHandler } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { markNoticePaid } from '../service';
import { paymentNoticeView } from '../views';

export const handler = httpHandler(
  rows.markPaymentNoticePaid,
  { path: adminPaymentNoticePath, body: noticePaidBody, response: { status: 200, body: paymentNoticeResponse } },
  async ({ path, body, identity, now }) =>
    paymentNoticeView(await markNoticePaid(settlementDeps(), identity, noticeIdOfPath(path.noticeId), body, now)),
);
