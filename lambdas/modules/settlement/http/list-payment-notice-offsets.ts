import { noticeOffsetsCsv } from '../../../../contracts/csv/notice-offsets.v1';
import {
  type NoticeOffsetsResponse,
  noticeIdOfPath,
  noticeOffsetsResponse,
  paymentNoticePath,
} from '../../../../contracts/http/settlement';
import { csvAnswer } from '../../../platform/csv';
import { httpHandler } from '../../../platform/http';
import { settlementDeps } from '../deps';
import { rows } from '../routes';
import { noticeOffsetsOf } from '../service';
import { noticeOffsetView } from '../views';

export const handler = httpHandler(
  rows.listPaymentNoticeOffsets,
  {
    path: paymentNoticePath,
    response: {
      status: 200,
      body: noticeOffsetsResponse,
      csv: csvAnswer(noticeOffsetsCsv, (answer: NoticeOffsetsResponse) => answer.items),
    },
  },
  async ({ path, identity }) => ({
    items: (await noticeOffsetsOf(settlementDeps(), identity, noticeIdOfPath(path.id))).map(noticeOffsetView),
  }),
);
