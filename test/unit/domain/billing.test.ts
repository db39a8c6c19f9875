import { describe, expect, it } from 'vitest';
import {
  CONSUMPTION_TAX_RATE,
  chargeForMinutes,
  isBusinessDay,
  openSpaceCharge,
  optionsCharge,
  partnerPayout,
  reservedCharge,
  settlementPeriod,
  settlementSchedule,
  withTax,
} from '../../../lambdas/domain/billing';
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

describe('settlement (§7, 004 資料1)', () => {
  it.each([
    ['2024-06-20', '2024-05-21', '2024-06-20'],
    ['2024-06-21', '2024-06-21', '2024-07-20'],
    ['2024-06-01', '2024-05-21', '2024-06-20'],
    ['2024-01-05', '2023-12-21', '2024-01-20'],
    ['2024-12-25', '2024-12-21', '2025-01-20'],
    ['2024-02-29', '2024-02-21', '2024-03-20'],
  ])('%s falls in %s..%s', (date, start, end) => {
    expect(settlementPeriod(date)).toEqual({ start, end });
  });

  it.each([
    [10000, 70, 7000],
    [1566, 70, 1096],
    [1001, 65, 650],
    [0, 70, 0],
  ])('partnerPayout(%i, %i %%) = %i', (paid, rate, payout) => {
    expect(partnerPayout(paid, rate)).toBe(payout);
  });

  it('pays 70 % by default', () => {
    expect(partnerPayout(2400)).toBe(1680);
  });

  it.each([
    ['2024-06-20', '2024-08-07', '2024-08-30'],
    ['2024-01-20', '2024-03-07', '2024-03-29'],
    ['2024-12-20', '2025-02-07', '2025-02-28'],
    ['2024-04-20', '2024-06-07', '2024-06-28'],
    ['2024-11-20', '2025-01-07', '2025-01-31'],
  ])('period ending %s: notice by %s, payment by %s (month after next)', (periodEnd, noticeBy, paymentBy) => {
    expect(settlementSchedule(periodEnd)).toEqual({ noticeBy, paymentBy });
  });

  it.each([
    ['2024-06-14', true],
    ['2024-06-15', false],
    ['2024-06-16', false],
    ['2024-06-17', true],
  ])('isBusinessDay(%s) = %s (Mon–Fri, no holiday calendar)', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });
});
