/** 予約リクエスト承認のお知らせ (api.md "Notifications": request approved → the member). */
import type { RequestApprovedMessage } from '../../../../contracts/events';
import { BOOKING_MAIL_MESSAGE_HEADING } from './booking-made';
import type { RenderedMail } from './mail';
import { closingLines, memberSubject, quoted, reservationLines } from './request-answer';

export const REQUEST_APPROVED_TITLE = '予約リクエストが承認されました';

/**
 * The member's mail of an approved request: the booking is confirmed (the request space's 予約確定メール, quoting the
 * space's booking-mail message as it is when the mail is sent, 004 §2-3 ④).
 */
export function requestApprovedMail(message: RequestApprovedMessage, bookingMailMessage?: string | null): RenderedMail {
  return {
    subject: memberSubject(REQUEST_APPROVED_TITLE),
    text: [
      '会員様',
      '',
      '施設より予約リクエストが承認され、ご予約が確定しました。',
      '',
      ...reservationLines(message),
      ...quoted(BOOKING_MAIL_MESSAGE_HEADING, bookingMailMessage),
      '',
      'ご予約の内容は、アプリの「予約」からご確認いただけます。ご利用開始時刻になりましたらチェックインしてください。',
      ...closingLines(),
    ].join('\n'),
  };
}
