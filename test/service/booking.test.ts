import { describe, expect, it, vi } from 'vitest';
import { reservationResponse } from '../../contracts/http/booking';
import { operatorReservationResponse } from '../../contracts/http/requests';
import type { Member } from '../../lambdas/domain/model';
import { cancelReservation, createReservation, extendReservation } from '../../lambdas/modules/booking/service';
import { reservationView } from '../../lambdas/modules/booking/views';
import { operatorReservationView } from '../../lambdas/modules/requests/views';
import { logger } from '../../lambdas/platform/instrument';
import { ApiError } from '../../lambdas/platform/problems';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { makeFacility, makeSpace, requestSpace, tokyo } from '../fixtures/domain';
import { bookingWorld, FakeDoors, fixedDigits, makeReservation } from './fakes';

const member: Member = {
  memberId: 'member-1',
  memberNumber: 'TW000001',
  plan: 'premium',
  contractStart: '2024-06-01',
  companyId: null,
  companyName: null,
};
const facility = makeFacility();
const seat = makeSpace();
const request = { ...requestSpace, spaceId: 'space-request' };
const now = tokyo('2024-06-10T08:00');
const booking = {
  spaceId: seat.spaceId,
  start: tokyo('2024-06-10T10:00'),
  end: tokyo('2024-06-10T11:00'),
  options: [],
};

const world = () => bookingWorld({ facility, spaces: [seat, request], members: [member] });

describe('createReservation', () => {
  it('books and starts the forced-checkout timer, and the reminder of a booking made more than an hour ahead', async () => {
    const { deps, timers, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    expect(reservation.status).toBe('confirmed');
    expect(reservations.byId.get(reservation.reservationId)).toEqual(reservation);
    expect(timers.started).toEqual([
      {
        workflow: 'forced-checkout',
        name: `checkout-${reservation.reservationId}`,
        input: { reservationId: reservation.reservationId, dueAt: '2024-06-10T02:05:00.000Z' },
      },
      {
        workflow: 'reminder',
        name: `reminder-${reservation.reservationId}`,
        input: { reservationId: reservation.reservationId, dueAt: '2024-06-10T00:00:00.000Z' },
      },
    ]);
  });

  it('starts no reminder of a booking made within the hour before its start', async () => {
    const { deps, timers } = world();
    const reservation = await createReservation(deps, member.memberId, booking, tokyo('2024-06-10T09:30'));
    expect(timers.started.map((t) => t.name)).toEqual([`checkout-${reservation.reservationId}`]);
  });

  it('starts the expiry timer of a request', async () => {
    const { deps, timers } = world();
    const start = tokyo('2024-06-14T14:00');
    const inTwoDays = { spaceId: request.spaceId, start, end: start + 60 * 60_000, options: [] };
    const reservation = await createReservation(deps, member.memberId, inTwoDays, now);
    expect(reservation.status).toBe('requested');
    expect(timers.started.map((t) => t.workflow)).toEqual(['request-expiry']);
  });

  it('a request starting before 01:00 on the second day expires at its start (stored and timer)', async () => {
    const { deps, timers } = world();
    const start = tokyo('2024-06-11T09:00');
    const tomorrow = { spaceId: request.spaceId, start, end: start + 60 * 60_000, options: [] };
    const reservation = await createReservation(deps, member.memberId, tomorrow, now);
    expect(reservation.requestExpiresAt).toBe(start);
    expect(timers.started.map((t) => ('dueAt' in t.input ? t.input.dueAt : undefined))).toEqual([
      new Date(start).toISOString(),
    ]);
  });

  it('keeps the booking when the timer cannot be started, and says so in the log', async () => {
    const { deps, timers, reservations } = world();
    timers.down = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const reservation = await createReservation(deps, member.memberId, booking, now);
    expect(reservation.status).toBe('confirmed');
    expect(reservations.byId.get(reservation.reservationId)?.status).toBe('confirmed');
    // each timer tried on its own
    expect(timers.attempts).toBe(2);
    expect(timers.started).toEqual([]);
    expect(logged).toHaveBeenCalledWith(
      'Timer start failed',
      expect.objectContaining({ reservationId: reservation.reservationId }),
    );
    logged.mockRestore();
  });

  it('decides again on fresh state while the write is stale, then gives up with 409 INVALID_STATE', async () => {
    const { deps, reservations, timers } = world();
    reservations.staleWrites = true;
    const refusal = await createReservation(deps, member.memberId, booking, now).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: 'INVALID_STATE', status: 409 });
    expect(reservations.writes).toBe(1 + STALE_RETRIES);
    expect(reservations.byId.size).toBe(0);
    expect(timers.attempts).toBe(0);
  });
});

describe('the mails of a booking and of an extension, written with them (the outbox)', () => {
  it('an instant booking writes one bookingMade message, confirmed, with the booker as a facility may see them', async () => {
    const { deps, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    expect(reservations.messagesOfLastWrite()).toEqual([
      {
        kind: 'bookingMade',
        status: 'confirmed',
        reservationId: reservation.reservationId,
        reservationNumber: reservation.number,
        memberId: member.memberId,
        facilityId: facility.facilityId,
        spaceId: seat.spaceId,
        facilityName: facility.name,
        spaceName: seat.name,
        start: '2024-06-10T10:00:00+09:00',
        end: '2024-06-10T11:00:00+09:00',
        memberNumber: 'TW000001',
        companyName: null,
        requestExpiresAt: null,
      },
    ]);
  });

  it('a request’s message says when it is cancelled unless answered', async () => {
    const { deps, reservations } = world();
    const start = tokyo('2024-06-14T14:00');
    await createReservation(
      deps,
      member.memberId,
      { ...booking, spaceId: request.spaceId, start, end: start + 3_600_000 },
      now,
    );
    expect(reservations.messagesOfLastWrite()).toEqual([
      expect.objectContaining({
        kind: 'bookingMade',
        status: 'requested',
        requestExpiresAt: '2024-06-12T01:00:00+09:00',
      }),
    ]);
  });

  it('a refused booking writes nothing', async () => {
    const { deps, reservations } = world();
    await expect(
      createReservation(deps, member.memberId, { ...booking, end: booking.start }, now),
    ).rejects.toBeInstanceOf(ApiError);
    expect(reservations.extras).toEqual([]);
  });

  it('an extension writes the facility’s message, named by the version it makes', async () => {
    const { deps, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    reservations.byId.set(reservation.reservationId, { ...reservation, status: 'checkedIn' });
    await extendReservation(
      { ...deps, doors: new FakeDoors() },
      member.memberId,
      reservation.reservationId,
      30,
      tokyo('2024-06-10T10:50'),
    );
    expect(reservations.messagesOfLastWrite()).toEqual([
      expect.objectContaining({
        kind: 'reservationExtended',
        reservationId: reservation.reservationId,
        end: '2024-06-10T11:30:00+09:00',
        previousEnd: '2024-06-10T11:00:00+09:00',
        version: reservation.version + 1,
        memberNumber: 'TW000001',
      }),
    ]);
  });
});

describe('reservation numbers', () => {
  it('carries the number drawn for it, in the stored item and the member view', async () => {
    const { deps, reservations } = world();
    deps.reservationNumbers = fixedDigits('244775826513');
    const reservation = await createReservation(deps, member.memberId, booking, now);
    expect(reservation.number).toBe('R-2447-7582-6513');
    expect(reservations.byId.get(reservation.reservationId)?.number).toBe('R-2447-7582-6513');
    expect(reservationView(reservation)).toMatchObject({ id: reservation.reservationId, number: 'R-2447-7582-6513' });
    expect(reservationView(reservation)).not.toHaveProperty('companyName');
  });

  it('a number another reservation has is a stale write: the booking is decided again with a new number', async () => {
    const { deps, reservations } = world();
    reservations.numbers.add('R-2447-7582-6513');
    deps.reservationNumbers = fixedDigits('244775826513', '244775826513', '100000000007');
    const reservation = await createReservation(deps, member.memberId, booking, now);
    expect(reservation.number).toBe('R-1000-0000-0007');
    expect(reservations.writes).toBe(3);
    expect([...reservations.byId.values()].map((r) => r.number)).toEqual(['R-1000-0000-0007']);
  });

  it('two bookings never share a number, even when the digits repeat', async () => {
    const { deps, reservations } = world();
    deps.reservationNumbers = fixedDigits('000000000001', '000000000001', '000000000002');
    const first = await createReservation(deps, member.memberId, booking, now);
    const later = { ...booking, start: tokyo('2024-06-10T12:00'), end: tokyo('2024-06-10T13:00') };
    const second = await createReservation(deps, member.memberId, later, now);
    expect([first.number, second.number]).toEqual(['R-0000-0000-0001', 'R-0000-0000-0002']);
    expect(reservations.numbers.size).toBe(2);
  });

  it("a corporate member's booking carries the company name; operators see it and the member number, not the id", async () => {
    const corporate: Member = {
      memberId: 'member-corp',
      memberNumber: 'TW000004',
      plan: 'corporate',
      contractStart: null,
      companyId: 'example-corp',
      companyName: 'Example Corp',
    };
    const { deps } = bookingWorld({ facility, spaces: [seat], members: [corporate] });
    deps.reservationNumbers = fixedDigits('555566667777');
    const reservation = await createReservation(deps, corporate.memberId, booking, now);
    expect(reservation.companyName).toBe('Example Corp');
    expect(reservationView(reservation)).toMatchObject({ number: 'R-5555-6666-7777', companyName: 'Example Corp' });
    const operator = operatorReservationView(reservation);
    expect(operator).toMatchObject({
      number: 'R-5555-6666-7777',
      companyName: 'Example Corp',
      memberNumber: 'TW000004',
    });
    expect(operator).not.toHaveProperty('memberId');
    expect(JSON.stringify(operator)).not.toContain('member-corp');
  });

  it('a reservation stored before numbers existed still shows, without number and company', () => {
    const { number: _none, ...old } = makeReservation();
    const view = reservationView(old);
    expect(view).not.toHaveProperty('number');
    expect(reservationResponse.safeParse(view).success).toBe(true);
    expect(operatorReservationResponse.safeParse(operatorReservationView(old)).success).toBe(true);
  });
});

describe('cancelReservation and extendReservation', () => {
  it('cancel gives up after the stale retries and changes nothing', async () => {
    const { deps, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    reservations.staleWrites = true;
    const writesBefore = reservations.writes;
    await expect(cancelReservation(deps, member.memberId, reservation.reservationId, now)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(reservations.writes - writesBefore).toBe(1 + STALE_RETRIES);
    expect(reservations.byId.get(reservation.reservationId)).toEqual(reservation);
  });

  it('a stale write that clears on a retry succeeds with the state read again', async () => {
    const { deps, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    reservations.staleWrites = true;
    const release = reservations.release;
    let calls = 0;
    reservations.release = (r, change) => {
      calls++;
      if (calls === 3) reservations.staleWrites = false;
      return release(r, change);
    };
    const cancelled = await cancelReservation(deps, member.memberId, reservation.reservationId, now);
    expect(cancelled.status).toBe('cancelled');
    expect(calls).toBe(3);
    expect(reservations.byId.get(reservation.reservationId)?.status).toBe('cancelled');
  });

  it('a member cancels an unanswered request without fee, uses given back, even within 2 hours of the start', async () => {
    const { deps, reservations } = world();
    const start = tokyo('2024-06-11T09:00');
    const tomorrow = { spaceId: request.spaceId, start, end: start + 60 * 60_000, options: [] };
    const reservation = await createReservation(deps, member.memberId, tomorrow, now);
    const release = vi.spyOn(reservations, 'release');
    const cancelled = await cancelReservation(deps, member.memberId, reservation.reservationId, start - 30 * 60_000);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationFee: 0 });
    expect(release.mock.calls[0]?.[1]).toMatchObject({ consumeUses: false, set: { cancellationFee: 0 } });
  });

  it('extend gives up after the stale retries', async () => {
    const { deps, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    reservations.staleWrites = true;
    await expect(
      extendReservation(
        { ...deps, doors: new FakeDoors() },
        member.memberId,
        reservation.reservationId,
        15,
        tokyo('2024-06-10T10:50'),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(reservations.byId.get(reservation.reservationId)?.end).toBe(reservation.end);
  });

  it('moves a live keypad code to the new forced-checkout instant, writes it with the extension, resends it', async () => {
    const { deps, reservations } = world();
    const reservation = await createReservation(deps, member.memberId, booking, now);
    const keypad = {
      doorId: 'door-1',
      code: '042917',
      validFrom: tokyo('2024-06-10T10:00'),
      validUntil: tokyo('2024-06-10T11:05'),
      withdrawnAt: null,
    };
    reservations.byId.set(reservation.reservationId, { ...reservation, status: 'checkedIn', keypad });
    const doors = new FakeDoors();
    const extend = vi.spyOn(reservations, 'extend');
    const extended = await extendReservation(
      { ...deps, doors },
      member.memberId,
      reservation.reservationId,
      15,
      tokyo('2024-06-10T10:50'),
    );
    const moved = { ...keypad, validUntil: tokyo('2024-06-10T11:20') };
    expect(extended.keypad).toEqual(moved);
    expect(extend.mock.calls[0]?.[1]).toMatchObject({ keypad: moved });
    expect(doors.codes).toEqual([
      {
        doorId: 'door-1',
        message: {
          action: 'add',
          code: '042917',
          reservationId: reservation.reservationId,
          validFrom: '2024-06-10T10:00:00+09:00',
          validUntil: '2024-06-10T11:20:00+09:00',
        },
      },
    ]);
  });
});
