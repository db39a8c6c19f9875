/**
 * The member's reminder an hour before a confirmed booking's start, on the local stack's real parts: the booking starts
 * the reminder state machine (the local runner, on the local clock) → its task writes the outbox item → DynamoDB Local's
 * stream → the stream poller → the outbox consumer (the space's booking-mail message read at send time) → the local SES,
 * whose mailbox the test reads. One reminder at start − 1 h, none before; none for a booking cancelled before then, nor
 * for one made within the hour before its start (api.md "Reminders"). The members also get their booking's
 * confirmation (booking-mail.test.ts): only the reminders are counted here.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reminderDeps, reservationRepository } from '../../../lambdas/modules/booking/deps';
import { sendReminder } from '../../../lambdas/modules/booking/reminder';
import { at } from '../booking/fixtures';
import { memberToken, operatorToken } from '../support/local-stack';
import { mailStack } from './support';

const MADE = '2026-12-10T08:00:00+09:00';
/** An instant space of partner-tw (weekdays 09:00–21:00, capacity 4). */
const DESK = 'tw-shibuya-desk';
const DAY = '2026-12-15';
const SPACE_MESSAGE = '入館時は受付でアプリの予約画面をご提示ください。\n駐輪場はございません。';
const full = operatorToken('op-tw-full', 'partner-tw', 'full');
const REMINDER_SUBJECT = '【NIKKEI OFFICE PASS】ご利用開始1時間前のお知らせ';
const { stack, api, setClock, mailsTo } = mailStack(MADE);

/** The reminders to `to` once at least `count` are there (the member's booking mail goes to the same address). */
const remindersTo = (to: string, count: number, waitMs?: number) => mailsTo(to, count, waitMs, REMINDER_SUBJECT);

/** A member with its own address, who books the desk on DAY 10:00–11:00 at the stack's clock: instant, confirmed. */
async function book(day = DAY) {
  const memberId = `m-${randomUUID().slice(0, 12)}`;
  const email = `${memberId}@members.example.com`;
  const created = await api().post('/local/members', { memberId, plan: 'premium', contractStart: '2026-11-10', email });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const token = memberToken(memberId);
  const booked = await api().post(
    '/v1/reservations',
    { spaceId: DESK, start: at(day, '10:00'), end: at(day, '11:00') },
    token,
  );
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  expect(booked.body.status).toBe('confirmed');
  return { email, token, id: booked.body.id as string, number: booked.body.number as string };
}

describe('the member’s reminder an hour before the start', () => {
  it('one mail at start − 1 h quoting the space’s message as it is then; none when cancelled or booked within the hour', async () => {
    const ahead = await book();
    const cancelled = await book();
    const cancel = await api().post(`/v1/reservations/${cancelled.id}/cancel`, undefined, cancelled.token);
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);

    // the partner writes the space's booking-mail message after the booking: the reminder quotes it as it is at send time
    const space = await api().get(`/v1/operator/spaces/${DESK}`, full);
    expect(space.status, JSON.stringify(space.body)).toBe(200);
    const patched = await api().patch(`/v1/operator/spaces/${DESK}`, { bookingMailMessage: SPACE_MESSAGE }, full, {
      'if-match': String(space.etag),
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    await setClock(`${DAY}T08:59:00+09:00`);
    expect(await remindersTo(ahead.email, 1, 1_000)).toEqual([]);

    await setClock(`${DAY}T09:00:00+09:00`);
    const mails = await remindersTo(ahead.email, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.destination.to).toEqual([ahead.email]);
    expect(mails[0]?.body.text).toContain(`予約番号：${ahead.number}`);
    expect(mails[0]?.body.text).toContain('スペース：デスク席');
    expect(mails[0]?.body.text).toContain('日時：2026年12月15日(火) 10:00〜11:00');
    expect(mails[0]?.body.text).toContain(`■施設からのご案内\n${SPACE_MESSAGE}`);
    expect(await remindersTo(cancelled.email, 1, 1_000)).toEqual([]);

    // made 30 minutes before its start: no reminder (one started would run at once, its due time being past)
    await setClock(`${DAY}T09:30:00+09:00`);
    const late = await book();
    expect(await remindersTo(late.email, 1, 2_000)).toEqual([]);

    // nothing more for anyone as the clock moves on
    await setClock(`${DAY}T09:59:00+09:00`);
    expect(await remindersTo(ahead.email, 2, 2_000)).toHaveLength(1);
    expect(stack().streamPoller.deadLetters).toEqual([]);
  });

  it('the task run again (a retry) on DynamoDB Local finds its reminder written and writes nothing twice; the booking unchanged', async () => {
    const next = '2026-12-16';
    const booking = await book(next);
    const before = await reservationRepository().get(booking.id);
    const due = Date.parse(`${next}T09:00:00+09:00`);
    // the task as the state machine invokes it (in process, over the stack's table), twice
    await expect(sendReminder(reminderDeps(), booking.id, due)).resolves.toEqual({
      action: 'done',
      outcome: 'reminded',
    });
    await expect(sendReminder(reminderDeps(), booking.id, due + 5_000)).resolves.toEqual({
      action: 'done',
      outcome: 'reminded',
    });
    expect(await remindersTo(booking.email, 2, 2_000)).toHaveLength(1);
    // a check on the booking, not a change of it: its version stays
    expect(await reservationRepository().get(booking.id)).toEqual(before);
    // and its own timer, due now, writes nothing more
    await setClock(`${next}T09:00:00+09:00`);
    expect(await remindersTo(booking.email, 2, 2_000)).toHaveLength(1);
    expect(stack().streamPoller.deadLetters).toEqual([]);
  });
});
