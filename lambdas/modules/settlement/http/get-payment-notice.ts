import {
  noticeIdOfPath,
  PAYMENT_NOTICE_FILE,
  paymentNoticeFileName,
  paymentNoticePath,
  paymentNoticeResponse,
} from '../../../../contracts/http/settlement';
import { httpHandler, wantsDocument } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { getNotice, noticeDocumentOf } from '../service';
import { paymentNoticeView } from '../views';

export const handler = httpHandler(
  rows.getPaymentNotice,
  { path: paymentNoticePath, response: { status: 200, body: paymentNoticeResponse, document: PAYMENT_NOTICE_FILE } },
  async ({ path, identity, headers }) => {
    const noticeId = noticeIdOfPath(path.id);
    if (!wantsDocument(headers.accept, PAYMENT_NOTICE_FILE)) {
      return paymentNoticeView(await getNotice(settlementDeps(), identity, noticeId));
    }
    const content = await noticeDocumentOf(settlementDeps(), identity, noticeId);
    const { renderPaymentNotice } = await import('../notice-pdf');
    return { bytes: await renderPaymentNotice(content), fileName: paymentNoticeFileName(content.notice.period) };
  },
);
