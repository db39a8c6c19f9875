/** 予約リクエスト承認のお知らせ (api.md "Notifications": request approved → the member). */
import type { RequestApprovedMessage } from '../../../../contracts/events';
import type { RenderedMail } from './mail';
import { closingLines, memberSubject, reservationLines } from './request-answer';

export const REQUEST_APPROVED_TITLE = '予約リクエストが承認されました';

/** The member's mail of an approved request: the booking is confirmed. */
export function requestApprovedMail(message: RequestApprovedMessage): RenderedMail {
  return {
    subject: memberSubject(REQUEST_APPROVED_TITLE),
    text: [
      '会員様',
      '',
      '施設より予約リクエストが承認され、ご予約が確定しました。',
      '',
      ...reservationLines(message),
      '',
      'ご予約の内容は、アプリの「予約」からご確認いただけます。ご利用開始時刻になりましたらチェックインしてください。',
      ...closingLines(),
    ].join('\n'),
  };
}
