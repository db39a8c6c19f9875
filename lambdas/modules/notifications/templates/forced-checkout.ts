/**
 * A stay closed by the forced checkout (api.md "Notifications": forced checkout → the member, at once; domain-rules
 * §5: 5 minutes after the booked end, a member still checked in is checked out and the door no longer opens).
 */
import type { ForcedCheckoutMessage } from '../../../../contracts/events';
import type { RenderedMail } from './mail';
import { closingLines, localParts, memberSubject, reservationLines } from './request-answer';

export const FORCED_CHECKOUT_TITLE = 'チェックアウト処理のお知らせ';

/** The member's mail of a forced checkout. */
export function forcedCheckoutMail(message: ForcedCheckoutMessage): RenderedMail {
  return {
    subject: memberSubject(FORCED_CHECKOUT_TITLE),
    text: [
      '会員様',
      '',
      'ご予約の終了時刻を過ぎてもチェックアウトが行われなかったため、',
      `${localParts(message.closedAt).time}にチェックアウト処理を行いました。以後、このご予約で入室することはできません。`,
      '',
      ...reservationLines(message),
      '',
      'お忘れ物などがございましたら、施設までお問い合わせください。次回のご利用の際は、アプリからチェックアウトをお願いいたします。',
      ...closingLines(),
    ].join('\n'),
  };
}
