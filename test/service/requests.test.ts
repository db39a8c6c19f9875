import { describe, expect, it, vi } from 'vitest';
import type { Facility, Space } from '../../lambdas/domain/model';
import { approveRequest, expireRequest, listRequests, rejectRequest } from '../../lambdas/modules/requests/service';
import { logger } from '../../lambdas/platform/instrument';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { tokyo } from '../fixtures/domain';
import { FakeReservations, FakeTimers, fakeOutbox, makeReservation } from './fakes';

const requested = makeReservation({
  reservationId: '22222222-2222-4222-8222-222222222222',
  start: tokyo('2024-06-14T10:00'),
  end: tokyo('2024-06-14T11:00'),
  status: 'requested',
  bookingType: 'request',
  requestExpiresAt: tokyo('2024-06-12T01:00'),
  createdAt: tokyo('2024-06-10T14:24'),
  ledger: { memberPeriod: '2024-06-01', companyId: null, companyMonth: null, dailyDate: null },
});

function world() {
  const reservations = new FakeReservations();
  reservations.byId.set(requested.reservationId, requested);
  const timers = new FakeTimers();
  const deps = {
    reservations,
    timers,
    facilities: {
      getFacility: async (id: string) => (id === 'fac-1' ? ({ name: 'TIMEWORK 渋谷' } as Facility) : undefined),
    },
    spaces: { getSpace: async (id: string) => (id === 'space-1' ? ({ name: '会議室A' } as Space) : undefined) },
    outbox: fakeOutbox,
  };
  return { deps, reservations, timers };
}

const mailOf = (kind: string) => ({
  kind,
  reservationId: requested.reservationId,
  reservationNumber: requested.reservationId,
  memberId: 'member-1',
  facilityId: 'fac-1',
  spaceId: 'space-1',
  facilityName: 'TIMEWORK 渋谷',
  spaceName: '会議室A',
  start: '2024-06-14T10:00:00+09:00',
  end: '2024-06-14T11:00:00+09:00',
});
const now = tokyo('2024-06-11T09:00');

describe('answering booking requests', () => {
  it('approval stands when the forced-checkout timer cannot be started (logged)', async () => {
    const { deps, reservations, timers } = world();
    timers.down = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const confirmed = await approveRequest(deps, 'partner-1', requested.reservationId, now);
    expect(confirmed.status).toBe('confirmed');
    expect(reservations.byId.get(requested.reservationId)?.status).toBe('confirmed');
    // each timer tried on its own, each failure logged
    expect(timers.attempts).toBe(2);
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });

  it('approval starts the forced-checkout timer, and the reminder when approved more than an hour before the start', async () => {
    const { deps, timers } = world();
    await approveRequest(deps, 'partner-1', requested.reservationId, now);
    expect(timers.started.map((t) => t.name)).toEqual([
      `checkout-${requested.reservationId}`,
      `reminder-${requested.reservationId}`,
    ]);
  });

  it('approval within the hour before the start starts no reminder (counted from the approval, not the request)', async () => {
    const { deps, reservations, timers } = world();
    // requested a day ahead, for 10:00 tomorrow (it expires at its start), approved at 09:01
    const start = tokyo('2024-06-12T10:00');
    const tomorrow = { ...requested, start, end: start + 60 * 60_000, requestExpiresAt: start };
    reservations.byId.set(requested.reservationId, tomorrow);
    await approveRequest(deps, 'partner-1', requested.reservationId, tokyo('2024-06-12T09:01'));
    expect(timers.started.map((t) => t.name)).toEqual([`checkout-${requested.reservationId}`]);
  });

  it.each([
    ['approve', approveRequest],
    ['reject', rejectRequest],
  ] as const)('%s gives up after the stale retries and changes nothing', async (_name, answer) => {
    const { deps, reservations, timers } = world();
    reservations.staleWrites = true;
    await expect(answer(deps, 'partner-1', requested.reservationId, now)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
    expect(reservations.byId.get(requested.reservationId)).toEqual(requested);
    expect(timers.attempts).toBe(0);
  });

  it.each([
    ['approve', approveRequest, 'requestApproved'],
    ['reject', rejectRequest, 'requestRejected'],
  ] as const)('%s writes the member’s mail in its own transaction', async (_name, answer, kind) => {
    const { deps, reservations } = world();
    await answer(deps, 'partner-1', requested.reservationId, now);
    expect(reservations.writes).toBe(1);
    expect(reservations.messagesOfLastWrite()).toEqual([mailOf(kind)]);
  });

  it('a rejection’s reason goes into the member’s mail', async () => {
    const { deps, reservations } = world();
    await rejectRequest(deps, 'partner-1', requested.reservationId, now, '設備点検のため');
    expect(reservations.messagesOfLastWrite()).toEqual([{ ...mailOf('requestRejected'), reason: '設備点検のため' }]);
  });

  it('the expiry timer writes the member’s auto-cancel mail in its transaction', async () => {
    const { deps, reservations } = world();
    await expireRequest(deps, requested.reservationId, tokyo('2024-06-12T01:00'));
    expect(reservations.messagesOfLastWrite()).toEqual([mailOf('requestAutoCancelled')]);
  });

  it('an answered request writes no second mail', async () => {
    const { deps, reservations } = world();
    await approveRequest(deps, 'partner-1', requested.reservationId, now);
    await expect(approveRequest(deps, 'partner-1', requested.reservationId, now)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await expireRequest(deps, requested.reservationId, tokyo('2024-06-12T01:00'))).toEqual({
      action: 'done',
      outcome: 'nothing',
    });
    expect(reservations.writes).toBe(1);
  });

  it('another partner’s request is 404', async () => {
    const { deps } = world();
    await expect(approveRequest(deps, 'partner-2', requested.reservationId, now)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('the expiry timer throws after the stale retries', async () => {
    const { deps, reservations } = world();
    reservations.staleWrites = true;
    await expect(expireRequest(deps, requested.reservationId, tokyo('2024-06-12T01:00'))).rejects.toThrow(
      'kept changing',
    );
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
  });
});

describe('a request is answered before it starts (§3, 004 §3-3-5)', () => {
  // Made 2024-06-10 14:24 for 2024-06-11 10:00: the start comes before 01:00 on the 12th.
  const early = {
    ...requested,
    start: tokyo('2024-06-11T10:00'),
    end: tokyo('2024-06-11T11:00'),
    requestExpiresAt: tokyo('2024-06-11T10:00'),
  };
  // Stored before the rule: an expiry after the start.
  const legacy = { ...early, requestExpiresAt: tokyo('2024-06-12T01:00') };

  it.each([
    ['approve', approveRequest],
    ['reject', rejectRequest],
  ] as const)('%s at or after the start is 409 INVALID_STATE and changes nothing', async (_name, answer) => {
    for (const stored of [early, legacy]) {
      for (const at of [tokyo('2024-06-11T10:00'), tokyo('2024-06-11T23:00')]) {
        const { deps, reservations } = world();
        reservations.byId.set(stored.reservationId, stored);
        await expect(answer(deps, 'partner-1', stored.reservationId, at)).rejects.toMatchObject({
          code: 'INVALID_STATE',
        });
        expect(reservations.byId.get(stored.reservationId)).toEqual(stored);
      }
    }
  });

  it('approve just before the start still confirms', async () => {
    const { deps, reservations } = world();
    reservations.byId.set(early.reservationId, early);
    const confirmed = await approveRequest(deps, 'partner-1', early.reservationId, tokyo('2024-06-11T09:59'));
    expect(confirmed.status).toBe('confirmed');
  });

  it('the expiry timer cancels at the start, even when the stored expiry is later', async () => {
    const { deps, reservations } = world();
    reservations.byId.set(legacy.reservationId, legacy);
    expect(await expireRequest(deps, legacy.reservationId, tokyo('2024-06-11T09:59'))).toEqual({
      action: 'wait',
      reservationId: legacy.reservationId,
      dueAt: new Date(tokyo('2024-06-11T10:00')).toISOString(),
    });
    expect(await expireRequest(deps, legacy.reservationId, tokyo('2024-06-11T10:00'))).toEqual({
      action: 'done',
      outcome: 'autoCancelled',
    });
    expect(reservations.byId.get(legacy.reservationId)?.status).toBe('autoCancelled');
  });
});

describe('listing requests (api.md: spaceId, from, to on the start date in facility time)', () => {
  const other = {
    ...requested,
    reservationId: '33333333-3333-4333-8333-333333333333',
    spaceId: 'space-2',
    start: tokyo('2024-06-15T10:00'),
    end: tokyo('2024-06-15T11:00'),
  };
  const ids = (items: { reservationId: string }[]) => items.map((r) => r.reservationId).sort();

  it.each([
    ['no filter', {}, [requested.reservationId, other.reservationId]],
    ['by space', { spaceId: 'space-2' }, [other.reservationId]],
    ['by one date', { from: '2024-06-14', to: '2024-06-14' }, [requested.reservationId]],
    ['from a date', { from: '2024-06-15' }, [other.reservationId]],
    ['to a date', { to: '2024-06-14' }, [requested.reservationId]],
    ['space and dates that exclude each other', { spaceId: 'space-2', to: '2024-06-14' }, []],
  ])('%s', async (_case, filter, expected) => {
    const { deps, reservations } = world();
    reservations.byId.set(other.reservationId, other);
    expect(ids(await listRequests(deps, 'partner-1', filter))).toEqual(expected.sort());
  });
});
