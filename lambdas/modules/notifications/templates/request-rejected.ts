/** 予約リクエストお断りのお知らせ (api.md "Notifications": request rejected → the member). */
import type { RequestRejectedMessage } from '../../../../contracts/events';
import type { RenderedMail } from './mail';
import { closingLines, memberSubject, reservationLines } from './request-answer';

export const REQUEST_REJECTED_TITLE = '予約リクエストをお断りさせていただきました';

/** The member's mail of a rejected request: nothing was booked and no use was counted; the reason when given. */
export function requestRejectedMail(message: RequestRejectedMessage): RenderedMail {
  return {
    subject: memberSubject(REQUEST_REJECTED_TITLE),
    text: [
      '会員様',
      '',
      '誠に申し訳ございませんが、施設の都合により、下記の予約リクエストをお断りさせていただきました。',
      'ご予約は成立しておらず、ご利用回数も消費されていません。',
      '',
      ...reservationLines(message),
      ...(message.reason ? ['', '■施設からのメッセージ', message.reason] : []),
      '',
      'お手数ですが、別の日時やスペースでのご予約をご検討ください。',
      ...closingLines(),
    ].join('\n'),
  };
}
