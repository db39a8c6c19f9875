/**
 * The largest transactions of the booking flows still fit DynamoDB's 100 items with the outbox message they now carry:
 * a booking of MAX_SLOTS_PER_BOOKING slots by a corporate member at a facility with a daily limit (every counter), and
 * an extension of as many slots. The repository is run over a client that records what it would send.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { MAX_SLOTS_PER_BOOKING } from '../../lambdas/domain/booking-rules';
import { slotStarts } from '../../lambdas/domain/calendar';
import { bookingMade, reservationExtended } from '../../lambdas/domain/reservation-messages';
import { ReservationRepository } from '../../lambdas/modules/booking';
import { MAX_TRANSACT_ITEMS } from '../../lambdas/platform/dynamo/transactions';
import { OutboxStore } from '../../lambdas/platform/outbox';
import { tokyo } from '../fixtures/domain';
import { makeReservation } from './fakes';

function recording() {
  const sizes: number[] = [];
  const doc = {
    send: async (command: { input: { TransactItems?: unknown[] } }) => {
      sizes.push(command.input.TransactItems?.length ?? 0);
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { sizes, reservations: new ReservationRepository(doc, 't'), outbox: new OutboxStore(doc, 't') };
}

const start = tokyo('2024-06-10T00:00');
const end = start + MAX_SLOTS_PER_BOOKING * 15 * 60_000;
const everyCounter = {
  memberPeriod: '2024-06-01',
  companyId: 'company-1',
  companyMonth: '2024-06',
  dailyDate: '2024-06-10',
};
const largest = makeReservation({
  start,
  end,
  number: 'R-1234-5678-9012',
  companyName: '株式会社サンプル',
  ledger: everyCounter,
  uses: 12,
});
const space = { capacity: 1, calendarVersion: 1 };
const limits = { member: 100, company: 100, daily: 5 };
const names = { facility: { name: 'TIMEWORK渋谷' }, space: { name: 'ブース1' } };

describe('the booking flows’ largest transactions, with their mail', () => {
  it('a booking of the most slots, with every counter, is at most 100 items', async () => {
    const { sizes, reservations, outbox } = recording();
    const mail = outbox.written(bookingMade(largest, names), start);
    expect(await reservations.create(largest, slotStarts(start, end), space, 0, limits, [mail])).toEqual({ ok: true });
    expect(sizes[0]).toBeLessThanOrEqual(MAX_TRANSACT_ITEMS);
    // what is left: exactly the room of the mail
    expect(sizes[0]).toBe(MAX_TRANSACT_ITEMS);
  });

  it('an extension by the most slots, with every counter, is at most 100 items', async () => {
    const { sizes, reservations, outbox } = recording();
    const inside = { ...largest, status: 'checkedIn' as const, start: start - 3_600_000, end: start };
    const newEnd = start + MAX_SLOTS_PER_BOOKING * 15 * 60_000;
    const after = { ...inside, end: newEnd, version: inside.version + 1 };
    const mail = outbox.written(reservationExtended(inside, after, names), start);
    const change = { newEnd, extraUses: 12, slots: slotStarts(start, newEnd), price: inside.price };
    expect(await reservations.extend(inside, change, space, 0, limits, [mail])).toEqual({ ok: true });
    expect(sizes[0]).toBeLessThanOrEqual(MAX_TRANSACT_ITEMS);
  });
});
