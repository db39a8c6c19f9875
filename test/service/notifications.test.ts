/**
 * The outbox consumer with fakes (an in-memory outbox with the store's conditions, a partner, a mailer that can fail):
 * a redelivered record sends once; SES failing → the record is reported and nothing is marked sent; a poison record is
 * reported while the others are sent.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxMessage } from '../../contracts/events';
import { outboxIdOf } from '../../contracts/outbox';
import type { Reservation } from '../../lambdas/domain/model';
import type { NotificationPorts } from '../../lambdas/modules/notifications';
import { sendOutboxRecords } from '../../lambdas/modules/notifications';
import { logger } from '../../lambdas/platform/instrument';
import { OUTBOX_CLAIM_LEASE_MS, type OutboxState } from '../../lambdas/platform/outbox';
import type { Mail } from '../../lambdas/platform/ports';

const message = (partnerId: string): OutboxMessage => ({
  kind: 'paymentNoticeIssued',
  noticeId: `${partnerId}:2026-12`,
  partnerId,
  period: '2026-12',
  periodFrom: '2026-11-21',
  periodTo: '2026-12-20',
  net: 12345,
  dueDate: '2027-02-26',
});

let sequence = 0;
const record = (image: Record<string, unknown>): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: String(++sequence),
    NewImage: marshall(image) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
  },
});
const outboxRecord = (m: OutboxMessage) => record({ entity: 'outbox', outboxId: outboxIdOf(m), message: m });

function fakes(options: { sesDown?: (mail: Mail) => boolean } = {}) {
  const items = new Map<string, OutboxState>();
  const sent: Mail[] = [];
  let now = 1_800_000_000_000;
  let n = 0;
  const put = (m: OutboxMessage) =>
    items.set(outboxIdOf(m), { outboxId: outboxIdOf(m), message: m, createdAt: 'then' });
  const deps: NotificationPorts = {
    outbox: {
      get: async (id) => (items.has(id) ? { ...(items.get(id) as OutboxState) } : undefined),
      claim: async (id, claim, at) => {
        const item = items.get(id);
        if (!item || item.sentAt || (item.claimedUntil !== undefined && item.claimedUntil >= at)) return undefined;
        const claimed = { ...item, claim, claimedUntil: at + OUTBOX_CLAIM_LEASE_MS, sentParts: item.sentParts ?? {} };
        items.set(id, claimed);
        return { ...claimed };
      },
      release: async (id, claim) => {
        const item = items.get(id);
        if (item?.claim === claim) items.set(id, { ...item, claim: undefined, claimedUntil: undefined });
      },
      markSent: async (id, claim, s) => {
        const item = items.get(id);
        if (!item || item.claim !== claim || item.sentAt) return false;
        const sentParts = { ...item.sentParts, [s.part]: s.sesMessageId };
        items.set(
          id,
          s.last
            ? { ...item, sentParts, sentAt: String(s.at), claim: undefined, claimedUntil: undefined }
            : { ...item, sentParts },
        );
        return true;
      },
    },
    partners: {
      getPartner: async (partnerId) =>
        partnerId === 'partner-gone'
          ? undefined
          : {
              partnerId,
              name: 'TIMEWORK株式会社',
              facilityIds: [],
              payoutRatePercent: 70,
              paymentNoticeEmails: [`billing@${partnerId}.example.com`, `keiri@${partnerId}.example.com`],
              version: 1,
            },
    },
    facilities: {
      getFacility: async (facilityId) =>
        facilityId === 'facility-gone'
          ? undefined
          : ({
              facilityId,
              name: 'TIMEWORK渋谷',
              description: '渋谷駅から徒歩3分。受付は無人です。',
              notificationEmails: [`desk@${facilityId}.example.com`, `owner@${facilityId}.example.com`],
            } as Awaited<ReturnType<NotificationPorts['facilities']['getFacility']>>),
    },
    spaces: {
      getSpace: async (spaceId) =>
        ({ spaceId, name: '会議室A', bookingMailMessage: '入口の暗証番号は当日アプリでご確認ください。' }) as Awaited<
          ReturnType<NotificationPorts['spaces']['getSpace']>
        >,
    },
    reservations: {
      get: async (reservationId) => ({ reservationId, status: 'confirmed' }) as Reservation,
    },
    members: {
      emailOf: async (memberId) => (memberId === 'member-silent' ? undefined : `${memberId}@members.example.com`),
    },
    mailer: {
      send: async (mail) => {
        if (options.sesDown?.(mail)) throw new Error('SES is down');
        sent.push(mail);
        return { messageId: `ses-${sent.length}` };
      },
    },
    clock: { now: () => (now += 1000) },
    claims: { next: () => `claim-${++n}` },
  };
  return { deps, items, sent, put };
}

const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('the outbox consumer', () => {
  it('sends a message to the partner’s payment-notice addresses and marks it sent', async () => {
    const { deps, items, sent, put } = fakes();
    const m = message('partner-tw');
    put(m);
    expect((await sendOutboxRecords(deps, event(outboxRecord(m)))).batchItemFailures).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual(['billing@partner-tw.example.com', 'keiri@partner-tw.example.com']);
    expect(sent[0]?.subject).toContain('支払通知書');
    expect(items.get(outboxIdOf(m))?.sentAt).toBeDefined();
  });

  it('sends a redelivered record once', async () => {
    const { deps, sent, put } = fakes();
    const m = message('partner-tw');
    put(m);
    const r = outboxRecord(m);
    await sendOutboxRecords(deps, event(r));
    const again = await sendOutboxRecords(deps, event(r, r));
    expect(again.batchItemFailures).toEqual([]);
    expect(again.outcomes.map((o) => o.delivery)).toEqual(['alreadySent', 'alreadySent']);
    expect(sent).toHaveLength(1);
  });

  it('reports the records SES failed on and marks nothing sent; a retry sends them once', async () => {
    let down = true;
    const { deps, items, sent, put } = fakes({ sesDown: () => down });
    const a = message('partner-tw');
    const b = message('partner-h1t');
    put(a);
    put(b);
    const records = [outboxRecord(a), outboxRecord(b)];
    const failed = await sendOutboxRecords(deps, event(...records));
    expect(failed.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      records.map((r) => r.dynamodb?.SequenceNumber),
    );
    expect([...items.values()].map((i) => [i.sentAt, i.claim])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    down = false;
    expect((await sendOutboxRecords(deps, event(...records))).batchItemFailures).toEqual([]);
    expect(sent.map((m) => m.to[0])).toEqual(['billing@partner-tw.example.com', 'billing@partner-h1t.example.com']);
  });

  it('reports a poison record and still sends the others', async () => {
    const { deps, sent, put } = fakes();
    const good = message('partner-tw');
    const orphan = message('partner-gone');
    put(good);
    put(orphan);
    const poison = record({ entity: 'outbox', outboxId: 'x', message: { kind: 'nonsense' } });
    const result = await sendOutboxRecords(deps, event(poison, outboxRecord(orphan), outboxRecord(good)));
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      poison.dynamodb?.SequenceNumber,
      String(sequence - 1),
    ]);
    expect(result.outcomes.map((o) => o.poison ?? o.delivery)).toEqual([true, true, 'sent']);
    expect(sent).toHaveLength(1);
  });

  it('leaves a record claimed by a live delivery to a retry', async () => {
    const { deps, items, sent, put } = fakes();
    const m = message('partner-tw');
    put(m);
    items.set(outboxIdOf(m), { ...(items.get(outboxIdOf(m)) as OutboxState), claim: 'other', claimedUntil: 9e15 });
    expect((await sendOutboxRecords(deps, event(outboxRecord(m)))).batchItemFailures).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  describe('the answers to booking requests, to the member', () => {
    const answer = (kind: 'requestApproved' | 'requestRejected' | 'requestAutoCancelled', memberId = 'member-1') =>
      ({
        kind,
        reservationId: `res-${kind}`,
        reservationNumber: 'R-1234-5678-9012',
        memberId,
        facilityId: 'facility-1',
        spaceId: 'space-1',
        facilityName: 'TIMEWORK 渋谷',
        spaceName: '会議室A',
        start: '2024-06-14T10:00:00+09:00',
        end: '2024-06-14T11:00:00+09:00',
      }) satisfies OutboxMessage;

    it.each([
      ['requestApproved', '承認'],
      ['requestRejected', 'お断り'],
      ['requestAutoCancelled', '自動キャンセル'],
    ] as const)('%s goes to the member’s address read at send time', async (kind, word) => {
      const { deps, items, sent, put } = fakes();
      const m = answer(kind);
      put(m);
      expect((await sendOutboxRecords(deps, event(outboxRecord(m)))).batchItemFailures).toEqual([]);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.to).toEqual(['member-1@members.example.com']);
      expect(sent[0]?.subject).toContain(word);
      expect(sent[0]?.text).toContain('R-1234-5678-9012');
      expect(items.get(`${kind}:res-${kind}`)?.sentAt).toBeDefined();
    });

    it('a member without an address: marked sent with no mail, logged', async () => {
      const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
      try {
        const { deps, items, sent, put } = fakes();
        const m = answer('requestApproved', 'member-silent');
        put(m);
        const result = await sendOutboxRecords(deps, event(outboxRecord(m)));
        expect(result.batchItemFailures).toEqual([]);
        expect(result.outcomes.map((o) => o.delivery)).toEqual(['noRecipients']);
        expect(sent).toEqual([]);
        expect(items.get(outboxIdOf(m))?.sentParts).toEqual({ member: 'none' });
        expect(warn).toHaveBeenCalledWith(
          expect.stringContaining('no e-mail'),
          expect.objectContaining({ memberId: 'member-silent', kind: 'requestApproved' }),
        );
      } finally {
        warn.mockRestore();
      }
    });

    it('an identity that cannot be read fails the record (retried), nothing marked sent', async () => {
      const { deps, items, sent, put } = fakes();
      deps.members = {
        emailOf: async () => {
          throw new Error('Cognito is down');
        },
      };
      const m = answer('requestRejected');
      put(m);
      expect((await sendOutboxRecords(deps, event(outboxRecord(m)))).batchItemFailures).toHaveLength(1);
      expect(sent).toEqual([]);
      expect(items.get(outboxIdOf(m))?.sentAt).toBeUndefined();
    });
  });

  describe('a booking made: one message, two mails (the member’s and the facility’s), each sent once', () => {
    const booking = (status: 'confirmed' | 'requested' = 'confirmed'): OutboxMessage => ({
      kind: 'bookingMade',
      status,
      reservationId: `res-${status}`,
      reservationNumber: 'R-1234-5678-9012',
      memberId: 'member-1',
      facilityId: 'facility-1',
      spaceId: 'space-1',
      facilityName: 'TIMEWORK渋谷',
      spaceName: '会議室A',
      start: '2024-06-14T10:00:00+09:00',
      end: '2024-06-14T11:00:00+09:00',
      memberNumber: '00012345',
      companyName: null,
      requestExpiresAt: status === 'requested' ? '2024-06-12T01:00:00+09:00' : null,
    });

    it('mails the member (quoting the texts read at send time) and the facility’s notification addresses', async () => {
      const { deps, items, sent, put } = fakes();
      const m = booking();
      put(m);
      const result = await sendOutboxRecords(deps, event(outboxRecord(m)));
      expect(result.outcomes.map((o) => o.delivery)).toEqual(['sent']);
      expect(sent.map((mail) => mail.to)).toEqual([
        ['member-1@members.example.com'],
        ['desk@facility-1.example.com', 'owner@facility-1.example.com'],
      ]);
      expect(sent[0]?.text).toContain('■施設からのご案内\n入口の暗証番号は当日アプリでご確認ください。');
      expect(sent[0]?.text).toContain('■施設について\n渋谷駅から徒歩3分。受付は無人です。');
      expect(sent[1]?.subject).toBe('【TIMEWORK】スペースご予約のお知らせ');
      expect(items.get(outboxIdOf(m))).toMatchObject({ sentParts: { member: 'ses-1', facility: 'ses-2' } });
      expect(items.get(outboxIdOf(m))?.sentAt).toBeDefined();
    });

    it('SES failing on the facility’s mail: the member’s is kept sent; the retry sends only the facility’s', async () => {
      let facilityDown = true;
      const { deps, items, sent, put } = fakes({
        sesDown: (mail) => facilityDown && mail.to[0]?.startsWith('desk@') === true,
      });
      const m = booking('requested');
      put(m);
      const r = outboxRecord(m);
      expect((await sendOutboxRecords(deps, event(r))).batchItemFailures).toHaveLength(1);
      expect(sent.map((mail) => mail.to[0])).toEqual(['member-1@members.example.com']);
      expect(items.get(outboxIdOf(m))).toMatchObject({ sentParts: { member: 'ses-1' }, claim: undefined });
      expect(items.get(outboxIdOf(m))?.sentAt).toBeUndefined();
      facilityDown = false;
      expect((await sendOutboxRecords(deps, event(r))).batchItemFailures).toEqual([]);
      expect((await sendOutboxRecords(deps, event(r))).outcomes.map((o) => o.delivery)).toEqual(['alreadySent']);
      expect(sent.map((mail) => mail.to[0])).toEqual(['member-1@members.example.com', 'desk@facility-1.example.com']);
      expect(sent[1]?.subject).toContain('リクエスト');
    });

    it('a facility gone since: the member is still mailed, the facility’s part has no recipients', async () => {
      const { deps, items, sent, put } = fakes();
      const m = { ...booking(), facilityId: 'facility-gone' } as OutboxMessage;
      put(m);
      expect((await sendOutboxRecords(deps, event(outboxRecord(m)))).batchItemFailures).toEqual([]);
      expect(sent.map((mail) => mail.to)).toEqual([['member-1@members.example.com']]);
      expect(sent[0]?.text).not.toContain('■施設について');
      expect(items.get(outboxIdOf(m))?.sentParts).toEqual({ member: 'ses-1', facility: 'none' });
    });
  });

  it('an extension goes to the facility’s notification addresses, a forced checkout to the member', async () => {
    const { deps, sent, put } = fakes();
    const shared = {
      reservationId: 'res-9',
      reservationNumber: 'R-9999-0000-1111',
      memberId: 'member-9',
      facilityId: 'facility-9',
      spaceId: 'space-9',
      facilityName: 'TIMEWORK渋谷',
      spaceName: 'ブース1',
      start: '2024-06-14T10:00:00+09:00',
      end: '2024-06-14T11:30:00+09:00',
    };
    const extended: OutboxMessage = {
      kind: 'reservationExtended',
      ...shared,
      memberNumber: '00099999',
      companyName: '株式会社サンプル',
      previousEnd: '2024-06-14T11:00:00+09:00',
      version: 2,
    };
    const closed: OutboxMessage = { kind: 'forcedCheckout', ...shared, closedAt: '2024-06-14T11:35:00+09:00' };
    put(extended);
    put(closed);
    expect(
      (await sendOutboxRecords(deps, event(outboxRecord(extended), outboxRecord(closed)))).batchItemFailures,
    ).toEqual([]);
    expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([
      [['desk@facility-9.example.com', 'owner@facility-9.example.com'], '【TIMEWORK】スペースご予約延長のお知らせ'],
      [['member-9@members.example.com'], '【NIKKEI OFFICE PASS】チェックアウト処理のお知らせ'],
    ]);
    expect(outboxIdOf(extended)).toBe('reservationExtended:res-9:2');
  });

  describe('a booking’s reminder, to the member only', () => {
    const reminder: OutboxMessage = {
      kind: 'bookingReminder',
      reservationId: 'res-7',
      reservationNumber: 'R-7777-0000-1111',
      memberId: 'member-7',
      facilityId: 'facility-7',
      spaceId: 'space-7',
      facilityName: 'TIMEWORK渋谷',
      spaceName: 'デスク席',
      start: '2024-06-14T10:00:00+09:00',
      end: '2024-06-14T11:00:00+09:00',
    };

    it('quotes the space’s booking-mail message as it is when the mail is sent', async () => {
      const { deps, items, sent, put } = fakes();
      let spaceMessage: string | null = '旧いご案内';
      const getSpace = deps.spaces.getSpace;
      deps.spaces.getSpace = async (spaceId) => {
        const space = await getSpace(spaceId);
        return space && { ...space, bookingMailMessage: spaceMessage };
      };
      put(reminder);
      // the partner edits the message after the reminder was written, before it is sent
      spaceMessage = '本日は3階の受付をご利用ください。';
      expect((await sendOutboxRecords(deps, event(outboxRecord(reminder)))).batchItemFailures).toEqual([]);
      expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([
        [['member-7@members.example.com'], '【NIKKEI OFFICE PASS】ご利用開始1時間前のお知らせ'],
      ]);
      expect(sent[0]?.text).toContain('■施設からのご案内\n本日は3階の受付をご利用ください。');
      expect(sent[0]?.text).not.toContain('旧いご案内');
      expect(items.get('bookingReminder:res-7')).toMatchObject({ sentParts: { member: 'ses-1' } });
    });

    it('a space with no message, or gone since: the reminder is sent without the section', async () => {
      const { deps, sent, put } = fakes();
      deps.spaces.getSpace = async () => undefined;
      put(reminder);
      expect((await sendOutboxRecords(deps, event(outboxRecord(reminder)))).batchItemFailures).toEqual([]);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.text).toContain('予約番号：R-7777-0000-1111');
      expect(sent[0]?.text).not.toContain('■施設からのご案内');
    });

    it.each([
      ['cancelled', 'cancelled after the reminder was written'],
      ['checkedIn', 'checked in early'],
      [undefined, 'gone'],
    ] as const)(
      'a booking %s when the reminder is sent (%s): no mail, and the reminder is marked done',
      async (status, _why) => {
        const { deps, items, sent, put } = fakes();
        deps.reservations.get = async (reservationId) =>
          status === undefined ? undefined : ({ reservationId, status } as Reservation);
        put(reminder);
        const outcome = await sendOutboxRecords(deps, event(outboxRecord(reminder)));
        expect(outcome.batchItemFailures).toEqual([]);
        expect(outcome.outcomes).toMatchObject([{ delivery: 'noRecipients' }]);
        expect(sent).toEqual([]);
        // marked, so that no retry mails it later either
        expect(items.get('bookingReminder:res-7')).toMatchObject({ sentParts: { member: 'none' } });
        expect(items.get('bookingReminder:res-7')?.sentAt).toBeDefined();
      },
    );
  });
});
