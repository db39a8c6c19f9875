import { describe, expect, it, vi } from 'vitest';
import type { Reservation } from '../../lambdas/domain/model';
import { checkIn, checkout, type StayPorts, unlock } from '../../lambdas/modules/stay/service';
import { closeStay } from '../../lambdas/modules/stay/timers';
import { logger } from '../../lambdas/platform/instrument';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { makeSpace, tokyo } from '../fixtures/domain';
import { FakeDoors, FakeReservations, FakeUnlockCommands, makeReservation, sequentialIds } from './fakes';

const space = makeSpace({ doorIds: ['door-1'] });
const confirmed = makeReservation();

function world(reservation: Reservation = confirmed) {
  const reservations = new FakeReservations();
  reservations.byId.set(reservation.reservationId, reservation);
  const unlockCommands = new FakeUnlockCommands();
  const doors = new FakeDoors();
  const deps: StayPorts = {
    reservations,
    spaces: { getSpace: async (id) => (id === space.spaceId ? space : undefined) },
    unlockCommands,
    doors,
    ids: sequentialIds(),
  };
  return { deps, reservations, unlockCommands, doors };
}

const atDoor = tokyo('2024-06-10T09:58');

describe('check-in', () => {
  it('records the command with the stay change and sends it to the door', async () => {
    const { deps, reservations, doors } = world();
    const { reservation, command } = await checkIn(deps, 'member-1', confirmed.reservationId, 'door-1', atDoor);
    expect(reservation.status).toBe('checkedIn');
    expect(reservations.extras).toHaveLength(1);
    expect(doors.sent).toEqual([{ doorId: 'door-1', commandId: command.commandId }]);
    expect(command.status).toBe('sent');
  });

  it('when the door channel is down: the stay starts, the command is recorded as failed, not lost', async () => {
    const { deps, reservations, unlockCommands, doors } = world();
    doors.down = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const { reservation, command } = await checkIn(deps, 'member-1', confirmed.reservationId, 'door-1', atDoor);
    expect(reservation.status).toBe('checkedIn');
    expect(reservations.byId.get(confirmed.reservationId)?.status).toBe('checkedIn');
    expect(command).toMatchObject({ status: 'failed', reason: 'publish-failed', resultAt: atDoor });
    expect(unlockCommands.results).toEqual([
      { commandId: command.commandId, result: 'failed', reason: 'publish-failed' },
    ]);
    expect(unlockCommands.byId.get(command.commandId)?.status).toBe('failed');
    expect(logged).toHaveBeenCalledWith(
      'Unlock publish failed',
      expect.objectContaining({ commandId: command.commandId }),
    );
    logged.mockRestore();
  });

  it('gives up after the stale retries: no door opens, nothing changes', async () => {
    const { deps, reservations, doors } = world();
    reservations.staleWrites = true;
    await expect(checkIn(deps, 'member-1', confirmed.reservationId, 'door-1', atDoor)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      status: 409,
    });
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
    expect(doors.sent).toEqual([]);
    expect(reservations.byId.get(confirmed.reservationId)).toEqual(confirmed);
  });
});

describe('re-entry and checkout', () => {
  const inside: Reservation = { ...confirmed, status: 'checkedIn', checkedInAt: atDoor };

  it('a failed publish on re-entry answers the failed command', async () => {
    const { deps, doors } = world(inside);
    doors.down = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const { command } = await unlock(deps, 'member-1', inside.reservationId, 'door-1', tokyo('2024-06-10T10:30'));
    expect(command.status).toBe('failed');
    logged.mockRestore();
  });

  it('checkout gives up after the stale retries', async () => {
    const { deps, reservations, doors } = world(inside);
    reservations.staleWrites = true;
    await expect(
      checkout(deps, 'member-1', inside.reservationId, 'door-1', tokyo('2024-06-10T10:40')),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(doors.sent).toEqual([]);
    expect(reservations.byId.get(inside.reservationId)?.status).toBe('checkedIn');
  });
});

describe('the forced-checkout timer', () => {
  it('throws after the stale retries, so that the state machine retries the task', async () => {
    const { reservations } = world({ ...confirmed, status: 'checkedIn' });
    reservations.staleWrites = true;
    await expect(closeStay({ reservations }, confirmed.reservationId, tokyo('2024-06-10T11:05'))).rejects.toThrow(
      'kept changing',
    );
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
  });
});
