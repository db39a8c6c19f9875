/**
 * What the member's mails about a booking request share (api.md "Notifications": request approved / rejected /
 * auto-cancelled → the member): the reservation as the member sees it, and the closing lines.
 */
import type { RequestAnswerMessage } from '../../../../contracts/events';
import { SERVICE_NAME } from '../../../domain/model';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** `2024-06-14T10:00:00+09:00` → its local date (`2024年6月14日(金)`) and time (`10:00`), as written in the zone. */
function localParts(zonedIso: string): { date: string; time: string } {
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
export function reservationLines(message: RequestAnswerMessage): string[] {
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

/** The lines every member's mail ends with. */
export const closingLines = (): string[] => [
  '',
  `今後とも${SERVICE_NAME}をよろしくお願いいたします。`,
  '',
  '※本メールは送信専用のアドレスからお送りしています。',
];
