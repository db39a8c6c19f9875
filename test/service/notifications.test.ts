/**
 * The outbox consumer with fakes (an in-memory outbox with the store's conditions, a partner, a mailer that can fail):
 * a redelivered record sends once; SES failing → the record is reported and nothing is marked sent; a poison record is
 * reported while the others are sent.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { type OutboxMessage, outboxIdOf } from '../../contracts/events';
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

function fakes(options: { sesDown?: () => boolean } = {}) {
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
        if (!item || item.sentAt || (item.claimedUntil !== undefined && item.claimedUntil >= at)) return false;
        items.set(id, { ...item, claim, claimedUntil: at + OUTBOX_CLAIM_LEASE_MS });
        return true;
      },
      release: async (id, claim) => {
        const item = items.get(id);
        if (item?.claim === claim) items.set(id, { ...item, claim: undefined, claimedUntil: undefined });
      },
      markSent: async (id, claim, s) => {
        const item = items.get(id);
        if (!item || item.claim !== claim || item.sentAt) return false;
        items.set(id, { ...item, sentAt: String(s.at), sesMessageId: s.sesMessageId, claim: undefined });
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
    members: {
      emailOf: async (memberId) => (memberId === 'member-silent' ? undefined : `${memberId}@members.example.com`),
    },
    mailer: {
      send: async (mail) => {
        if (options.sesDown?.()) throw new Error('SES is down');
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
        expect(items.get(outboxIdOf(m))?.sesMessageId).toBe('none');
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
});
