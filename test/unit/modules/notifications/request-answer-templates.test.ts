/**
 * The member's mails about a booking request (approved, rejected, auto-cancelled): the subject, and the reservation as
 * the member sees it. The recipient (the member's address, read at send time) is test/service/notifications.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { bookedTime } from '../../../../lambdas/modules/notifications/templates/request-answer';
import { requestApprovedMail } from '../../../../lambdas/modules/notifications/templates/request-approved';
import { requestAutoCancelledMail } from '../../../../lambdas/modules/notifications/templates/request-auto-cancelled';
import { requestRejectedMail } from '../../../../lambdas/modules/notifications/templates/request-rejected';

const fields = {
  reservationId: 'res-1',
  reservationNumber: 'R-1234-5678-9012',
  memberId: 'member-1',
  facilityId: 'facility-1',
  spaceId: 'space-1',
  facilityName: 'TIMEWORK 渋谷',
  spaceName: '会議室A',
  start: '2026-11-27T10:00:00+09:00',
  end: '2026-11-27T11:30:00+09:00',
};

const quotesTheReservation = (text: string) => {
  expect(text).toContain('予約番号：R-1234-5678-9012');
  expect(text).toContain('施設：TIMEWORK 渋谷');
  expect(text).toContain('スペース：会議室A');
  expect(text).toContain('日時：2026年11月27日(金) 10:00〜11:30');
  expect(text.split('\n')[0]).toBe('会員様');
};

describe('the request-approved mail', () => {
  const mail = requestApprovedMail({ kind: 'requestApproved', ...fields });
  it('says so in its subject', () => {
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】予約リクエストが承認されました');
  });
  it('quotes the reservation and that it is confirmed', () => {
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('ご予約が確定しました');
    expect(mail.text).not.toContain('■施設からのご案内');
  });
  it('quotes the space’s booking-mail message when it has one (004 §2-3 ④: 予約確定メール)', () => {
    const quoting = requestApprovedMail({ kind: 'requestApproved', ...fields }, '  鍵は受付のキーボックスです。\n');
    expect(quoting.text).toContain('■施設からのご案内\n鍵は受付のキーボックスです。\n');
  });
});

describe('the request-rejected mail', () => {
  const mail = requestRejectedMail({ kind: 'requestRejected', ...fields });
  it('says so in its subject', () => {
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】予約リクエストをお断りさせていただきました');
  });
  it('quotes the reservation, that nothing was booked, and no reason when none was given', () => {
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('ご利用回数も消費されていません');
    expect(mail.text).not.toContain('施設からのメッセージ');
  });
  it('quotes the reason when one was given', () => {
    const withReason = requestRejectedMail({ kind: 'requestRejected', ...fields, reason: '設備点検のため' });
    expect(withReason.text).toContain('■施設からのメッセージ\n設備点検のため');
  });
});

describe('the request-auto-cancelled mail', () => {
  const mail = requestAutoCancelledMail({ kind: 'requestAutoCancelled', ...fields });
  it('says so in its subject', () => {
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】予約リクエストが自動キャンセルされました');
  });
  it('quotes the reservation and why it was cancelled', () => {
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('期限までに施設からの回答がなかったため');
  });
});

describe('the booked time', () => {
  it('names the end’s date when it is another day', () => {
    expect(bookedTime('2026-11-27T22:00:00+09:00', '2026-11-28T01:00:00+09:00')).toBe(
      '2026年11月27日(金) 22:00〜2026年11月28日(土) 01:00',
    );
  });
});
