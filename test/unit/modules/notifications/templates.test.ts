import { describe, expect, it } from 'vitest';
import { paymentNoticeIssuedMail } from '../../../../lambdas/modules/notifications/templates/payment-notice-issued';
import { MAIL_EXAMPLES } from '../../../../lib/mail-examples';

describe('the payment-notice-issued mail', () => {
  // the rendered example's notice (docs/notifications.md): TIMEWORK's for 2026-12, net ¥1,234,567
  const example = MAIL_EXAMPLES.find((e) => e.message.kind === 'paymentNoticeIssued')?.message;
  if (example?.kind !== 'paymentNoticeIssued') throw new Error('no example of a payment notice');
  const mail = paymentNoticeIssuedMail(example, 'TIMEWORK株式会社');

  it('names the period in its subject', () => {
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】支払通知書発行のお知らせ（2026年12月分）');
  });

  it('quotes the partner, the period, the net amount, the due date and where to read the notice', () => {
    expect(mail.text.split('\n')[0]).toBe('TIMEWORK株式会社 御中');
    expect(mail.text).toContain('対象期間：2026年11月21日〜2026年12月20日');
    expect(mail.text).toContain('お支払金額：¥1,234,567');
    expect(mail.text).toContain('お支払予定日：2027年2月26日');
    expect(mail.text).toContain('通知書番号：partner-tw:2026-12');
    expect(mail.text).toContain('TIMEWORK加盟店管理サイトの「支払通知書管理」');
  });
});
