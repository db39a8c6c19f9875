/**
 * ご利用開始1時間前のお知らせ (api.md "Notifications": reminder → the member, an hour before the start). It quotes the
 * space's booking-mail message as it is when the mail is sent (004 §2-1 ④: 利用開始1時間前のリマインドメール), for the
 * booker only.
 */
import type { BookingReminderMessage } from '../../../../contracts/events';
import { BOOKING_MAIL_MESSAGE_HEADING } from './booking-made';
import type { RenderedMail } from './mail';
import { closingLines, memberSubject, quoted, reservationLines } from './request-answer';

export const BOOKING_REMINDER_TITLE = 'ご利用開始1時間前のお知らせ';

/** The member's reminder of a confirmed booking, an hour before its start. */
export function bookingReminderMail(message: BookingReminderMessage, bookingMailMessage?: string | null): RenderedMail {
  return {
    subject: memberSubject(BOOKING_REMINDER_TITLE),
    text: [
      '会員様',
      '',
      'ご予約のご利用開始まで1時間となりました。ご予約の内容をお知らせします。',
      '',
      ...reservationLines(message),
      ...quoted(BOOKING_MAIL_MESSAGE_HEADING, bookingMailMessage),
      '',
      'ご利用開始時刻になりましたら、アプリからチェックインしてください。ご予約の内容は、アプリの「予約」からご確認いただけます。',
      ...closingLines(),
    ].join('\n'),
  };
}
