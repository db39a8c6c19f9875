import { describe, expect, it } from 'vitest';
import { paymentNoticeIssuedMail } from '../../../../lambdas/modules/notifications/templates/payment-notice-issued';

describe('the payment-notice-issued mail', () => {
  const mail = paymentNoticeIssuedMail(
    {
      kind: 'paymentNoticeIssued',
      noticeId: 'partner-tw:2026-12',
      partnerId: 'partner-tw',
      period: '2026-12',
      periodFrom: '2026-11-21',
      periodTo: '2026-12-20',
      net: 1234567,
      dueDate: '2027-02-26',
    },
    'TIMEWORK株式会社',
  );

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
