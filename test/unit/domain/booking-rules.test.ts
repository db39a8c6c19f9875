import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkBookingWindow,
  checkBusinessHours,
  checkDuration,
  checkPlanEligibility,
  checkRequestSpaceConfig,
  checkSpaceConfig,
  isPublished,
  MAX_BOOKING_MINUTES,
  MAX_SLOTS_PER_BOOKING,
  validateBooking,
} from '../../../lambdas/domain/booking-rules';
import { SLOT_MS, slotStarts } from '../../../lambdas/domain/calendar';
import type { Plan, Space } from '../../../lambdas/domain/model';
import {
  MIN,
  makeFacility,
  makeSpace,
  meetingRoom,
  officeCalendar,
  requestSpace,
  tokyo,
  ZONE,
} from '../../fixtures/domain';

const codeOf = (v: { ok: boolean; code?: string }) => (v.ok ? 'OK' : v.code);

describe('checkDuration (§2: 15-minute grid, ≥ 15 min and ≥ the space minimum)', () => {
  it('fits one DynamoDB transaction', () => {
    expect(MAX_SLOTS_PER_BOOKING).toBe(90);
    expect(MAX_BOOKING_MINUTES).toBe(1350);
  });

  it.each([
    ['15 minutes', '10:00', '10:15', 15, 'OK'],
    ['2 hours', '14:00', '16:00', 15, 'OK'],
    ['at the space minimum', '10:00', '10:30', 30, 'OK'],
    ['below the space minimum', '10:00', '10:15', 30, 'INVALID_DURATION'],
    ['end equals start', '10:00', '10:00', 15, 'INVALID_DURATION'],
    ['end before start', '11:00', '10:00', 15, 'INVALID_DURATION'],
    ['start off the grid', '10:05', '11:05', 15, 'INVALID_DURATION'],
    ['end off the grid', '10:00', '10:50', 15, 'INVALID_DURATION'],
    ['seconds off the grid', '10:00:30', '11:00:30', 15, 'INVALID_DURATION'],
  ])('%s (%s–%s, min %i) → %s', (_label, from, to, minBookingMinutes, expected) => {
    const verdict = checkDuration({
      start: tokyo(`2024-06-10T${from}`),
      end: tokyo(`2024-06-10T${to}`),
      space: { minBookingMinutes },
      timeZone: ZONE,
    });
    expect(codeOf(verdict)).toBe(expected);
  });

  it.each([
    [MAX_SLOTS_PER_BOOKING, 'OK'],
    [MAX_SLOTS_PER_BOOKING + 1, 'INVALID_DURATION'],
  ])('%i slots → %s', (slots, expected) => {
    const start = tokyo('2024-06-10T00:00');
    expect(codeOf(checkDuration({ start, end: start + slots * SLOT_MS, space: makeSpace(), timeZone: ZONE }))).toBe(
      expected,
    );
  });

  it('an accepted duration is a whole number of slots, at most the maximum', () => {
    const base = tokyo('2024-06-10T00:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 96 * 7 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: SLOT_MS - 1 })),
        fc.integer({ min: -30, max: 1500 }),
        fc.constantFrom(15, 30, 60, 120),
        (k, offset, minutes, minBookingMinutes) => {
          const start = base + k * SLOT_MS + offset;
          const end = start + minutes * MIN;
          const verdict = checkDuration({ start, end, space: { minBookingMinutes }, timeZone: ZONE });
          if (verdict.ok) {
            expect(slotStarts(start, end)).toHaveLength(minutes / 15);
            expect(minutes).toBeGreaterThanOrEqual(minBookingMinutes);
            expect(minutes / 15).toBeLessThanOrEqual(MAX_SLOTS_PER_BOOKING);
          } else {
            expect(verdict.code).toBe('INVALID_DURATION');
          }
        },
      ),
    );
  });
});

describe('isPublished', () => {
  it.each([
    [null, null, '2024-06-10T10:00', true],
    ['2024-06-10T10:00', null, '2024-06-10T10:00', true],
    ['2024-06-10T10:01', null, '2024-06-10T10:00', false],
    [null, '2024-06-10T10:00', '2024-06-10T09:59', true],
    [null, '2024-06-10T10:00', '2024-06-10T10:00', false],
  ])('from %s until %s at %s → %s', (from, until, now, expected) => {
    const facility = {
      publishFrom: from === null ? null : tokyo(from),
      publishUntil: until === null ? null : tokyo(until),
    };
    expect(isPublished(facility, tokyo(now))).toBe(expected);
  });
});

describe('checkBookingWindow (§3: 0–7 days ahead, not in the past, published, bookable period)', () => {
  const facility = makeFacility();
  const seat = makeSpace();
  it.each<[string, string, string, Partial<Space>, string]>([
    ['same day later', '2024-06-10T09:00', '2024-06-10T14:00', {}, 'OK'],
    ['starting right now', '2024-06-10T14:00', '2024-06-10T14:00', {}, 'OK'],
    ['in the past', '2024-06-10T14:01', '2024-06-10T14:00', {}, 'OUTSIDE_BOOKING_WINDOW'],
    ['7 days ahead (last slot of the day)', '2024-06-10T23:50', '2024-06-17T23:45', {}, 'OK'],
    ['8 calendar days ahead', '2024-06-10T23:50', '2024-06-18T00:00', {}, 'OUTSIDE_BOOKING_WINDOW'],
    ['days counted in Tokyo, not UTC', '2024-06-11T00:30', '2024-06-18T10:00', {}, 'OK'],
    [
      'request space: same day',
      '2024-06-10T09:00',
      '2024-06-10T14:00',
      { windowDaysFrom: 1, windowDaysTo: 30 },
      'OUTSIDE_BOOKING_WINDOW',
    ],
    ['request space: next day', '2024-06-10T23:59', '2024-06-11T09:00', { windowDaysFrom: 1, windowDaysTo: 30 }, 'OK'],
    ['inactive space', '2024-06-10T09:00', '2024-06-10T14:00', { status: 'inactive' }, 'OUTSIDE_BOOKING_WINDOW'],
    ['drop-in space', '2024-06-10T09:00', '2024-06-10T14:00', { type: 'openSpace' }, 'OUTSIDE_BOOKING_WINDOW'],
    [
      'at the start of the bookable period',
      '2024-06-10T09:00',
      '2024-06-12T09:00',
      { bookableFrom: tokyo('2024-06-12T09:00') },
      'OK',
    ],
    [
      'before the bookable period (same day, 15 minutes early)',
      '2024-06-10T09:00',
      '2024-06-12T08:45',
      { bookableFrom: tokyo('2024-06-12T09:00') },
      'OUTSIDE_BOOKING_WINDOW',
    ],
    [
      '004 p.4: until 23:55 the day before publication, a start at 23:45 is in',
      '2024-06-10T09:00',
      '2024-06-11T23:45',
      { bookableUntil: tokyo('2024-06-11T23:55') },
      'OK',
    ],
    [
      '004 p.4: until 23:55 the day before publication, a start at 00:00 is out',
      '2024-06-10T09:00',
      '2024-06-12T00:00',
      { bookableUntil: tokyo('2024-06-11T23:55') },
      'OUTSIDE_BOOKING_WINDOW',
    ],
    [
      'at the end of the bookable period (half-open)',
      '2024-06-10T09:00',
      '2024-06-12T12:00',
      { bookableUntil: tokyo('2024-06-12T12:00') },
      'OUTSIDE_BOOKING_WINDOW',
    ],
    [
      'inside a bookable period',
      '2024-06-10T09:00',
      '2024-06-12T12:00',
      { bookableFrom: tokyo('2024-06-12T00:00'), bookableUntil: tokyo('2024-06-13T00:00') },
      'OK',
    ],
  ])('%s (now %s, start %s, %j) → %s', (_label, now, start, overrides, expected) => {
    const space = { ...seat, ...overrides };
    expect(codeOf(checkBookingWindow({ now: tokyo(now), start: tokyo(start), facility, space }))).toBe(expected);
  });

  it.each([
    ['not yet published', { publishFrom: tokyo('2024-06-11T00:00') }],
    ['no longer published', { publishUntil: tokyo('2024-06-10T00:00') }],
  ])('%s → OUTSIDE_BOOKING_WINDOW', (_label, overrides) => {
    const verdict = checkBookingWindow({
      now: tokyo('2024-06-10T09:00'),
      start: tokyo('2024-06-12T10:00'),
      facility: makeFacility(overrides),
      space: seat,
    });
    expect(codeOf(verdict)).toBe('OUTSIDE_BOOKING_WINDOW');
  });
});

describe('checkBusinessHours', () => {
  it.each([
    ['2024-06-10T09:00', '2024-06-10T18:00', 'OK'],
    ['2024-06-13T11:00', '2024-06-13T13:00', 'OUTSIDE_BUSINESS_HOURS'],
    ['2024-06-12T10:00', '2024-06-12T11:00', 'OUTSIDE_BUSINESS_HOURS'],
  ])('%s–%s → %s', (start, end, expected) => {
    expect(codeOf(checkBusinessHours([officeCalendar], tokyo(start), tokyo(end)))).toBe(expected);
  });
});

describe('checkPlanEligibility (§1: Regus lounges exclude the basic plan)', () => {
  it.each<[Plan, boolean, string]>([
    ['basic', true, 'OK'],
    ['basic', false, 'PLAN_NOT_ELIGIBLE'],
    ['premium', false, 'OK'],
    ['corporate', false, 'OK'],
  ])('%s at basicPlanAllowed=%s → %s', (plan, basicPlanAllowed, expected) => {
    expect(codeOf(checkPlanEligibility(plan, { basicPlanAllowed }))).toBe(expected);
  });
});

describe('validateBooking: duration → window → hours → plan, first refusal wins', () => {
  const regus = makeFacility({ basicPlanAllowed: false });
  it.each<[string, string, string, string, Plan, string]>([
    ['all pass', '2024-06-10T09:00', '2024-06-10T10:00', '2024-06-10T11:00', 'corporate', 'OK'],
    [
      'bad duration and in the past',
      '2024-06-10T12:00',
      '2024-06-10T10:05',
      '2024-06-10T11:00',
      'basic',
      'INVALID_DURATION',
    ],
    [
      'in the past and outside hours',
      '2024-06-10T12:00',
      '2024-06-10T07:00',
      '2024-06-10T08:00',
      'basic',
      'OUTSIDE_BOOKING_WINDOW',
    ],
    [
      'outside hours and basic at Regus',
      '2024-06-10T06:00',
      '2024-06-10T07:00',
      '2024-06-10T08:00',
      'basic',
      'OUTSIDE_BUSINESS_HOURS',
    ],
    ['basic at Regus', '2024-06-10T06:00', '2024-06-10T10:00', '2024-06-10T11:00', 'basic', 'PLAN_NOT_ELIGIBLE'],
    ['premium at Regus', '2024-06-10T06:00', '2024-06-10T10:00', '2024-06-10T11:00', 'premium', 'OK'],
  ])('%s (now %s, %s–%s, %s) → %s', (_label, now, start, end, plan, expected) => {
    const verdict = validateBooking({
      now: tokyo(now),
      start: tokyo(start),
      end: tokyo(end),
      facility: regus,
      space: makeSpace(),
      plan,
    });
    expect(codeOf(verdict)).toBe(expected);
  });

  it('uses the space minimum', () => {
    const verdict = validateBooking({
      now: tokyo('2024-06-10T09:00'),
      start: tokyo('2024-06-10T10:00'),
      end: tokyo('2024-06-10T10:15'),
      facility: makeFacility(),
      space: meetingRoom,
      plan: 'corporate',
    });
    expect(verdict).toEqual({ ok: false, code: 'INVALID_DURATION', detail: expect.stringContaining('30') });
  });
});

describe('checkRequestSpaceConfig (§3: windowDaysFrom ≥ 1, no extension)', () => {
  it.each<[string, Partial<Space>, number]>([
    ['valid request space', {}, 0],
    ['same-day window', { windowDaysFrom: 0 }, 1],
    ['extension allowed', { extension: { allowed: true, opensMinutesBeforeEnd: null } }, 1],
    ['both', { windowDaysFrom: 0, extension: { allowed: true, opensMinutesBeforeEnd: null } }, 2],
    [
      'instant space is not concerned',
      { bookingType: 'instant', windowDaysFrom: 0, extension: { allowed: true, opensMinutesBeforeEnd: 15 } },
      0,
    ],
  ])('%s → %i problems', (_label, overrides, count) => {
    const check = checkRequestSpaceConfig({ ...requestSpace, ...overrides });
    expect(check.problems).toHaveLength(count);
    expect(check.ok).toBe(count === 0);
    if (!check.ok) expect(check.code).toBe('VALIDATION_FAILED');
  });
});

describe('checkSpaceConfig', () => {
  it.each<[string, Partial<Space>]>([
    ['valid seat', {}],
    ['valid request space', requestSpace],
    ['valid meeting room', meetingRoom],
    [
      'option without a maximum (004 §2-5-5)',
      { options: [{ optionId: 'a', name: 'A', unitPrice: 100, maxQuantity: null }] },
    ],
  ])('%s passes', (_label, overrides) => {
    expect(checkSpaceConfig(makeSpace(overrides))).toEqual({ ok: true, problems: [] });
  });

  it.each<[string, Partial<Space>]>([
    ['minimum below 15', { minBookingMinutes: 10 }],
    ['minimum not a multiple of 15', { minBookingMinutes: 40 }],
    ['window reversed', { windowDaysFrom: 3, windowDaysTo: 1 }],
    ['negative window', { windowDaysFrom: -1 }],
    ['bookable period reversed', { bookableFrom: tokyo('2024-07-01T00:00'), bookableUntil: tokyo('2024-06-01T00:00') }],
    ['bookable period empty', { bookableFrom: tokyo('2024-07-01T00:00'), bookableUntil: tokyo('2024-07-01T00:00') }],
    ['fractional price', { price15: 12.5 }],
    ['negative day price', { priceDay: -1 }],
    ['no capacity', { capacity: 0 }],
    ['zero per-check-in limit', { perCheckInLimitMinutes: 0 }],
    ['negative check-in opening', { checkInOpensMinutesBefore: -5 }],
    ['fee rule beyond 7 days', { cancellationFees: [{ daysBefore: 8, percent: 10 }] }],
    ['fee over 100 %', { cancellationFees: [{ daysBefore: 0, percent: 120 }] }],
    [
      'two fee rules for one day',
      {
        cancellationFees: [
          { daysBefore: 1, percent: 10 },
          { daysBefore: 1, percent: 20 },
        ],
      },
    ],
    ['option with a maximum of 0', { options: [{ optionId: 'a', name: 'A', unitPrice: 100, maxQuantity: 0 }] }],
    [
      'duplicate option ids',
      {
        options: [
          { optionId: 'a', name: 'A', unitPrice: 100, maxQuantity: 1 },
          { optionId: 'a', name: 'B', unitPrice: 100, maxQuantity: 1 },
        ],
      },
    ],
    [
      'request space open same day',
      { bookingType: 'request', windowDaysFrom: 0, extension: { allowed: false, opensMinutesBeforeEnd: null } },
    ],
  ])('%s → one problem', (_label, overrides) => {
    const check = checkSpaceConfig(makeSpace(overrides));
    expect(check.ok).toBe(false);
    expect(check.problems).toHaveLength(1);
  });
});
