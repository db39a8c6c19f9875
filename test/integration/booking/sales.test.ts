/**
 * The sales lines a reservation writes (domain-rules §7, issue 17): at its settlement — checkout, forced checkout, or
 * no-show — the reserved time at the use date's price (not the time stayed) and its options; at a cancellation with a
 * fee, the fee on the reservation's date. Each in the same transaction as its event, once however often it is driven.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesLedger } from '../../../lambdas/modules/ledger';
import { handler as closeStay } from '../../../lambdas/modules/stay/steps/close-stay';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { lambdaContext } from '../../../lib/local/lambda-context';
import type { LocalStack } from '../../../lib/local/stack';
import { client, operatorToken, startTestStack } from '../support/local-stack';
import { at, newMember } from './fixtures';

const DAY = '2026-11-24';
const DESK = 'tw-shibuya-desk';
const DOOR = 'tw-shibuya-door';
let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startTestStack(at(DAY, '09:00'));
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const setClock = async (now: string) => expect((await api.post('/local/clock', { now })).status).toBe(200);
const ledger = () => {
  const { doc, tableName } = tableContext();
  return new SalesLedger(doc, tableName);
};
const dayTotal = (date: string) => ledger().total('partner-tw', 'day', 'tw-shibuya', date);

async function booked(token: string, spaceId: string, start: string, end: string, body: object = {}) {
  const answer = await api.post('/v1/reservations', { spaceId, start, end, ...body }, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: string; number: string };
}

describe('a reservation’s sales lines', () => {
  it('at checkout: the reserved hour at 150 yen/15 min, not the 20 minutes stayed; a second checkout adds nothing', async () => {
    await setClock(at(DAY, '09:00'));
    const { token } = await newMember(api, 'premium');
    const { id } = await booked(token, DESK, at(DAY, '10:00'), at(DAY, '11:00'));
    const before = await dayTotal(DAY);
    await setClock(at(DAY, '10:00'));
    expect((await api.post(`/v1/reservations/${id}/check-in`, { doorId: DOOR }, token)).status).toBe(200);
    await setClock(at(DAY, '10:20'));
    expect((await api.post(`/v1/reservations/${id}/checkout`, { doorId: DOOR }, token)).status).toBe(200);
    const record = await ledger().get(`reservation:${id}`);
    expect(record).toMatchObject({
      partnerId: 'partner-tw',
      facilityId: 'tw-shibuya',
      spaceId: DESK,
      useDate: DAY,
      reservationId: id,
      memberNumber: expect.stringMatching(/^TW9/),
      lines: [
        {
          lineId: 'use',
          item: 'reservedSpace',
          unitPrice: 150,
          quantity: 4,
          unit: '15分',
          amount: 600,
          tax: 60,
          total: 660,
        },
      ],
    });
    const after = await dayTotal(DAY);
    expect(after).toEqual({
      amount: before.amount + 600,
      tax: before.tax + 60,
      total: before.total + 660,
      lines: before.lines + 1,
    });
    expect((await api.post(`/v1/reservations/${id}/checkout`, { doorId: DOOR }, token)).status).toBe(409);
    expect(await dayTotal(DAY)).toEqual(after);
  });

  it('at a no-show (its timer, then the timer again): the reserved time, once', async () => {
    await setClock(at(DAY, '09:00'));
    const { token } = await newMember(api, 'premium');
    const { id } = await booked(token, DESK, at(DAY, '12:00'), at(DAY, '13:30'));
    await setClock(at(DAY, '13:35'));
    expect((await api.get(`/v1/reservations/${id}`, token)).body.status).toBe('noShow');
    const record = await ledger().get(`reservation:${id}`);
    expect(record?.lines).toEqual([expect.objectContaining({ quantity: 6, amount: 900, total: 990 })]);
    const total = await dayTotal(DAY);
    const again = await closeStay(
      { reservationId: id, dueAt: '2026-11-24T04:35:00.000Z' },
      lambdaContext('close-stay'),
    );
    expect(again).toEqual({ action: 'done', outcome: 'nothing' });
    expect(await ledger().get(`reservation:${id}`)).toEqual(record);
    expect(await dayTotal(DAY)).toEqual(total);
  });

  it('at a forced checkout: the reserved time, with the sales of the day', async () => {
    await setClock(at(DAY, '09:00'));
    const { token } = await newMember(api, 'premium');
    const { id } = await booked(token, DESK, at(DAY, '14:00'), at(DAY, '14:30'));
    await setClock(at(DAY, '14:00'));
    expect((await api.post(`/v1/reservations/${id}/check-in`, { doorId: DOOR }, token)).status).toBe(200);
    await setClock(at(DAY, '14:40'));
    expect((await api.get(`/v1/reservations/${id}`, token)).body.status).toBe('forcedCheckout');
    expect((await ledger().get(`reservation:${id}`))?.lines).toEqual([
      expect.objectContaining({ item: 'reservedSpace', quantity: 2, amount: 300 }),
    ]);
  });

  it('at a cancellation with a fee: the fee on the reservation’s date; none without a fee', async () => {
    await setClock(at(DAY, '09:00'));
    const { token } = await newMember(api, 'premium');
    // 会議室A (a request space, approved by its partner): 500 yen per 15 minutes; cancelled 2 days before → 30 %
    const { id } = await booked(token, 'tw-shibuya-room-a', at('2026-11-26', '10:00'), at('2026-11-26', '11:00'));
    const approved = await api.post(
      `/v1/operator/booking-requests/${id}/approve`,
      {},
      operatorToken('op-tw-full', 'partner-tw', 'full'),
    );
    expect(approved.body.status).toBe('confirmed');
    const before = await dayTotal('2026-11-26');
    const cancelled = await api.post(`/v1/reservations/${id}/cancel`, {}, token);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancellationFee).toBe(600);
    expect(await ledger().get(`fee:${id}`)).toMatchObject({
      useDate: '2026-11-26',
      reservationId: id,
      lines: [{ item: 'cancellationFee', description: '会議室A キャンセル料', amount: 600, tax: 60, total: 660 }],
    });
    expect(await dayTotal('2026-11-26')).toEqual({
      amount: before.amount + 600,
      tax: before.tax + 60,
      total: before.total + 660,
      lines: before.lines + 1,
    });
    expect(await ledger().get(`reservation:${id}`)).toBeUndefined();

    const free = await booked(token, DESK, at(DAY, '16:00'), at(DAY, '17:00'));
    expect((await api.post(`/v1/reservations/${free.id}/cancel`, {}, token)).body.cancellationFee ?? 0).toBe(0);
    expect(await ledger().get(`fee:${free.id}`)).toBeUndefined();
  });
});
