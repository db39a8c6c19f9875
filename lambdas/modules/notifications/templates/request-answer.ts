/**
 * What the mails about a reservation share (api.md "Notifications": booking made or requested, request approved /
 * rejected / auto-cancelled, reminder, extension, forced checkout): the reservation as its reader sees it, the quoted
 * texts of the facility and the space, the subjects and the closing lines.
 */
import type { ReservationMessage } from '../../../../contracts/events';
import { SERVICE_NAME } from '../../../domain/model';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** `2024-06-14T10:00:00+09:00` → its local date (`2024年6月14日(金)`) and time (`10:00`), as written in the zone. */
export function localParts(zonedIso: string): { date: string; time: string } {
  const year = Number(zonedIso.slice(0, 4));
  const month = Number(zonedIso.slice(5, 7));
  const day = Number(zonedIso.slice(8, 10));
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return { date: `${year}年${month}月${day}日(${weekday})`, time: zonedIso.slice(11, 16) };
}

/** The booked time as the member sees it: `2024年6月14日(金) 10:00〜11:00` (the end's date when it is another day). */
export function bookedTime(start: string, end: string): string {
  const from = localParts(start);
  const to = localParts(end);
  return `${from.date} ${from.time}〜${to.date === from.date ? '' : `${to.date} `}${to.time}`;
}

/** The reservation's lines of a mail. */
export function reservationLines(
  message: Pick<ReservationMessage, 'reservationNumber' | 'facilityName' | 'spaceName' | 'start' | 'end'>,
): string[] {
  return [
    '■ご予約内容',
    `予約番号：${message.reservationNumber}`,
    `施設：${message.facilityName}`,
    `スペース：${message.spaceName}`,
    `日時：${bookedTime(message.start, message.end)}`,
  ];
}

/** The subject of a member's mail: `【NIKKEI OFFICE PASS】…`. */
export const memberSubject = (title: string): string => `【${SERVICE_NAME}】${title}`;

/**
 * The name partners know the service by (their console, TIMEWORK): a facility's mails are headed with it, as the
 * partner manual names them (004 p.21: 「【TIMEWORK】スペースご予約延長のお知らせ」).
 */
export const PARTNER_SERVICE_NAME = 'TIMEWORK';

/** Where partners read and answer bookings (004 p.3, §3-3). */
export const PARTNER_SITE = `${PARTNER_SERVICE_NAME}加盟店管理サイト`;

/** The subject of a facility's mail: `【TIMEWORK】…`. */
export const facilitySubject = (title: string): string => `【${PARTNER_SERVICE_NAME}】${title}`;

/**
 * A text the facility or the space wrote for its bookers (the facility's description, the space's booking-mail
 * message), quoted under `heading` as written; nothing when there is none.
 */
export function quoted(heading: string, text: string | null | undefined): string[] {
  const trimmed = text?.trim();
  return trimmed ? ['', heading, trimmed] : [];
}

/** Who booked, as a facility's mail shows it: the member number and the company, never the member's name or id. */
export function bookerLines(message: { memberNumber: string; companyName: string | null }): string[] {
  return [`会員番号：${message.memberNumber}`, `契約企業：${message.companyName ?? '（個人会員）'}`];
}

/** The lines every facility's mail ends with. */
export const facilityClosingLines = (): string[] => [
  '',
  `ご予約の詳細は、${PARTNER_SITE}の「利用状況」からご確認いただけます。`,
  '',
  '※本メールは送信専用のアドレスからお送りしています。',
];

/** The lines every member's mail ends with. */
export const closingLines = (): string[] => [
  '',
  `今後とも${SERVICE_NAME}をよろしくお願いいたします。`,
  '',
  '※本メールは送信専用のアドレスからお送りしています。',
];
