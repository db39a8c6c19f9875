/**
 * 「【TIMEWORK】スペースご予約延長のお知らせ」 (004 p.21; api.md "Notifications": extension → the facility's notification
 * addresses, at once): the booking, its end before and after, and who booked by member number and company.
 */
import type { ReservationExtendedMessage } from '../../../../contracts/events';
import type { RenderedMail } from './mail';
import { bookerLines, facilityClosingLines, facilitySubject, localParts, reservationLines } from './request-answer';

export const RESERVATION_EXTENDED_TITLE = 'スペースご予約延長のお知らせ';

/** The facility's mail of an extension. */
export function reservationExtendedMail(message: ReservationExtendedMessage): RenderedMail {
  return {
    subject: facilitySubject(RESERVATION_EXTENDED_TITLE),
    text: [
      `${message.facilityName} ご担当者様`,
      '',
      // the member's extension in the app, or one agreed on site and recorded by the service's staff (004 p.22)
      '下記のご予約の終了時刻が延長されました。',
      '',
      ...reservationLines(message),
      `延長前の終了時刻：${localParts(message.previousEnd).time}`,
      `延長後の終了時刻：${localParts(message.end).time}`,
      ...bookerLines(message),
      ...facilityClosingLines(),
    ].join('\n'),
  };
}
