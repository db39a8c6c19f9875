/**
 * A ticket's single use against DynamoDB Local: its use is a conditional Put the check-in adds to its own transaction
 * (the visit module's); the first transaction with it writes, a second with the same ticket fails with 422
 * TICKET_INVALID and writes nothing of its transaction; the use expires by TTL a little after the ticket.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TICKET_USE_TTL_MARGIN_SECONDS,
  TicketUseRepository,
  ticketUseKey,
  type VerifiedTicket,
} from '../../../lambdas/modules/tickets';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { itemKey } from '../../../lambdas/platform/dynamo/keys';
import { type TaggedItem, transact } from '../../../lambdas/platform/dynamo/transactions';
import type { LocalStack } from '../../../lib/local/stack';
import { startTestStack } from '../support/local-stack';

const NOW = Date.parse('2026-11-24T10:00:00+09:00');

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack('2026-11-24T10:00:00+09:00');
});
afterAll(async () => stack?.stop());

const ticket = (ticketId: string): VerifiedTicket => ({ memberId: 'member-basic', ticketId, expiresAt: NOW + 60_000 });

/** What a check-in writes beside the ticket's use, as a stand-in: one more visit on a counter of the test's own. */
function visitCounted(name: string): TaggedItem {
  const { tableName } = tableContext();
  return {
    item: {
      Update: {
        TableName: tableName,
        Key: itemKey('counter', { name }),
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
  };
}

async function counterValue(name: string): Promise<number | undefined> {
  const { doc, tableName } = tableContext();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: itemKey('counter', { name }), ConsistentRead: true }),
  );
  return Item?.value as number | undefined;
}

describe('a ticket’s use', () => {
  it('admits once: the second transaction with the same ticket fails with TICKET_INVALID and writes nothing', async () => {
    const { doc, tableName } = tableContext();
    const uses = new TicketUseRepository(doc, tableName);
    const used = ticket('AAAAAAAAAAAAAAAAAAAA01');

    expect(await transact(doc, [visitCounted('visits-a'), uses.useItem(used, NOW + 5_000)])).toEqual({ ok: true });
    expect(await counterValue('visits-a')).toBe(1);
    expect(await uses.usedAt(used.ticketId)).toBe(NOW + 5_000);

    // scanned again, still within its minute, for another check-in
    const again = await transact(doc, [visitCounted('visits-b'), uses.useItem(used, NOW + 20_000)]);
    expect(again).toEqual({ ok: false, failed: { code: 'TICKET_INVALID', detail: 'This ticket was already used.' } });
    expect(await counterValue('visits-b')).toBeUndefined();
    expect(await counterValue('visits-a')).toBe(1);
    // the first use stands as it was
    expect(await uses.usedAt(used.ticketId)).toBe(NOW + 5_000);
  });

  it('is per ticket: another ticket of the same member admits', async () => {
    const { doc, tableName } = tableContext();
    const uses = new TicketUseRepository(doc, tableName);
    expect(await uses.usedAt('AAAAAAAAAAAAAAAAAAAA03')).toBeUndefined();
    for (const id of ['AAAAAAAAAAAAAAAAAAAA02', 'AAAAAAAAAAAAAAAAAAAA03']) {
      expect(await transact(doc, [visitCounted('visits-c'), uses.useItem(ticket(id), NOW)])).toEqual({ ok: true });
    }
    expect(await counterValue('visits-c')).toBe(2);
  });

  it('is stored under its registry key, expiring by TTL a little after the ticket', async () => {
    const { doc, tableName } = tableContext();
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: ticketUseKey('AAAAAAAAAAAAAAAAAAAA01') }),
    );
    expect(Item).toEqual({
      PK: 'TICKET#AAAAAAAAAAAAAAAAAAAA01',
      SK: '#META',
      entity: 'ticketUse',
      ticketId: 'AAAAAAAAAAAAAAAAAAAA01',
      memberId: 'member-basic',
      usedAt: new Date(NOW + 5_000).toISOString(),
      expiresAt: new Date(NOW + 60_000).toISOString(),
      ttl: (NOW + 60_000) / 1000 + TICKET_USE_TTL_MARGIN_SECONDS,
    });
    expect(Item?.ttl).toBeGreaterThan((NOW + 60_000) / 1000);
  });
});
