/**
 * The outbox store's conditions on DynamoDB Local: an item written once by its change's transaction (a retried change
 * writes nothing twice), one live claim at a time, parts marked one by one under the claim and the item sent with the
 * last, a lost claim unable to mark, a released claim free at once, a sent item never claimed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../contracts/events';
import { outboxIdOf } from '../../../contracts/outbox';
import { transact } from '../../../lambdas/platform/dynamo/transactions';
import { OUTBOX_CLAIM_LEASE_MS, OutboxStore } from '../../../lambdas/platform/outbox';
import { type TestTable, testTable } from '../support/dynamo';

let table: TestTable;
let outbox: OutboxStore;
beforeAll(async () => {
  table = await testTable();
  outbox = new OutboxStore(table.doc, table.tableName);
});
afterAll(async () => table?.drop());

const NOW = Date.parse('2026-12-10T05:00:00Z');
let n = 0;
const message = (): OutboxMessage => ({
  kind: 'forcedCheckout',
  reservationId: `res-${++n}`,
  reservationNumber: 'R-1111-2222-3333',
  memberId: 'member-1',
  facilityId: 'facility-1',
  spaceId: 'space-1',
  facilityName: 'TIMEWORK渋谷',
  spaceName: 'ブース1',
  start: '2026-12-10T10:00:00+09:00',
  end: '2026-12-10T11:00:00+09:00',
  closedAt: '2026-12-10T11:05:00+09:00',
});

describe('the outbox store', () => {
  it('is written once by its change: a retried transaction is stale and writes nothing', async () => {
    const m = message();
    expect(await transact(table.doc, [outbox.written(m, NOW)])).toEqual({ ok: true });
    expect(await transact(table.doc, [outbox.written(m, NOW + 1000)])).toEqual({ ok: false, failed: 'stale' });
    expect(await outbox.get(outboxIdOf(m))).toMatchObject({
      outboxId: outboxIdOf(m),
      message: m,
      createdAt: '2026-12-10T05:00:00.000Z',
    });
  });

  it('claims once at a time, marks parts under the claim, and is sent with the last', async () => {
    const m = message();
    await transact(table.doc, [outbox.written(m, NOW)]);
    const claimed = await outbox.claim(outboxIdOf(m), 'a', NOW);
    expect(claimed).toMatchObject({ claim: 'a', sentParts: {}, attempts: 1 });
    expect(await outbox.claim(outboxIdOf(m), 'b', NOW + 1000)).toBeUndefined();
    expect(await outbox.markSent(outboxIdOf(m), 'b', { part: 'member', sesMessageId: 'x', at: NOW, last: true })).toBe(
      false,
    );
    expect(
      await outbox.markSent(outboxIdOf(m), 'a', { part: 'member', sesMessageId: 'ses-1', at: NOW, last: false }),
    ).toBe(true);
    expect(
      await outbox.markSent(outboxIdOf(m), 'a', { part: 'facility', sesMessageId: 'none', at: NOW, last: true }),
    ).toBe(true);
    const sent = await outbox.get(outboxIdOf(m));
    expect(sent).toMatchObject({
      sentParts: { member: 'ses-1', facility: 'none' },
      sentAt: '2026-12-10T05:00:00.000Z',
    });
    expect(sent?.claim).toBeUndefined();
    expect(await outbox.claim(outboxIdOf(m), 'c', NOW + 10 * OUTBOX_CLAIM_LEASE_MS)).toBeUndefined();
  });

  it('a claim past its lease is taken by the next delivery, which sees the parts sent before; the old one cannot mark', async () => {
    const m = message();
    await transact(table.doc, [outbox.written(m, NOW)]);
    await outbox.claim(outboxIdOf(m), 'a', NOW);
    await outbox.markSent(outboxIdOf(m), 'a', { part: 'member', sesMessageId: 'ses-1', at: NOW, last: false });
    const retaken = await outbox.claim(outboxIdOf(m), 'b', NOW + OUTBOX_CLAIM_LEASE_MS + 1);
    expect(retaken).toMatchObject({ claim: 'b', sentParts: { member: 'ses-1' }, attempts: 2 });
    expect(
      await outbox.markSent(outboxIdOf(m), 'a', { part: 'facility', sesMessageId: 'x', at: NOW, last: true }),
    ).toBe(false);
  });

  it('a released claim frees the item at once; releasing another’s claim does nothing', async () => {
    const m = message();
    await transact(table.doc, [outbox.written(m, NOW)]);
    await outbox.claim(outboxIdOf(m), 'a', NOW);
    await outbox.release(outboxIdOf(m), 'someone-else');
    expect(await outbox.claim(outboxIdOf(m), 'b', NOW + 1)).toBeUndefined();
    await outbox.release(outboxIdOf(m), 'a');
    expect(await outbox.claim(outboxIdOf(m), 'b', NOW + 2)).toMatchObject({ claim: 'b' });
  });

  it('an item that is not there is not claimed', async () => {
    expect(await outbox.claim('forcedCheckout:nobody', 'a', NOW)).toBeUndefined();
    expect(await outbox.get('forcedCheckout:nobody')).toBeUndefined();
  });
});
