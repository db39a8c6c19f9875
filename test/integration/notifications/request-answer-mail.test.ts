/**
 * The member's mails of the answers to a booking request on the local stack's real parts: the approval, the rejection
 * and the 01:00 automatic cancellation each write their outbox item in their own transaction → DynamoDB Local's stream
 * → the stream poller → the outbox consumer (the member's address from the local member record) → the local SES, whose
 * mailbox the test reads. Exactly one mail each; a repeated answer (409) writes no second one.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { at } from '../booking/fixtures';
import { memberToken, operatorToken } from '../support/local-stack';
import { mailStack } from './support';

const MADE = '2026-12-10T14:24:00+09:00';
const full = operatorToken('op-tw-full', 'partner-tw', 'full');
const { stack, api, setClock, mailsTo } = mailStack(MADE);

/** A member with its own address who requests `tw-shibuya-room-a` (a request space) on `date` 10:00–11:00. */
async function request(date: string) {
  const memberId = `m-${randomUUID().slice(0, 12)}`;
  const email = `${memberId}@members.example.com`;
  const created = await api().post('/local/members', { memberId, plan: 'premium', contractStart: '2026-11-10', email });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await setClock(MADE);
  const token = memberToken(memberId);
  const booked = await api().post(
    '/v1/reservations',
    { spaceId: 'tw-shibuya-room-a', start: at(date, '10:00'), end: at(date, '11:00') },
    token,
  );
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  expect(booked.body.status).toBe('requested');
  // the request's own mail (booking-mail.test.ts's) comes first
  expect((await mailsTo(email, 1)).map((m) => m.subject)).toEqual([
    '【NIKKEI OFFICE PASS】予約リクエストを受け付けました',
  ]);
  return { email, id: booked.body.id as string, number: booked.body.number as string };
}

/** The member's mails of the answer, once at least `count` are there: all but the request's own. */
const answersTo = async (email: string, count: number, waitMs?: number) =>
  (await mailsTo(email, count + 1, waitMs)).slice(1);

describe('the member’s mails of the answers to a booking request', () => {
  it('approved: one mail to the member; a repeated approve (409) sends no second one', async () => {
    const { email, id, number } = await request('2026-12-15');
    const approved = await api().post(`/v1/operator/booking-requests/${id}/approve`, undefined, full);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const [mail] = await answersTo(email, 1);
    expect(mail?.destination.to).toEqual([email]);
    expect(mail?.subject).toContain('予約リクエストが承認されました');
    expect(mail?.body.text).toContain(`予約番号：${number}`);
    expect(mail?.body.text).toContain('施設：TIMEWORK渋谷');
    expect(mail?.body.text).toContain('スペース：会議室A');
    expect(mail?.body.text).toContain('日時：2026年12月15日(火) 10:00〜11:00');
    const again = await api().post(`/v1/operator/booking-requests/${id}/approve`, undefined, full);
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    // a second mail would have come within these two seconds (the poller reads every 100 ms)
    expect(await answersTo(email, 2, 2_000)).toHaveLength(1);
  });

  it('rejected: one mail to the member', async () => {
    const { email, id, number } = await request('2026-12-16');
    const rejected = await api().post(
      `/v1/operator/booking-requests/${id}/reject`,
      { reason: '当日は設備点検のため、ご利用いただけません。' },
      full,
    );
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const mails = await answersTo(email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('お断り');
    expect(mails[0]?.body.text).toContain('■施設からのメッセージ\n当日は設備点検のため、ご利用いただけません。');
    expect(mails[0]?.body.text).toContain(`予約番号：${number}`);
    const again = await api().post(`/v1/operator/booking-requests/${id}/reject`, undefined, full);
    expect(again.status).toBe(409);
    expect(await answersTo(email, 2, 2_000)).toHaveLength(1);
  });

  it('auto-cancelled at 01:00 on the second day: one mail to the member', async () => {
    const { email, number } = await request('2026-12-17');
    await setClock('2026-12-12T00:59:00+09:00');
    expect(await answersTo(email, 1, 1_000)).toEqual([]);
    await setClock('2026-12-12T01:00:00+09:00');
    const mails = await answersTo(email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('自動キャンセル');
    expect(mails[0]?.body.text).toContain(`予約番号：${number}`);
    expect(mails[0]?.body.text).toContain('日時：2026年12月17日(木) 10:00〜11:00');
    expect(stack().streamPoller.deadLetters).toEqual([]);
  });
});
