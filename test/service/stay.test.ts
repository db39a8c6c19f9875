import { describe, expect, it, vi } from 'vitest';
import type { Reservation } from '../../lambdas/domain/model';
import { checkIn, checkout, type StayPorts, unlock } from '../../lambdas/modules/stay/service';
import { closeStay } from '../../lambdas/modules/stay/timers';
import { logger } from '../../lambdas/platform/instrument';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { makeFacility, makeSpace, tokyo } from '../fixtures/domain';
import {
  FakeDoors,
  FakeLedger,
  FakeReservations,
  FakeUnlockCommands,
  fakeOutbox,
  makeReservation,
  sequentialIds,
} from './fakes';

const space = makeSpace({ doorIds: ['door-1', 'keypad-1'] });
const facility = makeFacility({
  facilityId: 'fac-1',
  doors: [
    { doorId: 'door-1', name: 'Front', keyType: 'smartLock' },
    { doorId: 'keypad-1', name: 'Side', keyType: 'keypad' },
  ],
});
const confirmed = makeReservation();

function world(reservation: Reservation = confirmed) {
  const reservations = new FakeReservations();
  reservations.byId.set(reservation.reservationId, reservation);
  const unlockCommands = new FakeUnlockCommands();
  const doors = new FakeDoors();
  const deps: StayPorts = {
    reservations,
    spaces: { getSpace: async (id) => (id === space.spaceId ? space : undefined) },
    facilities: { getFacility: async (id) => (id === facility.facilityId ? facility : undefined) },
    unlockCommands,
    doors,
    ledger: new FakeLedger(),
    ids: sequentialIds(),
    keypadCodes: { next: () => '042917' },
  };
  return { deps, reservations, unlockCommands, doors };
}

const atDoor = tokyo('2024-06-10T09:58');

/** What the forced-checkout timer reads and writes, over the fakes. */
const timerRepos = (reservations: FakeReservations, doors: FakeDoors) => {
  const { deps } = world();
  return {
    reservations,
    doors,
    spaces: deps.spaces,
    facilities: deps.facilities,
    ledger: new FakeLedger(),
    outbox: fakeOutbox,
  };
};

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
  it('writes the member’s mail with a forced checkout, and none with a no-show', async () => {
    const inside = { ...confirmed, status: 'checkedIn' as const };
    const { reservations } = world(inside);
    const closedAt = tokyo('2024-06-10T11:05');
    expect(await closeStay(timerRepos(reservations, new FakeDoors()), inside.reservationId, closedAt)).toEqual({
      action: 'done',
      outcome: 'forcedCheckout',
    });
    expect(reservations.messagesOfLastWrite()).toEqual([
      expect.objectContaining({
        kind: 'forcedCheckout',
        reservationId: inside.reservationId,
        memberId: inside.memberId,
        closedAt: '2024-06-10T11:05:00+09:00',
      }),
    ]);
    const absent = world(confirmed).reservations;
    expect(await closeStay(timerRepos(absent, new FakeDoors()), confirmed.reservationId, closedAt)).toMatchObject({
      outcome: 'noShow',
    });
    expect(absent.messagesOfLastWrite()).toEqual([]);
  });

  it('throws after the stale retries, so that the state machine retries the task', async () => {
    const { reservations } = world({ ...confirmed, status: 'checkedIn' });
    reservations.staleWrites = true;
    await expect(
      closeStay(timerRepos(reservations, new FakeDoors()), confirmed.reservationId, tokyo('2024-06-10T11:05')),
    ).rejects.toThrow('kept changing');
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
  });
});

describe('exit unlock after checkout (never locked in)', () => {
  const checkedOutAt = tokyo('2024-06-10T10:40');
  const out: Reservation = { ...confirmed, status: 'checkedOut', checkedInAt: atDoor, checkedOutAt };

  it('records an exit command within 5 minutes, conditioned on that same checkout, and sends it', async () => {
    const { deps, reservations, doors, unlockCommands } = world(out);
    const { command } = await unlock(deps, 'member-1', out.reservationId, 'door-1', checkedOutAt + 60_000, 'exit');
    expect(command).toMatchObject({ purpose: 'exit', status: 'sent', doorId: 'door-1' });
    expect(reservations.extras).toHaveLength(1);
    expect(unlockCommands.byId.get(command.commandId)?.purpose).toBe('exit');
    expect(doors.sent).toEqual([{ doorId: 'door-1', commandId: command.commandId }]);
  });

  it('writes and sends nothing when the checkout changed under it (the write is conditioned on checkedOutAt)', async () => {
    const { deps, reservations, doors } = world(out);
    // the member reads one checkout; by the time of the write the stored reservation has another one
    deps.reservations = { ...deps.reservations, get: async () => ({ ...out, checkedOutAt: checkedOutAt - 1 }) };
    await expect(
      unlock(deps, 'member-1', out.reservationId, 'door-1', checkedOutAt + 60_000, 'exit'),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(reservations.extras).toEqual([]);
    expect(doors.sent).toEqual([]);
  });

  it.each([
    ['a re-entry after checkout', out, checkedOutAt + 60_000, 'reentry'],
    ['an exit 5 minutes after checkout', out, checkedOutAt + 5 * 60_000, 'exit'],
    ['an exit after a forced checkout', { ...out, status: 'forcedCheckout' }, checkedOutAt + 60_000, 'exit'],
  ] as const)('refuses %s with INVALID_STATE', async (_, reservation, now, purpose) => {
    const { deps, doors } = world(reservation as Reservation);
    await expect(unlock(deps, 'member-1', out.reservationId, 'door-1', now, purpose)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      status: 409,
    });
    expect(doors.sent).toEqual([]);
  });
});

describe('keypad doors', () => {
  const validUntil = tokyo('2024-06-10T11:05');

  it('a check-in at a keypad door stores the code with the stay change and sends it after the write', async () => {
    const { deps, reservations, doors } = world();
    const { reservation } = await checkIn(deps, 'member-1', confirmed.reservationId, 'keypad-1', atDoor);
    const keypad = { doorId: 'keypad-1', code: '042917', validFrom: atDoor, validUntil, withdrawnAt: null };
    expect(reservation.keypad).toEqual(keypad);
    expect(reservations.byId.get(confirmed.reservationId)?.keypad).toEqual(keypad);
    expect(doors.codes).toEqual([
      {
        doorId: 'keypad-1',
        message: {
          action: 'add',
          code: '042917',
          reservationId: confirmed.reservationId,
          validFrom: '2024-06-10T09:58:00+09:00',
          validUntil: '2024-06-10T11:05:00+09:00',
        },
      },
    ]);
  });

  it('a check-in at a smart-lock door issues no code', async () => {
    const { deps, doors } = world();
    const { reservation } = await checkIn(deps, 'member-1', confirmed.reservationId, 'door-1', atDoor);
    expect(reservation.keypad).toBeUndefined();
    expect(doors.codes).toEqual([]);
  });

  it('checkout withdraws the code in the checkout write, then removes it from the door', async () => {
    const { deps, reservations, doors } = world();
    await checkIn(deps, 'member-1', confirmed.reservationId, 'keypad-1', atDoor);
    const leaving = tokyo('2024-06-10T10:40');
    await checkout(deps, 'member-1', confirmed.reservationId, 'door-1', leaving);
    expect(reservations.byId.get(confirmed.reservationId)?.keypad?.withdrawnAt).toBe(leaving);
    expect(doors.codes.map((c) => [c.doorId, c.message.action, c.message.code])).toEqual([
      ['keypad-1', 'add', '042917'],
      ['keypad-1', 'remove', '042917'],
    ]);
  });

  it('the forced checkout withdraws the code and removes it from the door', async () => {
    const { deps, reservations, doors } = world();
    await checkIn(deps, 'member-1', confirmed.reservationId, 'keypad-1', atDoor);
    const answer = await closeStay(timerRepos(reservations, doors), confirmed.reservationId, validUntil);
    expect(answer).toEqual({ action: 'done', outcome: 'forcedCheckout' });
    expect(reservations.byId.get(confirmed.reservationId)?.keypad?.withdrawnAt).toBe(validUntil);
    expect(doors.codes.map((c) => c.message.action)).toEqual(['add', 'remove']);
  });

  it('a failed code publish is logged; the check-in stands and shows the code', async () => {
    const { deps, doors } = world();
    doors.down = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const { reservation } = await checkIn(deps, 'member-1', confirmed.reservationId, 'keypad-1', atDoor);
    expect(reservation).toMatchObject({ status: 'checkedIn', keypad: { code: '042917' } });
    expect(logged).toHaveBeenCalledWith('Keypad code publish failed', expect.objectContaining({ action: 'add' }));
    logged.mockRestore();
  });
});
