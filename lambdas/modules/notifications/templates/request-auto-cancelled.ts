/** 予約リクエスト自動キャンセルのお知らせ (api.md "Notifications": request auto-cancelled → the member). */
import type { RequestAutoCancelledMessage } from '../../../../contracts/events';
import type { RenderedMail } from './mail';
import { closingLines, memberSubject, reservationLines } from './request-answer';

export const REQUEST_AUTO_CANCELLED_TITLE = '予約リクエストが自動キャンセルされました';

/** The member's mail of a request the facility did not answer in time (cancelled at 01:00 or its start). */
export function requestAutoCancelledMail(message: RequestAutoCancelledMessage): RenderedMail {
  return {
    subject: memberSubject(REQUEST_AUTO_CANCELLED_TITLE),
    text: [
      '会員様',
      '',
      '下記の予約リクエストは、期限までに施設からの回答がなかったため、自動キャンセルとなりました。',
      'ご予約は成立しておらず、ご利用回数も消費されていません。',
      '',
      ...reservationLines(message),
      '',
      'お手数ですが、別の日時やスペースでのご予約をご検討ください。',
      ...closingLines(),
    ].join('\n'),
  };
}
