/**
 * The member's reminder an hour before a booking's start: the subject, the reservation as the member sees it, and the
 * space's booking-mail message quoted (as read at send time: the consumer passes it, test/service/notifications.test.ts),
 * or no such section when the space has none.
 */
import { describe, expect, it } from 'vitest';
import type { BookingReminderMessage } from '../../../../contracts/events';
import { bookingReminderMail } from '../../../../lambdas/modules/notifications/templates/booking-reminder';

const message: BookingReminderMessage = {
  kind: 'bookingReminder',
  reservationId: 'res-1',
  reservationNumber: 'R-1234-5678-9012',
  memberId: 'member-1',
  facilityId: 'tw-shibuya',
  spaceId: 'tw-shibuya-desk',
  facilityName: 'TIMEWORK 渋谷',
  spaceName: 'デスク席',
  start: '2026-11-27T10:00:00+09:00',
  end: '2026-11-27T11:30:00+09:00',
};

describe('the booking reminder mail', () => {
  const mail = bookingReminderMail(message, '入館時は受付でアプリの予約画面をご提示ください。\n駐輪場はございません。');

  it('says so in its subject', () => {
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】ご利用開始1時間前のお知らせ');
  });

  it('is to the member, and quotes the reservation', () => {
    expect(mail.text.split('\n')[0]).toBe('会員様');
    expect(mail.text).toContain('ご利用開始まで1時間');
    expect(mail.text).toContain('予約番号：R-1234-5678-9012');
    expect(mail.text).toContain('施設：TIMEWORK 渋谷');
    expect(mail.text).toContain('スペース：デスク席');
    expect(mail.text).toContain('日時：2026年11月27日(金) 10:00〜11:30');
  });

  it('quotes the space’s booking-mail message as written, under its heading, after the reservation', () => {
    expect(mail.text).toContain(
      '■施設からのご案内\n入館時は受付でアプリの予約画面をご提示ください。\n駐輪場はございません。',
    );
    expect(mail.text.indexOf('■施設からのご案内')).toBeGreaterThan(mail.text.indexOf('日時：'));
  });

  it.each([
    ['none', null],
    ['absent', undefined],
    ['blank', '  \n '],
  ])('has no such section when the space’s message is %s', (_case, text) => {
    const without = bookingReminderMail(message, text);
    expect(without.text).not.toContain('■施設からのご案内');
    expect(without.text).toContain('予約番号：R-1234-5678-9012');
  });
});
