import { describe, expect, it, vi } from 'vitest';
import { approveRequest, expireRequest, rejectRequest } from '../../lambdas/modules/requests/service';
import { logger } from '../../lambdas/platform/instrument';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { tokyo } from '../fixtures/domain';
import { FakeReservations, FakeTimers, makeReservation } from './fakes';

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
  return { deps: { reservations, timers }, reservations, timers };
}
const now = tokyo('2024-06-11T09:00');

describe('answering booking requests', () => {
  it('approval stands when the forced-checkout timer cannot be started (logged)', async () => {
    const { deps, reservations, timers } = world();
    timers.down = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const confirmed = await approveRequest(deps, 'partner-1', requested.reservationId, now);
    expect(confirmed.status).toBe('confirmed');
    expect(reservations.byId.get(requested.reservationId)?.status).toBe('confirmed');
    expect(timers.attempts).toBe(1);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('approval starts the forced-checkout timer', async () => {
    const { deps, timers } = world();
    await approveRequest(deps, 'partner-1', requested.reservationId, now);
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
