/**
 * 支払通知書発行のお知らせ (api.md "Notifications": payment notice issued → the partner's payment-notice addresses; 004
 * §1-1 ②): the period, the amount paid (net), the due date, and where the partner reads the notice (§3-5).
 */
import type { PaymentNoticeIssuedMessage } from '../../../../contracts/events';
import { SERVICE_NAME } from '../../../domain/model';
import { japaneseDate, yen } from '../../settlement';
import type { RenderedMail } from './mail';
import { PARTNER_SITE } from './request-answer';

/** The mail of an issued payment notice, addressed to the partner by name. */
export function paymentNoticeIssuedMail(message: PaymentNoticeIssuedMessage, partnerName: string): RenderedMail {
  const [year, month] = message.period.split('-').map(Number);
  const periodTitle = `${year}年${month}月分`;
  return {
    subject: `【${SERVICE_NAME}】支払通知書発行のお知らせ（${periodTitle}）`,
    text: [
      `${partnerName} 御中`,
      '',
      `いつも${SERVICE_NAME}をご利用いただき、ありがとうございます。`,
      `${periodTitle}の支払通知書を発行いたしました。`,
      '',
      `対象期間：${japaneseDate(message.periodFrom)}〜${japaneseDate(message.periodTo)}`,
      `お支払金額：${yen(message.net)}`,
      `お支払予定日：${japaneseDate(message.dueDate)}`,
      `通知書番号：${message.noticeId}`,
      '',
      `明細（ご利用明細・相殺金）と PDF は、${PARTNER_SITE}の「支払通知書管理」からご確認いただけます。`,
      '',
      '※本メールは送信専用のアドレスからお送りしています。',
    ].join('\n'),
  };
}
