/**
 * A booking made or requested (api.md "Notifications": to the member and to the facility's notification addresses, at
 * once). The member's mail quotes the facility's description (004 §2-1 ④: 予約受付通知メール) and, once the booking is
 * confirmed, the space's booking-mail message (§2-3 ④: 予約確定メール); a request's mail says that the facility will
 * answer. The facility's mail shows who booked by member number and company only, and for a request when it is
 * cancelled unless answered.
 */
import type { BookingMadeMessage } from '../../../../contracts/events';
import type { RenderedMail } from './mail';
import {
  bookerLines,
  closingLines,
  facilityClosingLines,
  facilitySubject,
  localParts,
  memberSubject,
  PARTNER_SITE,
  quoted,
  reservationLines,
} from './request-answer';

/** What the member's mail quotes, as the facility and the space have it when the mail is sent. */
export interface QuotedTexts {
  /** The facility's description (004 §2-1 ④). */
  facilityDescription?: string | null;
  /** The space's booking-mail message (004 §2-3 ④), for the booker only. */
  bookingMailMessage?: string | null;
}

export const BOOKING_CONFIRMED_TITLE = 'ご予約が確定しました';
export const BOOKING_REQUESTED_TITLE = '予約リクエストを受け付けました';
export const FACILITY_BOOKING_TITLE = 'スペースご予約のお知らせ';
export const FACILITY_REQUEST_TITLE = 'スペースご予約リクエストのお知らせ';

/** The heading of the space's booking-mail message, in every mail that quotes it. */
export const BOOKING_MAIL_MESSAGE_HEADING = '■施設からのご案内';
/** The heading of the facility's description. */
export const FACILITY_DESCRIPTION_HEADING = '■施設について';

/** `2026年12月12日(土) 01:00`: one instant as written in the facility's zone. */
const localDateTime = (zonedIso: string): string => {
  const { date, time } = localParts(zonedIso);
  return `${date} ${time}`;
};

/** The member's mail: confirmed (an instant space) or received (a request, answered by the facility). */
export function memberBookingMadeMail(message: BookingMadeMessage, texts: QuotedTexts): RenderedMail {
  const confirmed = message.status === 'confirmed';
  return {
    subject: memberSubject(confirmed ? BOOKING_CONFIRMED_TITLE : BOOKING_REQUESTED_TITLE),
    text: [
      '会員様',
      '',
      ...(confirmed
        ? ['ご予約ありがとうございます。下記の内容でご予約が確定しました。']
        : [
            '予約リクエストを受け付けました。ご予約はまだ確定していません。',
            '施設からの回答をお待ちください。承認またはお断りの結果をメールでお知らせします。',
            ...(message.requestExpiresAt
              ? [
                  `${localDateTime(message.requestExpiresAt)}までに回答がない場合、リクエストは自動でキャンセルされます。`,
                ]
              : []),
          ]),
      '',
      ...reservationLines(message),
      ...(confirmed ? quoted(BOOKING_MAIL_MESSAGE_HEADING, texts.bookingMailMessage) : []),
      ...quoted(FACILITY_DESCRIPTION_HEADING, texts.facilityDescription),
      '',
      confirmed
        ? 'ご予約の内容は、アプリの「予約」からご確認いただけます。ご利用開始時刻になりましたらチェックインしてください。'
        : 'リクエストの状況は、アプリの「予約」からご確認いただけます。',
      ...closingLines(),
    ].join('\n'),
  };
}

/** The facility's mail: a booking made, or a request to answer (with the moment it is cancelled unless answered). */
export function facilityBookingMadeMail(message: BookingMadeMessage): RenderedMail {
  const confirmed = message.status === 'confirmed';
  return {
    subject: facilitySubject(confirmed ? FACILITY_BOOKING_TITLE : FACILITY_REQUEST_TITLE),
    text: [
      `${message.facilityName} ご担当者様`,
      '',
      confirmed ? '下記のスペースにご予約が入りました。' : '下記のスペースに予約リクエストが届きました。',
      '',
      ...reservationLines(message),
      ...bookerLines(message),
      ...(confirmed
        ? []
        : [
            '',
            `${PARTNER_SITE}の「利用状況」→「仮予約状況」から、予約可否をご回答ください。`,
            ...(message.requestExpiresAt
              ? [
                  `回答期限：${localDateTime(message.requestExpiresAt)}`,
                  '期限までにご回答がない場合、予約リクエストは自動でキャンセルされます。',
                ]
              : []),
          ]),
      ...facilityClosingLines(),
    ].join('\n'),
  };
}
