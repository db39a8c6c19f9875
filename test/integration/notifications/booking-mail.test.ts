/**
 * The mails of a booking on the local stack's real parts (its transaction's outbox item → DynamoDB Local's stream →
 * the poller → the consumer → the local SES): a booking made or requested → the member and the facility's
 * notification addresses; an extension → the facility (004 p.21); a forced checkout → the member. The facility's
 * description and the space's booking-mail message are quoted as the partner edited them (read at send time), and a
 * facility's mail shows the member number, never the member id.
 */
import { describe, expect, it } from 'vitest';
import { at, newMember } from '../booking/fixtures';
import { operatorToken } from '../support/local-stack';
import { mailStack } from './support';

const MADE = '2026-12-10T09:00:00+09:00';
const DAY = '2026-12-11';
const FACILITY_MAIL = 'ops@tw-shibuya.example';
const full = operatorToken('op-tw-full', 'partner-tw', 'full');
const { stack, api, setClock, mailsTo } = mailStack(MADE);

const DESCRIPTION = '渋谷駅から徒歩3分。受付は無人です。';
const BOOKING_MESSAGE = 'デスク席はフリーアドレスです。空いている席をご利用ください。';

/** Edits with the resource's current ETag (api.md: PATCH needs If-Match). */
async function patch(path: string, body: Record<string, unknown>) {
  const current = await api().get(path, full);
  expect(current.status, JSON.stringify(current.body)).toBe(200);
  const edited = await api().patch(path, body, full, { 'if-match': String(current.etag) });
  expect(edited.status, JSON.stringify(edited.body)).toBe(200);
}

/** The mails to the facility that name `number`. */
const facilityMailsOf = async (number: string, count: number, waitMs?: number) =>
  (await mailsTo(FACILITY_MAIL, count, waitMs)).filter((m) => m.body.text?.includes(number));

describe('the mails of a booking', () => {
  it('an instant booking: the member’s confirmation quotes the texts as edited; the facility is told who by number', async () => {
    await patch('/v1/operator/facilities/tw-shibuya', { description: DESCRIPTION });
    await patch('/v1/operator/spaces/tw-shibuya-desk', { bookingMailMessage: BOOKING_MESSAGE });
    const { memberId, token } = await newMember(api(), 'premium');
    await setClock(MADE);
    const booked = await api().post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-desk', start: at(DAY, '10:00'), end: at(DAY, '11:00') },
      token,
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const number = booked.body.number as string;

    const [mine, ...more] = await mailsTo(`${memberId}@example.com`, 1);
    expect(more).toEqual([]);
    expect(mine?.subject).toBe('【NIKKEI OFFICE PASS】ご予約が確定しました');
    expect(mine?.body.text).toContain(`予約番号：${number}`);
    expect(mine?.body.text).toContain('日時：2026年12月11日(金) 10:00〜11:00');
    expect(mine?.body.text).toContain(`■施設からのご案内\n${BOOKING_MESSAGE}`);
    expect(mine?.body.text).toContain(`■施設について\n${DESCRIPTION}`);

    const toFacility = await facilityMailsOf(number, 1);
    expect(toFacility).toHaveLength(1);
    expect(toFacility[0]?.subject).toBe('【TIMEWORK】スペースご予約のお知らせ');
    expect(toFacility[0]?.body.text).toMatch(/会員番号：\S+/);
    expect(toFacility[0]?.body.text).not.toContain(memberId);
    expect(toFacility[0]?.body.text).not.toContain(BOOKING_MESSAGE);
  });

  it('a request: the member is told it was received, the facility is asked to answer before 01:00 two days later', async () => {
    const { memberId, token } = await newMember(api(), 'premium');
    await setClock(MADE);
    const requested = await api().post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-room-a', start: at('2026-12-15', '10:00'), end: at('2026-12-15', '11:00') },
      token,
    );
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    const number = requested.body.number as string;
    const [mine] = await mailsTo(`${memberId}@example.com`, 1);
    expect(mine?.subject).toBe('【NIKKEI OFFICE PASS】予約リクエストを受け付けました');
    expect(mine?.body.text).toContain('2026年12月12日(土) 01:00までに回答がない場合');
    const toFacility = await facilityMailsOf(number, 1);
    expect(toFacility.map((m) => m.subject)).toEqual(['【TIMEWORK】スペースご予約リクエストのお知らせ']);
    expect(toFacility[0]?.body.text).toContain('回答期限：2026年12月12日(土) 01:00');
  });

  it('an extension tells the facility once; the forced checkout tells the member once', async () => {
    const { memberId, token } = await newMember(api(), 'premium');
    await setClock(MADE);
    const booked = await api().post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-desk', start: at(DAY, '13:00'), end: at(DAY, '14:00') },
      token,
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const { id, number } = booked.body as { id: string; number: string };
    await setClock(at(DAY, '13:00'));
    const checkIn = await api().post(`/v1/reservations/${id}/check-in`, { doorId: 'tw-shibuya-door' }, token);
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(200);
    await setClock(at(DAY, '13:50'));
    const extended = await api().post(`/v1/reservations/${id}/extend`, { minutes: 30 }, token);
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);

    const told = (await mailsTo(FACILITY_MAIL, 1)).filter((m) => m.subject.includes('延長'));
    const ofThis = told.filter((m) => m.body.text?.includes(number));
    expect(ofThis.map((m) => m.subject)).toEqual(['【TIMEWORK】スペースご予約延長のお知らせ']);
    expect(ofThis[0]?.body.text).toContain('延長前の終了時刻：14:00');
    expect(ofThis[0]?.body.text).toContain('延長後の終了時刻：14:30');

    await setClock(at(DAY, '14:35'));
    const closed = await api().get(`/v1/reservations/${id}`, token);
    expect(closed.body.status).toBe('forcedCheckout');
    const mine = await mailsTo(`${memberId}@example.com`, 2);
    expect(mine.map((m) => m.subject)).toEqual([
      '【NIKKEI OFFICE PASS】ご予約が確定しました',
      '【NIKKEI OFFICE PASS】チェックアウト処理のお知らせ',
    ]);
    expect(mine[1]?.body.text).toContain('14:35にチェックアウト処理を行いました');
    // one of each, even after the sweeper has run over the closed stay
    await setClock(at(DAY, '14:45'));
    expect(await mailsTo(`${memberId}@example.com`, 3, 1_500)).toHaveLength(2);
    expect((await facilityMailsOf(number, 3, 1_500)).map((m) => m.subject)).toEqual([
      '【TIMEWORK】スペースご予約のお知らせ',
      '【TIMEWORK】スペースご予約延長のお知らせ',
    ]);
    expect(stack().streamPoller.deadLetters).toEqual([]);
  });

  it('held, the poller delivers nothing; released, idle() resolves once the mails written meanwhile are sent', async () => {
    const { memberId, token } = await newMember(api(), 'premium');
    await setClock(MADE);
    const poller = stack().streamPoller;
    await poller.hold();
    let booked: Awaited<ReturnType<ReturnType<typeof api>['post']>>;
    try {
      booked = await api().post(
        '/v1/reservations',
        { spaceId: 'tw-shibuya-desk', start: at(DAY, '16:00'), end: at(DAY, '17:00') },
        token,
      );
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      // held: what the booking wrote stays in the stream (idle() waits for the release)
      let idle = false;
      const waiting = poller.idle().then(() => {
        idle = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(idle).toBe(false);
      expect((await stack().ses.mails()).filter((m) => m.destination.to.includes(`${memberId}@example.com`))).toEqual(
        [],
      );
      poller.release();
      await waiting;
    } finally {
      poller.release();
    }
    // no waiting here: once idle, the member's and the facility's mails are in the mailbox
    const mails = await stack().ses.mails();
    expect(mails.filter((m) => m.destination.to.includes(`${memberId}@example.com`)).map((m) => m.subject)).toEqual([
      '【NIKKEI OFFICE PASS】ご予約が確定しました',
    ]);
    expect(
      mails.filter((m) => m.destination.to.includes(FACILITY_MAIL) && m.body.text?.includes(booked.body.number)),
    ).toHaveLength(1);
  });
});
