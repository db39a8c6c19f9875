import { describe, expect, it } from 'vitest';
import { PRICE_HISTORY_START } from '../../../../lambdas/domain/billing';
import type { Member } from '../../../../lambdas/domain/model';
import {
  type BookingDecision,
  decideAgreedExtension,
  decideBooking,
  decideCancellation,
  decideExtension,
  ledgerFor,
  newReservation,
} from '../../../../lambdas/modules/booking/rules/reservation';
import * as demo from '../../../../lib/local/demo-data';
import { HOUR, makeFacility, makeSpace, requestSpace, tokyo, ZONE } from '../../../fixtures/domain';
import { makeReservation } from '../../../service/fakes';

const demoMember = (id: string): Member => {
  const member = demo.members.find((m) => m.memberId === id);
  if (!member) throw new Error(`no demo member ${id}`);
  return member;
};
/** Basic plan, contract from 2026-11-10, member number TW000001. */
const basic = demoMember('member-basic');
const corporate: Member = {
  ...basic,
  memberId: 'member-corporate',
  plan: 'corporate',
  contractStart: null,
  companyId: 'example-corp',
  companyName: 'Example Corp',
};

describe('ledgerFor', () => {
  it("counts a basic member's uses in the contract month, and on the facility's local day when it has a daily limit", () => {
    // 2026-12-09 23:30 in Tokyo: still the contract month from 2026-11-10; the daily date is the Tokyo date
    expect(ledgerFor(basic, makeFacility(), tokyo('2026-12-09T23:30'))).toEqual({
      memberPeriod: '2026-11-10',
      companyId: null,
      companyMonth: null,
      dailyDate: '2026-12-09',
    });
    expect(ledgerFor(basic, makeFacility(), tokyo('2026-12-10T00:00')).memberPeriod).toBe('2026-12-10');
  });

  it("counts a corporate member's uses in the calendar month, and the company's in the same month", () => {
    expect(ledgerFor(corporate, makeFacility({ dailyCheckInLimit: null }), tokyo('2026-12-01T00:15'))).toEqual({
      memberPeriod: '2026-12-01',
      companyId: 'example-corp',
      companyMonth: '2026-12',
      dailyDate: null,
    });
  });
});

describe('newReservation', () => {
  const facility = makeFacility({ facilityId: 'tw-shibuya', partnerId: 'partner-tw' });
  const start = tokyo('2026-12-15T10:00');
  const end = start + HOUR;
  const now = tokyo('2026-12-10T14:24');

  it('is what the booking decision says, for the member, space and facility, at version 1', () => {
    const decision = decideBooking({
      now,
      start,
      end,
      facility,
      space: requestSpace,
      options: [],
      situation: { plan: 'basic', member: { limit: 31, used: 0, held: 0 }, company: null, usedThatDay: 0, holds: [] },
    });
    if (!decision.ok) throw new Error(decision.detail);
    const reservation = newReservation({
      reservationId: 'r-1',
      number: 'R-2447-7582-6513',
      member: basic,
      facility,
      space: requestSpace,
      start,
      end,
      options: [],
      decision,
      now,
    });
    expect(reservation).toEqual({
      reservationId: 'r-1',
      number: 'R-2447-7582-6513',
      memberId: 'member-basic',
      memberNumber: 'TW000001',
      facilityId: 'tw-shibuya',
      partnerId: 'partner-tw',
      spaceId: requestSpace.spaceId,
      timeZone: 'Asia/Tokyo',
      start,
      end,
      status: 'requested',
      bookingType: 'request',
      uses: decision.uses,
      price: decision.price,
      options: [],
      cancellationFees: requestSpace.cancellationFees,
      cancellationFee: null,
      checkedInAt: null,
      checkedOutAt: null,
      createdAt: now,
      requestExpiresAt: tokyo('2026-12-12T01:00'),
      ledger: ledgerFor(basic, facility, start),
      version: 1,
    });
  });

  it('keeps its own copy of the options chosen', () => {
    const options = [{ optionId: 'coffee', quantity: 2 }];
    const decision: BookingDecision = {
      ok: true,
      status: 'confirmed',
      uses: 1,
      slots: [start],
      price: { amount: 1600, tax: 160, total: 1760 },
      requestExpiresAt: null,
    };
    const reservation = newReservation({
      reservationId: 'r-2',
      number: 'R-0000-0000-0002',
      member: corporate,
      facility,
      space: requestSpace,
      start,
      end,
      options,
      decision,
      now,
    });
    options.push({ optionId: 'water', quantity: 1 });
    expect(reservation.options).toEqual([{ optionId: 'coffee', quantity: 2 }]);
    expect(reservation).toMatchObject({ status: 'confirmed', requestExpiresAt: null, memberId: 'member-corporate' });
  });

  it("carries a corporate member's company name at booking time, and none for an individual plan", () => {
    const decision: BookingDecision = {
      ok: true,
      status: 'confirmed',
      uses: 1,
      slots: [start],
      price: { amount: 1600, tax: 160, total: 1760 },
      requestExpiresAt: null,
    };
    const made = (member: Member) =>
      newReservation({
        reservationId: 'r-3',
        number: 'R-0000-0000-0003',
        member,
        facility,
        space: requestSpace,
        start,
        end,
        options: [],
        decision,
        now,
      });
    expect(made(corporate)).toMatchObject({ companyName: 'Example Corp', memberNumber: corporate.memberNumber });
    expect(made(basic)).not.toHaveProperty('companyName');
    // A member who left the company (plan no longer corporate) books without one.
    expect(made({ ...corporate, plan: 'premium' })).not.toHaveProperty('companyName');
  });
});

describe('decideCancellation (§3: an unanswered request is cancelled free, uses back, whatever the time)', () => {
  const start = tokyo('2024-06-14T10:00');
  const base = newReservation({
    reservationId: 'r-1',
    number: 'R-0000-0000-0001',
    member: basic,
    facility: makeFacility(),
    space: requestSpace,
    start,
    end: start + HOUR,
    options: [],
    decision: {
      ok: true,
      status: 'requested',
      uses: 1,
      slots: [],
      price: { amount: 2_000, tax: 200, total: 2_200 },
      requestExpiresAt: start,
    },
    now: tokyo('2024-06-10T09:00'),
  });
  // requestSpace fees: same day 100 %, 1–3 days 30 %.
  it.each([
    ['requested, 4 days before', 'requested', '2024-06-10T09:00', { ok: true, usesCounted: false, fee: 0 }],
    ['requested, 2 days before', 'requested', '2024-06-12T09:00', { ok: true, usesCounted: false, fee: 0 }],
    ['requested, 30 minutes before', 'requested', '2024-06-14T09:30', { ok: true, usesCounted: false, fee: 0 }],
    ['requested, at the start', 'requested', '2024-06-14T10:00', { ok: true, usesCounted: false, fee: 0 }],
    ['confirmed, 2 days before: 30 %', 'confirmed', '2024-06-12T09:00', { ok: true, usesCounted: false, fee: 600 }],
    ['confirmed, 30 minutes before', 'confirmed', '2024-06-14T09:30', { ok: true, usesCounted: true, fee: 2_000 }],
    ['confirmed, at the start', 'confirmed', '2024-06-14T10:00', { ok: false, code: 'INVALID_STATE' }],
    ['rejected', 'rejected', '2024-06-10T09:00', { ok: false, code: 'INVALID_STATE' }],
  ] as const)('%s', (_case, status, at, expected) => {
    expect(decideCancellation({ now: tokyo(at), reservation: { ...base, status }, timeZone: ZONE })).toMatchObject(
      expected,
    );
  });
});

describe('the estimate reads the prices in force on the use date (§7, 004 資料1 ※1)', () => {
  // Today's prices are 500 yen; the history says 300 until 2024-06-13 and 400 from 2024-06-14 on.
  const space = makeSpace({
    price15: 500,
    priceHistory: [
      { from: PRICE_HISTORY_START, price15: 300, priceDay: null },
      { from: '2024-06-14', price15: 400, priceDay: null },
    ],
  });
  const facility = makeFacility();
  const now = tokyo('2024-06-10T08:00');
  const situation = {
    plan: 'premium' as const,
    member: { limit: null, used: 0, held: 0 },
    company: null,
    usedThatDay: 0,
    holds: [],
  };
  const priced = (s: typeof space, start: number) => {
    const decision = decideBooking({ now, start, end: start + HOUR, facility, space: s, options: [], situation });
    if (!decision.ok) throw new Error(decision.detail);
    return decision.price;
  };

  it.each([
    ['a use before the change', '2024-06-11T10:00', 1_200],
    ['a use on the day of the change', '2024-06-14T12:00', 1_600],
  ])('%s (%s) → %i yen', (_label, start, amount) => {
    expect(priced(space, tokyo(start))).toEqual({ amount, tax: amount / 10, total: amount + amount / 10 });
  });

  it("a space without a history is estimated at today's prices", () => {
    const { priceHistory: _none, ...plain } = space;
    expect(priced(plain, tokyo('2024-06-11T10:00')).amount).toBe(2_000);
  });

  it('an extension prices the whole reservation at its use date (the start date)', () => {
    const start = tokyo('2024-06-14T12:00');
    const booked = makeReservation({ spaceId: space.spaceId, start, end: start + HOUR, status: 'checkedIn' });
    const decision = decideExtension({
      now: start + 50 * 60_000,
      reservation: booked,
      facility,
      space,
      minutes: 15,
      freeUntil: null,
      situation,
    });
    if (!decision.ok) throw new Error(decision.detail);
    expect(decision.price.amount).toBe(2_000);
  });
});

describe('decideAgreedExtension (004 p.22: an extension agreed on site, recorded by staff)', () => {
  const facility = makeFacility();
  // no in-app extension at all: the agreed one does not ask
  const space = makeSpace({ extension: { allowed: false, opensMinutesBeforeEnd: null }, perCheckInLimitMinutes: 60 });
  const start = tokyo('2024-06-11T10:00');
  const booked = makeReservation({ spaceId: space.spaceId, start, end: start + HOUR, status: 'checkedIn' });
  const situation = {
    plan: 'premium' as const,
    member: { limit: 30, used: 0, held: 0 },
    company: null,
    usedThatDay: 0,
    holds: [],
  };
  const decide = (newEnd: number, overrides: Partial<Parameters<typeof decideAgreedExtension>[0]> = {}) =>
    decideAgreedExtension({
      now: start + HOUR + 3 * 60_000, // after the end, before the forced checkout
      reservation: booked,
      facility,
      space,
      newEnd,
      freeUntil: null,
      situation,
      ...overrides,
    });

  it('extends where the app would not (no extension setting, after the end), counting uses like a booking', () => {
    const decision = decide(start + 2 * HOUR + 30 * 60_000);
    expect(decision).toMatchObject({ ok: true, newEnd: start + 2 * HOUR + 30 * 60_000, extraUses: 2 });
  });

  it.each([
    ['an end not later than the current one', start + HOUR, 'INVALID_DURATION'],
    ['an end off the grid', start + HOUR + 20 * 60_000, 'INVALID_DURATION'],
    ['an end past the closing time (18:00)', tokyo('2024-06-11T18:15'), 'OUTSIDE_BUSINESS_HOURS'],
  ])('refuses %s', (_label, newEnd, code) => {
    expect(decide(newEnd)).toMatchObject({ ok: false, code });
  });

  it('refuses a seat booked by someone else, a booking of the member’s own, a stay already over, too few uses', () => {
    const end = start + 2 * HOUR;
    expect(decide(end, { freeUntil: start + HOUR + 30 * 60_000 })).toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    const own = {
      ...situation,
      holds: [{ reservationId: 'next', start: start + HOUR + 30 * 60_000, end: end + HOUR }],
    };
    expect(decide(end, { situation: own })).toMatchObject({ code: 'OVERLAPS_OWN_RESERVATION' });
    expect(decide(end, { reservation: { ...booked, status: 'forcedCheckout' } })).toMatchObject({
      code: 'INVALID_STATE',
    });
    const spent = { ...situation, member: { limit: 30, used: 30, held: 0 } };
    expect(decide(end, { situation: spent })).toMatchObject({ code: 'INSUFFICIENT_TICKETS' });
  });
});
