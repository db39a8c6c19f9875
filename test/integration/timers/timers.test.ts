import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../lib/local/stack';
import { at, newMember } from '../booking/fixtures';
import { client, operatorToken, startTestStack } from '../support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const DAY = '2026-11-25';

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const setClock = async (now: string) => {
  const answer = await api.post('/local/clock', { now });
  expect(answer.status).toBe(200);
};
const status = async (token: string, id: string) => (await api.get(`/v1/reservations/${id}`, token)).body.status;

async function checkedInStay(spaceId: string, doorId: string, start: string, end: string) {
  const { token } = await newMember(api, 'premium');
  await setClock(NOW);
  const created = await api.post('/v1/reservations', { spaceId, start, end }, token);
  expect(created.status).toBe(201);
  await setClock(start);
  const checkIn = await api.post(`/v1/reservations/${created.body.id}/check-in`, { doorId }, token);
  expect(checkIn.status).toBe(200);
  return { token, id: created.body.id as string };
}

describe('forced checkout', () => {
  it('leaves the member in until deadline + 5 minutes, then checks them out and opens no door', async () => {
    const { token, id } = await checkedInStay(
      'h1t-kudanshita-room',
      'h1t-kudanshita-front',
      at(DAY, '10:00'),
      at(DAY, '11:00'),
    );
    await setClock(at(DAY, '11:04'));
    expect(await status(token, id)).toBe('checkedIn');
    await setClock(at(DAY, '11:05'));
    const closed = await api.get(`/v1/reservations/${id}`, token);
    expect(closed.body).toMatchObject({ status: 'forcedCheckout', checkedOutAt: '2026-11-25T11:05:00+09:00' });
    const unlock = await api.post(`/v1/reservations/${id}/unlock`, { doorId: 'h1t-kudanshita-front' }, token);
    expect(unlock).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 2, held: 0 });
  });

  it('acts at the extended deadline, never the old one', async () => {
    // The TIMEWORK desk allows extension during the stay (the demo H1T spaces allow none).
    const { token, id } = await checkedInStay('tw-shibuya-desk', 'tw-shibuya-door', at(DAY, '12:00'), at(DAY, '13:00'));
    await setClock(at(DAY, '12:50'));
    const extended = await api.post(`/v1/reservations/${id}/extend`, { minutes: 30 }, token);
    expect(extended.body.end).toBe('2026-11-25T13:30:00+09:00');
    await setClock(at(DAY, '13:06'));
    expect(await status(token, id)).toBe('checkedIn');
    await setClock(at(DAY, '13:34'));
    expect(await status(token, id)).toBe('checkedIn');
    await setClock(at(DAY, '13:35'));
    expect(await status(token, id)).toBe('forcedCheckout');
  });

  it('marks a booking never checked in as a no-show and consumes its uses', async () => {
    const { token } = await newMember(api, 'premium');
    await setClock(NOW);
    const created = await api.post(
      '/v1/reservations',
      { spaceId: 'h1t-ryogoku-box', start: at(DAY, '14:00'), end: at(DAY, '15:00') },
      token,
    );
    await setClock(at(DAY, '15:04'));
    expect(await status(token, created.body.id)).toBe('confirmed');
    await setClock(at(DAY, '15:05'));
    expect(await status(token, created.body.id)).toBe('noShow');
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 1, held: 0 });
  });

  it('still closes the stay exactly once when the first task attempt fails', async () => {
    const { token, id } = await checkedInStay(
      'solotime-shibuya-room',
      'solotime-shibuya-door',
      at(DAY, '16:00'),
      at(DAY, '17:00'),
    );
    stack.timers.injectFailures('CloseStay', 1);
    await setClock(at(DAY, '17:05'));
    expect(await status(token, id)).toBe('forcedCheckout');
    const execution = stack.timers.list().find((e) => e.name === `checkout-${id}`);
    expect(execution?.status).toBe('SUCCEEDED');
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 1, held: 0 });
  });

  it('lets the sweeper close a stay whose timer failed for good', async () => {
    const { token, id } = await checkedInStay(
      'solotime-shibuya-booth',
      'solotime-shibuya-door',
      at(DAY, '18:00'),
      at(DAY, '18:30'),
    );
    stack.timers.injectFailures('CloseStay', 100);
    await setClock(at(DAY, '18:35'));
    stack.timers.injectFailures('CloseStay', -100);
    const execution = stack.timers.list().find((e) => e.name === `checkout-${id}`);
    expect(execution?.status).toBe('FAILED');
    expect(stack.timers.deadLetters).toContain(execution);
    // The sweeper ran at the same clock move, after the timer failed.
    expect(await status(token, id)).toBe('forcedCheckout');
  });
});

describe('booking requests', () => {
  it('cancels an unanswered request at 01:00 on the second day after it was made, and gives back its uses', async () => {
    const { token } = await newMember(api, 'basic', '2026-11-20');
    await setClock('2026-12-10T14:24:00+09:00');
    const created = await api.post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-room-a', start: at('2026-12-15', '10:00'), end: at('2026-12-15', '11:00') },
      token,
    );
    expect(created.body).toMatchObject({ status: 'requested', requestExpiresAt: '2026-12-12T01:00:00+09:00' });
    expect((await api.get('/v1/me', token)).body.uses.held).toBe(1);
    await setClock('2026-12-12T00:59:00+09:00');
    expect(await status(token, created.body.id)).toBe('requested');
    await setClock('2026-12-12T01:00:00+09:00');
    expect(await status(token, created.body.id)).toBe('autoCancelled');
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 0, held: 0 });
    const slots = (await api.get('/v1/spaces/tw-shibuya-room-a/availability?date=2026-12-15', token)).body.slots;
    expect(slots.find((s: { start: string }) => s.start === at('2026-12-15', '10:00')).remaining).toBe(1);
  });

  it('cancels a request starting before 01:00 on the second day at its start; the partner cannot answer it after', async () => {
    const { token } = await newMember(api, 'basic', '2026-11-20');
    await setClock('2026-12-10T14:24:00+09:00');
    const created = await api.post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-room-a', start: at('2026-12-11', '10:00'), end: at('2026-12-11', '11:00') },
      token,
    );
    expect(created.body).toMatchObject({ status: 'requested', requestExpiresAt: '2026-12-11T10:00:00+09:00' });
    await setClock('2026-12-11T09:59:00+09:00');
    expect(await status(token, created.body.id)).toBe('requested');
    await setClock('2026-12-11T10:00:00+09:00');
    expect(await status(token, created.body.id)).toBe('autoCancelled');
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 0, held: 0 });
    const full = operatorToken('op-tw-full', 'partner-tw', 'full');
    await setClock('2026-12-11T23:00:00+09:00');
    const approve = await api.post(`/v1/operator/booking-requests/${created.body.id}/approve`, undefined, full);
    expect(approve).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 0, held: 0 });
  });

  it('a member cancels an unanswered request free and gets the use back, even on the day', async () => {
    const { token } = await newMember(api, 'basic', '2026-11-20');
    await setClock('2026-12-10T14:24:00+09:00');
    const created = await api.post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-room-a', start: at('2026-12-11', '11:00'), end: at('2026-12-11', '12:00') },
      token,
    );
    expect(created.body.status).toBe('requested');
    await setClock('2026-12-11T10:30:00+09:00');
    const cancelled = await api.post(`/v1/reservations/${created.body.id}/cancel`, undefined, token);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', cancellationFee: 0 } });
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ used: 0, held: 0 });
  });
});

describe('answering booking requests', () => {
  const full = operatorToken('op-tw-full', 'partner-tw', 'full');
  const staff = operatorToken('op-tw-staff', 'partner-tw', 'staff');
  const usage = operatorToken('op-tw-usage', 'partner-tw', 'usage');
  const otherPartner = operatorToken('op-h1t-full', 'partner-h1t', 'full');

  async function request(date: string) {
    const { token } = await newMember(api, 'premium');
    await setClock('2026-12-10T14:24:00+09:00');
    const created = await api.post(
      '/v1/reservations',
      { spaceId: 'tw-shibuya-room-a', start: at(date, '10:00'), end: at(date, '11:00') },
      token,
    );
    expect(created.body.status).toBe('requested');
    return { token, id: created.body.id as string };
  }

  it('lists requests to the partner’s full, staff and usage operators, without the member’s identity', async () => {
    const { id } = await request('2026-12-16');
    const listed = await api.get('/v1/operator/booking-requests?facilityId=tw-shibuya', staff);
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((r: { id: string }) => r.id === id);
    expect(item).toMatchObject({ status: 'requested', memberNumber: expect.stringMatching(/^TW/) });
    expect(item).not.toHaveProperty('memberId');
    expect(
      (await api.get('/v1/operator/booking-requests', full)).body.items.map((r: { id: string }) => r.id),
    ).toContain(id);
    expect((await api.get('/v1/operator/booking-requests', otherPartner)).body.items).toEqual([]);
    const read = await api.get('/v1/operator/booking-requests', usage);
    expect(read.status).toBe(200);
    expect(read.body.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('filters by space and by the start date in facility time (from/to inclusive), and validates the range', async () => {
    const { id } = await request('2026-12-21');
    const list = async (query: string) => {
      const answer = await api.get(`/v1/operator/booking-requests?${query}`, usage);
      expect(answer.status).toBe(200);
      return answer.body.items.map((r: { id: string }) => r.id) as string[];
    };
    expect(await list('spaceId=tw-shibuya-room-a')).toContain(id);
    expect(await list('spaceId=tw-shibuya-desk')).not.toContain(id);
    expect(await list('from=2026-12-21&to=2026-12-21')).toContain(id);
    expect(await list('facilityId=tw-shibuya&spaceId=tw-shibuya-room-a&from=2026-12-01&to=2026-12-21')).toContain(id);
    expect(await list('to=2026-12-20')).not.toContain(id);
    expect(await list('from=2026-12-22')).not.toContain(id);
    const reversed = await api.get('/v1/operator/booking-requests?from=2026-12-22&to=2026-12-21', usage);
    expect(reversed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const fields = reversed.body.errors.map((e: { field?: string; path?: string }) => JSON.stringify(e)).join(' ');
    expect(fields).toContain('from');
    expect(fields).toContain('to');
    const notADate = await api.get('/v1/operator/booking-requests?from=2026-12-32', usage);
    expect(notADate).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(notADate.body.errors)).toContain('from');
  });

  it('approves: confirmed, and the request timer leaves it alone', async () => {
    const { token, id } = await request('2026-12-17');
    expect((await api.post(`/v1/operator/booking-requests/${id}/approve`, undefined, staff)).status).toBe(403);
    expect((await api.post(`/v1/operator/booking-requests/${id}/approve`, undefined, otherPartner)).status).toBe(404);
    const approved = await api.post(`/v1/operator/booking-requests/${id}/approve`, undefined, full);
    expect(approved).toMatchObject({ status: 200, body: { id, status: 'confirmed' } });
    await setClock('2026-12-12T01:00:00+09:00');
    expect(await status(token, id)).toBe('confirmed');
    const again = await api.post(`/v1/operator/booking-requests/${id}/reject`, undefined, full);
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect(
      (await api.get('/v1/operator/booking-requests', full)).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(id);
  });

  it('rejects: rejected, slot and uses released, and the answer is final', async () => {
    const { token, id } = await request('2026-12-18');
    const rejected = await api.post(`/v1/operator/booking-requests/${id}/reject`, undefined, full);
    expect(rejected).toMatchObject({ status: 200, body: { status: 'rejected' } });
    expect(await status(token, id)).toBe('rejected');
    expect((await api.get('/v1/me', token)).body.uses).toMatchObject({ held: 0, used: 0 });
    const slots = (await api.get('/v1/spaces/tw-shibuya-room-a/availability?date=2026-12-18', token)).body.slots;
    expect(slots.find((s: { start: string }) => s.start === at('2026-12-18', '10:00')).remaining).toBe(1);
    const approve = await api.post(`/v1/operator/booking-requests/${id}/approve`, undefined, full);
    expect(approve).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
  });
});
