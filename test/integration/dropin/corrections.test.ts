/**
 * Visit corrections end to end on the local stack (api.md back office `POST /v1/admin/visits/{visitId}/correction`,
 * domain-rules §7): the corrected visit and its charges, the correction record of the differences with the day's and
 * month's totals (the visit's own record never rebuilt), the same correction twice, and the refusals that write
 * nothing: a visit still in, an exit it could not have had, the period closed on the 20th, its settlement run started.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SettlementRunRepository } from '../../../lambdas/modules/settlement';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { at, newMember } from '../booking/fixtures';
import { partnerStack } from '../partner/support';
import { adminToken, operatorToken } from '../support/local-stack';
import { clockSetter, ledger, openSpaceLike, putOpenSpaces } from './support';

const api = partnerStack();
const setClock = clockSetter(api);
const admin = adminToken();
// a facility of its own, so that its totals are this file's alone
const SPACE = openSpaceLike('test-correct', { guestLimit: null });
const QR = SPACE.space.qrValue;
const FACILITY = SPACE.facility.facilityId;
const PARTNER = SPACE.facility.partnerId;

beforeAll(async () => {
  await putOpenSpaces(SPACE);
});

const correct = (visitId: string, checkedOutAt: string) =>
  api().post(`/v1/admin/visits/${visitId}/correction`, { checkedOutAt }, admin);
const totals = async (day: string) => ({
  day: await ledger().total(PARTNER, 'day', FACILITY, day),
  month: await ledger().total(PARTNER, 'month', FACILITY, day.slice(0, 7)),
});

/** A visit of a new member on `day`: in at 10:00, a guest from 10:15, both out at 12:00 by the member's scan. */
async function visitOutAtNoon(day: string) {
  await setClock(at(day, '10:00'));
  const { token } = await newMember(api(), 'premium', `${day.slice(0, 7)}-01`);
  const visit = (await api().post('/v1/visits', { qrValue: QR }, token)).body;
  await setClock(at(day, '10:15'));
  expect((await api().post(`/v1/visits/${visit.id}/guests`, { count: 1 }, token)).status).toBe(201);
  await setClock(at(day, '12:00'));
  const out = await api().post(`/v1/visits/${visit.id}/checkout`, { qrValue: QR }, token);
  expect(out.status).toBe(200);
  return { token, id: visit.id as string, out: out.body };
}

describe('a correction of a visit’s exit', () => {
  it('moves the exit and the guest who left with it, charges again, and records the differences beside the visit’s record', async () => {
    const DAY = '2027-03-10';
    const { token, id, out } = await visitOutAtNoon(DAY);
    // 120 min → 2,000 yen; the guest 105 min → 1,750 yen
    expect(out.charge).toEqual({ amount: 2000, tax: 200, total: 2200 });
    expect(out.guests[0].charge).toEqual({ amount: 1750, tax: 175, total: 1925 });
    const visitRecord = await ledger().get(`visit:${id}`);
    const before = await totals(DAY);

    await setClock(at(DAY, '19:00'));
    const corrected = await correct(id, at(DAY, '11:00'));
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      id,
      status: 'out',
      checkedOutAt: '2027-03-10T11:00:00+09:00',
      charge: { amount: 1000, tax: 100, total: 1100 },
      guests: [
        { guestId: 'g1', checkedOutAt: '2027-03-10T11:00:00+09:00', charge: { amount: 750, tax: 75, total: 825 } },
      ],
    });
    expect((await api().get(`/v1/visits/${id}`, token)).body).toEqual(corrected.body);

    // the visit's own record is as the checkout wrote it; the correction record holds the differences
    expect(await ledger().get(`visit:${id}`)).toEqual(visitRecord);
    const record = await ledger().get(`correction:${id}:3`);
    expect(record).toMatchObject({
      partnerId: PARTNER,
      facilityId: FACILITY,
      spaceId: SPACE.space.spaceId,
      useDate: DAY,
      visitId: id,
      lines: [
        { lineId: 'member', item: 'openSpace', quantity: -60, unit: '分', amount: -1000, tax: -100, total: -1100 },
        { lineId: 'g1', item: 'guest', quantity: -60, unit: '分', amount: -1000, tax: -100, total: -1100 },
      ],
    });
    const after = await totals(DAY);
    const grown = (t: typeof before.day) => ({
      amount: t.amount - 2000,
      tax: t.tax - 200,
      total: t.total - 2200,
      lines: t.lines + 2,
    });
    expect(after).toEqual({ day: grown(before.day), month: grown(before.month) });

    // the partner's sales list shows the negative lines (the contract's money and quantity have no lower bound)
    const staff = operatorToken('op-regus-full', PARTNER, 'full');
    const sales = await api().get(`/v1/operator/sales?from=${DAY}&to=${DAY}&facilityId=${FACILITY}`, staff);
    expect(sales.status).toBe(200);
    const lines = sales.body.items.filter((line: { visitId?: string }) => line.visitId === id);
    expect(lines.map((line: { lineId: string; total: number }) => [line.lineId, line.total])).toEqual([
      [`correction:${id}:3/member`, -1100],
      [`correction:${id}:3/g1`, -1100],
      [`visit:${id}/member`, 2200],
      [`visit:${id}/g1`, 1925],
    ]);

    // the same correction again changes nothing
    const again = await correct(id, at(DAY, '11:00'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(corrected.body);
    expect(await totals(DAY)).toEqual(after);
    expect(await ledger().get(`correction:${id}:4`)).toBeUndefined();

    // a second correction (later again) adds its own differences on the corrected visit
    const later = await correct(id, at(DAY, '11:30'));
    expect(later.body).toMatchObject({ checkedOutAt: '2027-03-10T11:30:00+09:00', charge: { amount: 1500 } });
    expect((await ledger().get(`correction:${id}:4`))?.lines).toMatchObject([
      { lineId: 'member', quantity: 30, amount: 500 },
      { lineId: 'g1', quantity: 30, amount: 500 },
    ]);
    expect((await totals(DAY)).day).toMatchObject({ amount: after.day.amount + 1000, lines: after.day.lines + 2 });
  });

  it('refuses, writing nothing: a visit still in (409), an exit before the check-in or after its limit (422), an unknown visit (404)', async () => {
    const DAY = '2027-03-11';
    await setClock(at(DAY, '10:00'));
    const { token } = await newMember(api(), 'premium', '2027-03-01');
    const visit = (await api().post('/v1/visits', { qrValue: QR }, token)).body;
    await setClock(at(DAY, '10:30'));
    expect((await correct(visit.id, at(DAY, '10:20'))).body).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await api().post(`/v1/visits/${visit.id}/checkout`, { qrValue: QR }, token)).status).toBe(200);
    const before = await totals(DAY);
    const stored = (await api().get(`/v1/visits/${visit.id}`, token)).body;
    await setClock(at(DAY, '20:00'));
    for (const exit of [at(DAY, '09:59'), at(DAY, '10:00'), at(DAY, '14:01')]) {
      expect((await correct(visit.id, exit)).body, exit).toMatchObject({ status: 422, code: 'INVALID_DURATION' });
    }
    expect((await correct('00000000-0000-4000-8000-00000000dead', at(DAY, '10:20'))).status).toBe(404);
    expect((await api().get(`/v1/visits/${visit.id}`, token)).body).toEqual(stored);
    expect(await totals(DAY)).toEqual(before);
  });
});

describe('the period of the visit’s use date', () => {
  it('takes corrections until 24:00 of its 20th, and none after (409), writing nothing', async () => {
    const DAY = '2027-03-12';
    const { token, id } = await visitOutAtNoon(DAY);
    const stored = (await api().get(`/v1/visits/${id}`, token)).body;
    const before = await totals(DAY);
    await setClock('2027-03-21T00:00:00+09:00');
    const refused = await correct(id, at(DAY, '11:00'));
    expect(refused.body).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await api().get(`/v1/visits/${id}`, token)).body).toEqual(stored);
    expect(await totals(DAY)).toEqual(before);
    expect(await ledger().get(`correction:${id}:3`)).toBeUndefined();
    // a moment before the close it was still open
    await setClock('2027-03-20T23:59:59+09:00');
    expect((await correct(id, at(DAY, '11:00'))).status).toBe(200);
  });

  it('takes none once the period’s settlement run started, even before the close (the run item is checked in the transaction)', async () => {
    const DAY = '2027-08-04';
    const { token, id } = await visitOutAtNoon(DAY);
    const stored = (await api().get(`/v1/visits/${id}`, token)).body;
    const before = await totals(DAY);
    const { doc, tableName } = tableContext();
    await new SettlementRunRepository(doc, tableName).start('2027-08', Date.parse(at(DAY, '13:00')));
    await setClock(at(DAY, '13:00'));
    expect((await correct(id, at(DAY, '11:00'))).body).toMatchObject({ status: 409, code: 'INVALID_STATE' });
    expect((await api().get(`/v1/visits/${id}`, token)).body).toEqual(stored);
    expect(await totals(DAY)).toEqual(before);
    expect(await ledger().get(`correction:${id}:3`)).toBeUndefined();
  });
});
