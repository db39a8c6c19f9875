/**
 * The mails of a booking made or requested (to the member and to the facility), of an extension (to the facility) and
 * of a forced checkout (to the member): subjects, the quoted texts of the facility and the space where the partner
 * manual says (004 §2-1 ④, §2-3 ④, p.21), and what a facility's mail shows of the booker (member number and company,
 * never the member's id). Recipients are test/service/notifications.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import type { BookingMadeMessage } from '../../../../contracts/events';
import {
  facilityBookingMadeMail,
  memberBookingMadeMail,
} from '../../../../lambdas/modules/notifications/templates/booking-made';
import { forcedCheckoutMail } from '../../../../lambdas/modules/notifications/templates/forced-checkout';
import { reservationExtendedMail } from '../../../../lambdas/modules/notifications/templates/reservation-extended';

const fields = {
  reservationId: 'res-1',
  reservationNumber: 'R-1234-5678-9012',
  memberId: 'member-secret-id',
  facilityId: 'facility-1',
  spaceId: 'space-1',
  facilityName: 'TIMEWORK 渋谷',
  spaceName: 'ブース1',
  start: '2026-11-27T10:00:00+09:00',
  end: '2026-11-27T11:30:00+09:00',
};
const booker = { memberNumber: '00012345', companyName: '株式会社サンプル' };
const confirmed: BookingMadeMessage = {
  kind: 'bookingMade',
  status: 'confirmed',
  ...fields,
  ...booker,
  requestExpiresAt: null,
};
const requested: BookingMadeMessage = {
  ...confirmed,
  status: 'requested',
  requestExpiresAt: '2026-11-27T01:00:00+09:00',
};
const texts = {
  facilityDescription: '渋谷駅から徒歩3分。',
  bookingMailMessage: '暗証番号は当日アプリに表示されます。',
};

const quotesTheReservation = (text: string) => {
  expect(text).toContain('予約番号：R-1234-5678-9012');
  expect(text).toContain('施設：TIMEWORK 渋谷');
  expect(text).toContain('スペース：ブース1');
  expect(text).toContain('日時：2026年11月27日(金) 10:00〜11:30');
};

describe('the member’s mail of a booking made', () => {
  it('an instant booking: confirmed, quoting the space’s booking-mail message and the facility’s description', () => {
    const mail = memberBookingMadeMail(confirmed, texts);
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】ご予約が確定しました');
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('■施設からのご案内\n暗証番号は当日アプリに表示されます。');
    expect(mail.text).toContain('■施設について\n渋谷駅から徒歩3分。');
    expect(mail.text.split('\n')[0]).toBe('会員様');
  });

  it('a request: received, not confirmed, with when it is cancelled unless answered; no booking-mail message yet', () => {
    const mail = memberBookingMadeMail(requested, texts);
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】予約リクエストを受け付けました');
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('ご予約はまだ確定していません');
    expect(mail.text).toContain('2026年11月27日(金) 01:00までに回答がない場合');
    // the booking-mail message belongs to the confirmation (the approval's mail); the description to the receipt
    expect(mail.text).not.toContain('暗証番号');
    expect(mail.text).toContain('■施設について\n渋谷駅から徒歩3分。');
  });

  it('leaves out the sections the facility and the space have no text for', () => {
    const mail = memberBookingMadeMail(confirmed, { facilityDescription: null, bookingMailMessage: '  ' });
    expect(mail.text).not.toContain('■施設について');
    expect(mail.text).not.toContain('■施設からのご案内');
  });
});

describe('the facility’s mail of a booking made', () => {
  it('an instant booking: the reservation and the booker by member number and company, never the member id', () => {
    const mail = facilityBookingMadeMail(confirmed);
    expect(mail.subject).toBe('【TIMEWORK】スペースご予約のお知らせ');
    expect(mail.text.split('\n')[0]).toBe('TIMEWORK 渋谷 ご担当者様');
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('会員番号：00012345');
    expect(mail.text).toContain('契約企業：株式会社サンプル');
    expect(mail.text).not.toContain('member-secret-id');
    expect(mail.text).not.toContain('回答期限');
    // the texts written for bookers are not sent back to the facility
    expect(mail.text).not.toContain('■施設からのご案内');
  });

  it('a request: to answer on the partner site before its deadline', () => {
    const mail = facilityBookingMadeMail({ ...requested, companyName: null });
    expect(mail.subject).toBe('【TIMEWORK】スペースご予約リクエストのお知らせ');
    expect(mail.text).toContain('「利用状況」→「仮予約状況」から、予約可否をご回答ください');
    expect(mail.text).toContain('回答期限：2026年11月27日(金) 01:00');
    expect(mail.text).toContain('契約企業：（個人会員）');
  });
});

describe('the facility’s mail of an extension (004 p.21)', () => {
  const mail = reservationExtendedMail({
    kind: 'reservationExtended',
    ...fields,
    end: '2026-11-27T12:15:00+09:00',
    ...booker,
    previousEnd: '2026-11-27T11:30:00+09:00',
    version: 3,
  });
  it('is the manual’s subject', () => {
    expect(mail.subject).toBe('【TIMEWORK】スペースご予約延長のお知らせ');
  });
  it('shows the end before and after, and the booker without the member id', () => {
    expect(mail.text).toContain('下記のご予約の終了時刻が延長されました。');
    expect(mail.text).toContain('日時：2026年11月27日(金) 10:00〜12:15');
    expect(mail.text).toContain('延長前の終了時刻：11:30');
    expect(mail.text).toContain('延長後の終了時刻：12:15');
    expect(mail.text).toContain('会員番号：00012345');
    expect(mail.text).not.toContain('member-secret-id');
  });
});

describe('the member’s mail of a forced checkout', () => {
  const mail = forcedCheckoutMail({ kind: 'forcedCheckout', ...fields, closedAt: '2026-11-27T11:35:00+09:00' });
  it('says so in its subject', () => {
    expect(mail.subject).toBe('【NIKKEI OFFICE PASS】チェックアウト処理のお知らせ');
  });
  it('quotes the reservation and when the stay was closed', () => {
    quotesTheReservation(mail.text);
    expect(mail.text).toContain('11:35にチェックアウト処理を行いました');
  });
});
