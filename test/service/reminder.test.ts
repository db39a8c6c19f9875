/**
 * The reminder timer's task over the fakes: it writes the member's reminder once, an hour before a booking still
 * confirmed, and nothing for a booking cancelled, checked in or gone; woken early it waits.
 */
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../contracts/events';
import { outboxIdOf } from '../../contracts/outbox';
import type { Facility, Reservation, Space } from '../../lambdas/domain/model';
import { sendReminder } from '../../lambdas/modules/booking/reminder';
import type { TaggedItem } from '../../lambdas/platform/dynamo/transactions';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { tokyo } from '../fixtures/domain';
import { FakeReservations, makeReservation } from './fakes';

const booking = makeReservation({ number: 'R-1234-5678-9012' });
const due = tokyo('2024-06-10T09:00');

/** The outbox as the task sees it: the items it wrote (put only if absent in the real store), by id. */
class FakeOutbox {
  readonly ids = new Set<string>();
  written = (message: OutboxMessage): TaggedItem => ({
    item: { Put: { TableName: 't', Item: { outboxId: outboxIdOf(message), message } } },
    onConditionFailed: 'stale',
  });
  get = async (outboxId: string) =>
    this.ids.has(outboxId) ? { outboxId, message: {}, createdAt: '2024-06-10T00:00:00.000Z' } : undefined;
}

function world(reservation: Reservation = booking) {
  const reservations = new FakeReservations();
  reservations.byId.set(reservation.reservationId, reservation);
  const outbox = new FakeOutbox();
  const deps = {
    reservations,
    outbox,
    facilities: {
      getFacility: async (id: string) => (id === 'fac-1' ? ({ name: 'H1T 両国' } as Facility) : undefined),
    },
    spaces: { getSpace: async (id: string) => (id === 'space-1' ? ({ name: '個室A' } as Space) : undefined) },
  };
  return { deps, reservations, outbox };
}

/** The outbox messages the task's successful writes carried. */
const mailsWritten = (reservations: FakeReservations): unknown[] =>
  reservations.extras.flat().map((t) => t.item.Put?.Item?.message);

describe('sendReminder (the reminder timer’s task)', () => {
  it('an hour before the start, writes one reminder to the member, the booking unchanged', async () => {
    const { deps, reservations } = world();
    await expect(sendReminder(deps, booking.reservationId, due)).resolves.toEqual({
      action: 'done',
      outcome: 'reminded',
    });
    expect(mailsWritten(reservations)).toEqual([
      {
        kind: 'bookingReminder',
        reservationId: booking.reservationId,
        reservationNumber: 'R-1234-5678-9012',
        memberId: 'member-1',
        facilityId: 'fac-1',
        spaceId: 'space-1',
        facilityName: 'H1T 両国',
        spaceName: '個室A',
        start: '2024-06-10T10:00:00+09:00',
        end: '2024-06-10T11:00:00+09:00',
      },
    ]);
    // a check on the booking, not a change of it: its version stays
    expect(reservations.byId.get(booking.reservationId)).toEqual(booking);
  });

  it('woken early (the clocks differ by a moment), waits until an hour before the start', async () => {
    const { deps, reservations } = world();
    await expect(sendReminder(deps, booking.reservationId, due - 1_000)).resolves.toEqual({
      action: 'wait',
      reservationId: booking.reservationId,
      dueAt: '2024-06-10T00:00:00.000Z',
    });
    expect(reservations.writes).toBe(0);
  });

  it.each([
    ['cancelled', makeReservation({ status: 'cancelled' }), due],
    ['checked in already', makeReservation({ status: 'checkedIn', checkedInAt: due - 60_000 }), due],
    ['run late, at the start', booking, booking.start],
  ])('writes nothing for a booking %s', async (_case, reservation, now) => {
    const { deps, reservations } = world(reservation);
    await expect(sendReminder(deps, reservation.reservationId, now)).resolves.toEqual({
      action: 'done',
      outcome: 'nothing',
    });
    expect(reservations.writes).toBe(0);
  });

  it('writes nothing for a booking gone', async () => {
    const { deps } = world();
    await expect(sendReminder(deps, 'no-such-booking', due)).resolves.toEqual({ action: 'done', outcome: 'missing' });
  });

  it('a retried task finds its reminder written (the put-if-absent makes its write stale) and writes nothing twice', async () => {
    const { deps, reservations, outbox } = world();
    outbox.ids.add(`bookingReminder:${booking.reservationId}`);
    reservations.staleWrites = true;
    await expect(sendReminder(deps, booking.reservationId, due)).resolves.toEqual({
      action: 'done',
      outcome: 'reminded',
    });
    expect(reservations.writes).toBe(1);
    expect(mailsWritten(reservations)).toEqual([]);
  });

  it('a booking cancelled between the read and the write: decided again, nothing written', async () => {
    const { deps, reservations } = world();
    const whileInStatus = reservations.whileInStatus;
    reservations.whileInStatus = (reservation, status, extra, same) => {
      // the member cancels while the task works: its check finds the booking moved
      reservations.byId.set(booking.reservationId, { ...booking, status: 'cancelled', version: booking.version + 1 });
      return whileInStatus(reservation, status, extra, same);
    };
    await expect(sendReminder(deps, booking.reservationId, due)).resolves.toEqual({
      action: 'done',
      outcome: 'nothing',
    });
    expect(mailsWritten(reservations)).toEqual([]);
  });

  it('a booking changed (extended) between the read and the write: the reminder tells of it as it is now', async () => {
    const { deps, reservations } = world();
    const extended = { ...booking, end: tokyo('2024-06-10T12:00'), version: booking.version + 1 };
    let moved = false;
    const whileInStatus = reservations.whileInStatus;
    reservations.whileInStatus = (reservation, status, extra, same) => {
      if (!moved) reservations.byId.set(booking.reservationId, extended);
      moved = true;
      return whileInStatus(reservation, status, extra, same);
    };
    await sendReminder(deps, booking.reservationId, due);
    expect(mailsWritten(reservations)).toEqual([expect.objectContaining({ end: '2024-06-10T12:00:00+09:00' })]);
  });

  it('throws after the stale retries when its write keeps failing and wrote nothing (the state machine retries)', async () => {
    const { deps, reservations } = world();
    reservations.staleWrites = true;
    await expect(sendReminder(deps, booking.reservationId, due)).rejects.toThrow(/kept changing/);
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
  });
});
