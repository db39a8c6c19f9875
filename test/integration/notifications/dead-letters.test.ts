/**
 * A poison record on the local stack's real parts: an outbox item no retry can send (a kind the consumer does not know;
 * a payment notice of a partner that is gone) is retried by the stream poller as the event source mapping retries it,
 * then dead-lettered — the stand-in of the dead-letter queue, whose first message sets off its alarm in the cloud
 * (test/cdk/notifications.test.ts) — and is never marked sent, while the messages around it are each sent once.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { itemKey } from '../../../lambdas/platform/dynamo/keys';
import { transact } from '../../../lambdas/platform/dynamo/transactions';
import { OutboxStore } from '../../../lambdas/platform/outbox';
import { at, newMember } from '../booking/fixtures';
import { mailStack } from './support';

const NOW = '2026-12-10T09:00:00+09:00';
// three quick retries rather than the mapping's ten over about 20 s
const { stack, api, mailsTo, sleep } = mailStack(NOW, { streamRetry: { retries: 3, firstMs: 50, maxMs: 200 } });

/** A member's booking of the TIMEWORK desk: a message of two mails (the member's and the facility's). */
async function book(from: string, to: string) {
  const { memberId, token } = await newMember(api(), 'premium');
  const booked = await api().post(
    '/v1/reservations',
    { spaceId: 'tw-shibuya-desk', start: at('2026-12-11', from), end: at('2026-12-11', to) },
    token,
  );
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return { email: `${memberId}@example.com`, number: booked.body.number as string };
}

describe('a poison outbox record', () => {
  it('is dead-lettered after its retries and never marked sent; the messages before and after it are sent once', async () => {
    const { doc, tableName } = tableContext();
    const outbox = new OutboxStore(doc, tableName);
    const before = await book('10:00', '11:00');
    // a kind this consumer does not know (written by a newer writer, say), straight into the table
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...itemKey('outbox', { outboxId: 'nonsense:1' }),
          entity: 'outbox',
          outboxId: 'nonsense:1',
          message: { kind: 'nonsense' },
          createdAt: '2026-12-10T00:00:00.000Z',
        },
      }),
    );
    // a known kind that names what is not there
    const orphan = {
      kind: 'paymentNoticeIssued',
      noticeId: 'partner-gone:2026-12',
      partnerId: 'partner-gone',
      period: '2026-12',
      periodFrom: '2026-11-21',
      periodTo: '2026-12-20',
      net: 1000,
      dueDate: '2027-02-26',
    } as const;
    expect(await transact(doc, [outbox.written(orphan, Date.parse(NOW))])).toEqual({ ok: true });
    const after = await book('12:00', '13:00');

    const deadline = Date.now() + 20_000;
    while (stack().streamPoller.deadLetters.flat().length < 2 && Date.now() < deadline) await sleep(100);
    const dead = stack()
      .streamPoller.deadLetters.flat()
      .map((r) => r.dynamodb?.NewImage?.outboxId?.S);
    expect(dead).toEqual(expect.arrayContaining(['nonsense:1', 'paymentNoticeIssued:partner-gone:2026-12']));
    expect((await outbox.get('nonsense:1'))?.sentAt).toBeUndefined();
    expect((await outbox.get('paymentNoticeIssued:partner-gone:2026-12'))?.sentAt).toBeUndefined();

    for (const { email, number } of [before, after]) {
      const mails = await mailsTo(email, 2, 5_000);
      expect(mails.map((m) => m.subject)).toEqual(['【NIKKEI OFFICE PASS】ご予約が確定しました']);
      expect(mails[0]?.body.text).toContain(number);
      const toFacility = (await mailsTo('ops@tw-shibuya.example', 2, 0)).filter((m) => m.body.text?.includes(number));
      expect(toFacility).toHaveLength(1);
    }
  });
});
