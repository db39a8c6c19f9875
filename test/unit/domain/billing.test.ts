import { describe, expect, it } from 'vitest';
import {
  CONSUMPTION_TAX_RATE,
  chargeForMinutes,
  openSpaceCharge,
  optionsCharge,
  PRICE_HISTORY_START,
  type PricedSpace,
  priceOn,
  pricesOn,
  recordPriceChange,
  reservedCharge,
  reservedChargeOn,
  withTax,
} from '../../../lambdas/domain/billing';
import type { PriceEntry } from '../../../lambdas/domain/model';
import { allDayCalendar, meetingRoom, officeCalendar, tokyo } from '../../fixtures/domain';

describe('withTax (§7: 10 %, yen rounded down)', () => {
  it.each([
    [1566, 156, 1722],
    [2400, 240, 2640],
    [11500, 1150, 12650],
    [9, 0, 9],
    [15, 1, 16],
    [19, 1, 20],
    [0, 0, 0],
    [-15, -1, -16],
  ])('%i yen → tax %i, total %i', (amount, tax, total) => {
    expect(withTax(amount)).toEqual({ amount, tax, total });
  });

  it('is 10 %', () => {
    expect(CONSUMPTION_TAX_RATE).toBe(0.1);
  });
});

describe('reservedCharge (§7: reserved time, per space, rounded down; whole day → day price)', () => {
  it.each([
    ['300 yen/15 min, 2 hours', 300, null, '2024-06-10T14:00', '2024-06-10T16:00', 2400],
    ['300 yen/15 min, 15 minutes', 300, null, '2024-06-10T14:00', '2024-06-10T14:15', 300],
    ['whole Monday, no day price', 300, null, '2024-06-10T09:00', '2024-06-10T18:00', 10800],
    ['whole Monday with a day price', 300, 10000, '2024-06-10T09:00', '2024-06-10T18:00', 10000],
    ['part of Monday with a day price', 300, 10000, '2024-06-10T09:00', '2024-06-10T17:45', 10500],
    ['whole special Sunday', 300, 5000, '2024-06-16T10:00', '2024-06-16T15:00', 5000],
    ['across midnight at an all-day facility', 300, 20000, '2024-06-10T23:00', '2024-06-11T01:00', 2400],
    ['odd price rounds down', 250, null, '2024-06-10T14:00', '2024-06-10T14:15', 250],
  ])('%s → %i yen', (_label, price15, priceDay, start, end, amount) => {
    const calendar = start.startsWith('2024-06-10T23') ? allDayCalendar : officeCalendar;
    expect(reservedCharge({ price15, priceDay, start: tokyo(start), end: tokyo(end), calendar })).toBe(amount);
  });

  it('charges the day price for a fully booked day and the minutes of the next', () => {
    const calendar = {
      ...allDayCalendar,
      regularHours: [
        { weekday: 1, open: '20:00', close: '24:00' },
        { weekday: 2, open: '00:00', close: '06:00' },
      ],
    };
    expect(
      reservedCharge({
        price15: 100,
        priceDay: 1000,
        start: tokyo('2024-06-10T20:00'),
        end: tokyo('2024-06-11T02:00'),
        calendar,
      }),
    ).toBe(1000 + 800);
  });

  it('an empty or reversed booking costs nothing', () => {
    const at = tokyo('2024-06-10T10:00');
    expect(reservedCharge({ price15: 300, priceDay: 10000, start: at, end: at, calendar: officeCalendar })).toBe(0);
    expect(reservedCharge({ price15: 300, priceDay: null, start: at, end: at - 1, calendar: officeCalendar })).toBe(0);
  });

  it('chargeForMinutes rounds down', () => {
    expect(chargeForMinutes(250, 94)).toBe(1566);
    expect(chargeForMinutes(100, 1)).toBe(6);
  });
});

describe('openSpaceCharge (§7: per minute, seconds up, yen down, nothing after closing)', () => {
  it.each([
    ['004 資料1 example', '10:53:18', '12:26:50', '20:00', 94, 1566],
    ['exact minutes', '10:00', '10:15', '20:00', 15, 250],
    ['1 second counts as a minute', '10:00', '10:00:01', '20:00', 1, 16],
    ['checkout after closing is cut', '19:00', '21:30', '20:00', 60, 1000],
    ['check-in after closing', '20:30', '21:00', '20:00', 0, 0],
  ])('%s: %s–%s (closes %s) → %i min, %i yen', (_label, checkIn, checkOut, closesAt, minutes, amount) => {
    const at = (t: string) => tokyo(`2024-06-10T${t}`);
    expect(
      openSpaceCharge({ price15: 250, checkIn: at(checkIn), checkOut: at(checkOut), closesAt: at(closesAt) }),
    ).toEqual({
      minutes,
      amount,
    });
  });

  it('no closing time to cut at', () => {
    expect(
      openSpaceCharge({
        price15: 250,
        checkIn: tokyo('2024-06-10T10:53:18'),
        checkOut: tokyo('2024-06-10T12:26:50'),
        closesAt: null,
      }),
    ).toEqual({ minutes: 94, amount: 1566 });
  });
});

describe('optionsCharge (§7: unit price × quantity, up to the maximum)', () => {
  it.each([
    ['none', [], 0],
    ['projector', [{ optionId: 'projector', quantity: 1 }], 1000],
    [
      'projector and 4 chairs',
      [
        { optionId: 'projector', quantity: 1 },
        { optionId: 'chair', quantity: 4 },
      ],
      1800,
    ],
  ])('%s → %i yen', (_label, selections, amount) => {
    expect(optionsCharge(meetingRoom.options, selections)).toEqual({ ok: true, amount });
  });

  describe('an option without a maximum (maxQuantity: null, 004 §2-5-5)', () => {
    const options = [{ optionId: 'coffee', name: 'コーヒー', unitPrice: 300, maxQuantity: null }];
    it.each([
      [1, { ok: true, amount: 300 }],
      [50, { ok: true, amount: 15_000 }],
      [0, { ok: false, code: 'VALIDATION_FAILED' }],
      [2.5, { ok: false, code: 'VALIDATION_FAILED' }],
    ])('quantity %s → %j', (quantity, expected) => {
      expect(optionsCharge(options, [{ optionId: 'coffee', quantity }])).toMatchObject(expected);
    });
  });

  it.each([
    ['unknown option', [{ optionId: 'coffee', quantity: 1 }]],
    ['over the maximum', [{ optionId: 'chair', quantity: 5 }]],
    ['zero', [{ optionId: 'chair', quantity: 0 }]],
    ['fractional', [{ optionId: 'chair', quantity: 1.5 }]],
    [
      'listed twice',
      [
        { optionId: 'chair', quantity: 2 },
        { optionId: 'chair', quantity: 2 },
      ],
    ],
  ])('%s → VALIDATION_FAILED', (_label, selections) => {
    expect(optionsCharge(meetingRoom.options, selections)).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      detail: expect.any(String),
    });
  });
});

describe('priceOn (§7, 004 資料1 ※1: the prices in force on the use date)', () => {
  const today = { price15: 999, priceDay: 9_999 };
  const history: PriceEntry[] = [
    { from: '2000-01-01', price15: 300, priceDay: null },
    { from: '2024-06-12', price15: 400, priceDay: 10_000 },
    { from: '2024-06-20', price15: 250, priceDay: 8_000 },
  ];
  it.each([
    ['a use long before any change', '2024-01-01', { price15: 300, priceDay: null }],
    ['the day before a change', '2024-06-11', { price15: 300, priceDay: null }],
    ['the day of a change', '2024-06-12', { price15: 400, priceDay: 10_000 }],
    ['between two changes', '2024-06-19', { price15: 400, priceDay: 10_000 }],
    ['the day of the later change', '2024-06-20', { price15: 250, priceDay: 8_000 }],
    ['after the last change', '2025-01-01', { price15: 250, priceDay: 8_000 }],
  ])('%s (%s)', (_label, useDate, prices) => {
    expect(priceOn(history, useDate, today)).toEqual(prices);
  });

  it("takes today's prices when there is no history", () => {
    expect(priceOn(undefined, '2024-06-12', today)).toEqual(today);
    expect(priceOn([], '2024-06-12', today)).toEqual(today);
    expect(pricesOn({ ...today }, '2030-01-01')).toEqual(today);
  });

  it('does not depend on the order of the entries; a date before the first entry takes the first', () => {
    expect(priceOn([...history].reverse(), '2024-06-15', today)).toEqual({ price15: 400, priceDay: 10_000 });
    expect(priceOn(history.slice(1), '2024-06-01', today)).toEqual({ price15: 400, priceDay: 10_000 });
  });
});

describe('recordPriceChange (a change applies to uses from the day it is made)', () => {
  const seat = { price15: 300, priceDay: null };

  it('records the prices it replaces, then the new ones from the day of the change', () => {
    const history = recordPriceChange(seat, '2024-06-12', { price15: 400, priceDay: null });
    expect(history).toEqual([
      { from: PRICE_HISTORY_START, price15: 300, priceDay: null },
      { from: '2024-06-12', price15: 400, priceDay: null },
    ]);
    const changed = { price15: 400, priceDay: null, priceHistory: history };
    expect(pricesOn(changed, '2024-06-11').price15).toBe(300);
    expect(pricesOn(changed, '2024-06-12').price15).toBe(400);
    expect(pricesOn(changed, '2024-07-01').price15).toBe(400);
  });

  it('a second change on the same day replaces the first; a later change keeps the earlier ones', () => {
    const first = {
      price15: 400,
      priceDay: null,
      priceHistory: recordPriceChange(seat, '2024-06-12', { price15: 400, priceDay: null }),
    };
    const again = recordPriceChange(first, '2024-06-12', { price15: 350, priceDay: null });
    expect(again.map((e) => [e.from, e.price15])).toEqual([
      [PRICE_HISTORY_START, 300],
      ['2024-06-12', 350],
    ]);
    const later = recordPriceChange({ ...first, price15: 350, priceHistory: again }, '2024-06-20', {
      price15: 500,
      priceDay: 12_000,
    });
    expect(later.map((e) => [e.from, e.price15, e.priceDay])).toEqual([
      [PRICE_HISTORY_START, 300, null],
      ['2024-06-12', 350, null],
      ['2024-06-20', 500, 12_000],
    ]);
  });

  it('unchanged prices leave the history as it is', () => {
    expect(recordPriceChange(seat, '2024-06-12', { price15: 300, priceDay: null })).toEqual([]);
  });
});

describe('estimate at booking vs charge on the use date (§7: the price shown at booking is an estimate)', () => {
  // Booked on Monday 2024-06-10 for Friday 2024-06-14 12:00–14:00 (2 hours); the partner raises the price
  // from 300 to 400 yen per 15 minutes on Wednesday 2024-06-12, between the booking and the use.
  const booking = { start: tokyo('2024-06-14T12:00'), end: tokyo('2024-06-14T14:00'), calendar: officeCalendar };
  const atBooking = { price15: 300, priceDay: null };
  const changedOn = (date: string, space: PricedSpace = atBooking) => ({
    price15: 400,
    priceDay: null,
    priceHistory: recordPriceChange(space, date, { price15: 400, priceDay: null }),
  });
  /** What the member is shown at booking: the space as it is then. */
  const estimate = (space: PricedSpace) => reservedChargeOn(space, booking);
  /** What is charged when the use is settled: the space as it is on the use date. */
  const chargeOn = (space: PricedSpace) => reservedChargeOn(space, booking);

  it.each([
    ['a change after the booking, before the use: estimated old, charged new', '2024-06-12', 2_400, 3_200],
    ['a change on the use date itself applies to that use', '2024-06-14', 2_400, 3_200],
    ['a change the day after the use does not touch it', '2024-06-15', 2_400, 2_400],
  ])('%s', (_label, date, estimated, charged) => {
    expect(estimate(atBooking)).toBe(estimated);
    expect(chargeOn(changedOn(date))).toBe(charged);
  });

  it('a booking made after the change is estimated at the new price', () => {
    expect(estimate(changedOn('2024-06-10'))).toBe(3_200);
  });

  it("uses the start's local date for the whole booking (across midnight at an all-day facility)", () => {
    const space = changedOn('2024-06-11');
    const night = { start: tokyo('2024-06-10T23:00'), end: tokyo('2024-06-11T01:00'), calendar: allDayCalendar };
    expect(reservedChargeOn(space, night)).toBe(2_400);
    expect(reservedChargeOn(space, { ...night, start: tokyo('2024-06-11T00:00') })).toBe(1_600);
  });
});
