import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../lambdas/domain/calendar';
import {
  businessDaysOf,
  isBankHoliday,
  isBusinessDay,
  lastBusinessDay,
  noticeAmounts,
  noticeSchedule,
  nthBusinessDay,
  partnerPayout,
  periodNoticedOn,
  shareCompanyPayment,
} from '../../../lambdas/domain/settlement';
import {
  addMonths,
  currentSettlementPeriod,
  isSettlementOpen,
  monthOf,
  nextSettlementPeriod,
  SETTLEMENT_CLOSING_DAY,
  settlementPeriodClosesAt,
  settlementPeriodDates,
  settlementPeriodOf,
} from '../../../lambdas/domain/settlement-periods';
import { ZONE as tokyo } from '../../fixtures/domain';

const at = (iso: string) => Date.parse(iso);

/** Every `YYYY-MM` from `from` to `to`, both included. */
const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
};
/** Every date of a month. */
const datesOf = (month: string): string[] => {
  const dates: string[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) dates.push(date);
  return dates;
};

describe('business days (weekdays less national holidays and 31 Dec – 3 Jan)', () => {
  it.each([
    ['2026-11-27', true, 'a Friday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-11-23', false, '勤労感謝の日, a Monday'],
    ['2026-09-21', false, '敬老の日'],
    ['2026-09-22', false, '国民の休日'],
    ['2026-09-24', true, 'the Thursday after the Silver Week'],
    ['2026-05-06', false, '振替休日 for こどもの日'],
    ['2026-05-07', true, 'the Thursday after Golden Week'],
    ['2026-12-30', true, 'the last business day of 2026'],
    ['2026-12-31', false, 'bank holiday (a Thursday)'],
    ['2027-01-01', false, '元日 and a bank holiday'],
    ['2029-01-02', false, 'bank holiday (a Tuesday)'],
    ['2029-01-03', false, 'bank holiday (a Wednesday)'],
    ['2029-01-04', true, 'the first business day of 2029'],
    ['2027-01-11', false, '成人の日'],
  ])('isBusinessDay(%s) = %s (%s)', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it.each([
    ['2026-12-31', true],
    ['2027-01-01', true],
    ['2027-01-02', true],
    ['2027-01-03', true],
    ['2027-01-04', false],
    ['2026-12-30', false],
  ])('isBankHoliday(%s) = %s', (date, expected) => {
    expect(isBankHoliday(date)).toBe(expected);
  });

  it.each([
    ['2027-01', 1, '2027-01-04'],
    ['2027-01', 5, '2027-01-08'],
    ['2028-01', 5, '2028-01-11'],
    ['2026-05', 2, '2026-05-07'],
    ['2026-09', 15, '2026-09-24'],
  ])('nthBusinessDay(%s, %i) = %s', (month, n, expected) => {
    expect(nthBusinessDay(month, n)).toBe(expected);
  });

  it.each([
    ['2026-12', '2026-12-30'],
    ['2028-12', '2028-12-29'],
    ['2026-05', '2026-05-29'],
    ['2028-04', '2028-04-28'],
    ['2027-02', '2027-02-26'],
  ])('lastBusinessDay(%s) = %s', (month, expected) => {
    expect(lastBusinessDay(month)).toBe(expected);
  });

  it('counts the business days of a month', () => {
    expect(businessDaysOf('2026-05')).toHaveLength(18);
    expect(businessDaysOf('2027-01').slice(0, 3)).toEqual(['2027-01-04', '2027-01-05', '2027-01-06']);
  });

  it('refuses a business day a month does not have, and malformed input', () => {
    expect(() => nthBusinessDay('2026-05', 19)).toThrow(RangeError);
    expect(() => nthBusinessDay('2026-05', 0)).toThrow(RangeError);
    expect(() => nthBusinessDay('2026-05', 1.5)).toThrow(RangeError);
    expect(() => businessDaysOf('2026-13')).toThrow(RangeError);
    expect(() => isBusinessDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('settlement periods (named by the month of their closing 20th)', () => {
  it.each([
    ['2026-11-21', '2026-12'],
    ['2026-12-01', '2026-12'],
    ['2026-12-20', '2026-12'],
    ['2026-12-21', '2027-01'],
    ['2026-12-31', '2027-01'],
    ['2027-01-20', '2027-01'],
    ['2028-02-29', '2028-03'],
    ['2026-01-05', '2026-01'],
  ])('%s falls in period %s', (date, period) => {
    expect(settlementPeriodOf(date)).toBe(period);
  });

  it.each([
    ['2026-12', '2026-11-21', '2026-12-20'],
    ['2027-01', '2026-12-21', '2027-01-20'],
    ['2028-03', '2028-02-21', '2028-03-20'],
    ['2026-01', '2025-12-21', '2026-01-20'],
  ])('period %s runs %s … %s', (period, from, to) => {
    expect(settlementPeriodDates(period)).toEqual({ from, to });
  });

  it.each([
    ['2026-12', '2027-01'],
    ['2027-01', '2027-02'],
    ['2026-09', '2026-10'],
  ])('the period after %s is %s', (period, next) => {
    expect(nextSettlementPeriod(period)).toBe(next);
  });

  it.each([
    ['2026-12', tokyo, '2026-12-20T15:00:00.000Z'],
    ['2027-01', tokyo, '2027-01-20T15:00:00.000Z'],
    ['2026-12', 'UTC', '2026-12-21T00:00:00.000Z'],
  ])('period %s closes at 24:00 of the 20th in %s: %s', (period, zone, closes) => {
    expect(new Date(settlementPeriodClosesAt(period, zone)).toISOString()).toBe(closes);
  });

  it.each([
    ['a visit of the 20th, at 23:59:59 that night', '2026-12-20', '2026-12-20T14:59:59.999Z', true],
    ['a visit of the 20th, at 24:00', '2026-12-20', '2026-12-20T15:00:00.000Z', false],
    ['a visit of the 21st, the next morning', '2026-12-21', '2026-12-20T15:00:00.000Z', true],
    ['a visit of November 21st, on December 20th', '2026-11-21', '2026-12-20T03:00:00.000Z', true],
    ['a visit of November 20th, on November 21st', '2026-11-20', '2026-11-20T15:00:01.000Z', false],
  ])('%s: open = %s', (_label, useDate, now, open) => {
    expect(isSettlementOpen(useDate, at(now), tokyo)).toBe(open);
  });

  it('names the period in use in the facility zone', () => {
    expect(currentSettlementPeriod(at('2026-12-20T14:59:59Z'), tokyo)).toBe('2026-12');
    expect(currentSettlementPeriod(at('2026-12-20T15:00:00Z'), tokyo)).toBe('2027-01');
    expect(currentSettlementPeriod(at('2026-12-20T15:00:00Z'), 'UTC')).toBe('2026-12');
  });

  it.each([['2026-13'], ['2026-1'], ['202612'], ['2026-00'], ['Dec']])('refuses the period name %s', (name) => {
    expect(() => settlementPeriodDates(name)).toThrow(RangeError);
    expect(() => noticeSchedule(name)).toThrow(RangeError);
  });

  it.each([
    ['2026-12', 1, '2027-01'],
    ['2026-12', 2, '2027-02'],
    ['2027-01', -1, '2026-12'],
    ['2026-11', 14, '2028-01'],
    ['2026-03', -15, '2024-12'],
  ])('addMonths(%s, %i) = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('tiles the calendar: every date is in exactly one period, periods follow each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 5 }), (offset) => {
        const date = addDays('2026-01-01', offset);
        const period = settlementPeriodOf(date);
        const { from, to } = settlementPeriodDates(period);
        expect(from <= date && date <= to).toBe(true);
        expect(Number(to.slice(8))).toBe(SETTLEMENT_CLOSING_DAY);
        expect(monthOf(to)).toBe(period);
        expect(settlementPeriodOf(addDays(to, 1))).toBe(nextSettlementPeriod(period));
        expect(settlementPeriodDates(nextSettlementPeriod(period)).from).toBe(addDays(to, 1));
        const length = daysBetween(from, to) + 1;
        expect(length).toBeGreaterThanOrEqual(28);
        expect(length).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe('notice and due dates (the month after next)', () => {
  it.each([
    ['2026-12', 'api.md’s example: a Monday', '2027-02-01', '2027-02-05', '2027-02-26'],
    ['2027-01', 'across the year end: March', '2027-03-01', '2027-03-05', '2027-03-31'],
    ['2026-11', 'January: 1–3 are bank holidays, then a weekend', '2027-01-04', '2027-01-08', '2027-01-29'],
    ['2027-11', 'January: Sat, Sun, bank holiday; 成人の日 before the 5th', '2028-01-04', '2028-01-11', '2028-01-31'],
    ['2028-11', 'January: 1–3 on weekdays; 成人の日 on the 8th', '2029-01-04', '2029-01-11', '2029-01-31'],
    ['2030-11', 'January 2031: 1–3, then a weekend', '2031-01-06', '2031-01-10', '2031-01-31'],
    ['2026-03', 'Golden Week after a working 1 May', '2026-05-01', '2026-05-12', '2026-05-29'],
    ['2027-03', 'Golden Week: a weekend, then 3–5 May', '2027-05-06', '2027-05-12', '2027-05-31'],
    ['2028-03', 'Golden Week: 3–5 May mid-week', '2028-05-01', '2028-05-10', '2028-05-31'],
    ['2026-10', 'December: 31st is a bank holiday (a Thursday)', '2026-12-01', '2026-12-07', '2026-12-30'],
    ['2028-10', 'December: 31st on a Sunday', '2028-12-01', '2028-12-07', '2028-12-29'],
    ['2026-07', 'September: 国民の休日 mid-month', '2026-09-01', '2026-09-07', '2026-09-30'],
    ['2026-09', 'November: the 1st is a Sunday, 3rd 文化の日', '2026-11-02', '2026-11-09', '2026-11-30'],
    ['2028-02', 'April: the 1st a Saturday; 29 昭和の日 on a Saturday', '2028-04-03', '2028-04-07', '2028-04-28'],
  ])('period %s (%s): issued %s, by %s at the latest, due %s', (period, _label, issueOn, noticeBy, dueDate) => {
    expect(noticeSchedule(period)).toEqual({ month: addMonths(period, 2), issueOn, noticeBy, dueDate });
  });

  it.each([
    ['2027-02-01', '2026-12'],
    ['2027-01-04', '2026-11'],
    ['2027-05-06', '2027-03'],
    ['2027-01-01', null],
    ['2027-01-05', null],
    ['2027-02-02', null],
    ['2027-05-03', null],
  ])('periodNoticedOn(%s) = %s', (date, period) => {
    expect(periodNoticedOn(date)).toBe(period);
  });

  const periods = monthsBetween('2025-11', '2030-10'); // notices issued in 2026–2030

  it.each(periods)('period %s: a notice on the first business day, due on the last', (period) => {
    const { month, issueOn, noticeBy, dueDate } = noticeSchedule(period);
    expect(month).toBe(addMonths(period, 2));
    const dates = datesOf(month);
    const business = dates.filter(isBusinessDay);
    expect(business.length).toBeGreaterThanOrEqual(15);
    // issued on a business day of the month after next, nothing earlier in that month is one
    expect(monthOf(issueOn)).toBe(month);
    expect(isBusinessDay(issueOn)).toBe(true);
    expect(dates.filter((d) => d < issueOn).some(isBusinessDay)).toBe(false);
    // within 004 資料1's limit: on or before the 5th business day
    expect(noticeBy).toBe(business[4]);
    expect(issueOn <= noticeBy).toBe(true);
    // due on the month's last business day, after the notice
    expect(monthOf(dueDate)).toBe(month);
    expect(isBusinessDay(dueDate)).toBe(true);
    expect(dates.filter((d) => d > dueDate).some(isBusinessDay)).toBe(false);
    expect(daysBetween(issueOn, dueDate)).toBeGreaterThanOrEqual(20);
    // the period has closed before its notice is issued
    expect(settlementPeriodDates(period).to < issueOn).toBe(true);
  });

  it('issues exactly one period’s notices on one day a month, 2026–2030', () => {
    const noticed = monthsBetween('2026-01', '2030-12')
      .flatMap(datesOf)
      .flatMap((date) => {
        const period = periodNoticedOn(date);
        return period === null ? [] : [[date, period] as const];
      });
    expect(noticed.map(([, period]) => period)).toEqual(periods);
    for (const [date, period] of noticed) expect(noticeSchedule(period).issueOn).toBe(date);
  });
});

describe('partnerPayout (paid by companies × rate, yen down)', () => {
  it.each([
    [10000, 70, 7000],
    [1566, 70, 1096],
    [1001, 65, 650],
    [0, 70, 0],
    [99, 100, 99],
    [99, 0, 0],
  ])('partnerPayout(%i, %i %%) = %i', (paid, rate, payout) => {
    expect(partnerPayout(paid, rate)).toBe(payout);
  });

  it('pays 70 % by default', () => {
    expect(partnerPayout(2400)).toBe(1680);
  });

  it.each([
    [-1, 70],
    [10.5, 70],
    [100, 101],
    [100, -1],
    [100, 70.5],
  ])('refuses paid %s at %s %%', (paid, rate) => {
    expect(() => partnerPayout(paid, rate)).toThrow(RangeError);
  });
});

describe('noticeAmounts (net = payout − offsets; offsets beyond the payout carried over)', () => {
  it.each([
    ['no offsets', 10000, 70, 0, 0, { payout: 7000, offsetsDue: 0, offsets: 0, net: 7000, carriedOver: 0 }],
    ['an offset', 10000, 70, 1500, 0, { payout: 7000, offsetsDue: 1500, offsets: 1500, net: 5500, carriedOver: 0 }],
    [
      'offsets equal to the payout',
      10000,
      70,
      7000,
      0,
      { payout: 7000, offsetsDue: 7000, offsets: 7000, net: 0, carriedOver: 0 },
    ],
    [
      'offsets above the payout',
      10000,
      70,
      9000,
      0,
      { payout: 7000, offsetsDue: 9000, offsets: 7000, net: 0, carriedOver: 2000 },
    ],
    [
      'carried in, applied',
      10000,
      70,
      500,
      2000,
      { payout: 7000, offsetsDue: 2500, offsets: 2500, net: 4500, carriedOver: 0 },
    ],
    [
      'carried in, still above',
      1000,
      70,
      0,
      2000,
      { payout: 700, offsetsDue: 2000, offsets: 700, net: 0, carriedOver: 1300 },
    ],
    ['nothing paid yet', 0, 70, 300, 0, { payout: 0, offsetsDue: 300, offsets: 0, net: 0, carriedOver: 300 }],
    ['yen rounded down', 1566, 65, 17, 0, { payout: 1017, offsetsDue: 17, offsets: 17, net: 1000, carriedOver: 0 }],
  ])('%s', (_label, paidByCompanies, ratePercent, offsets, carriedIn, expected) => {
    expect(noticeAmounts({ paidByCompanies, ratePercent, offsets, carriedIn })).toEqual({
      paidByCompanies,
      ratePercent,
      ...expected,
    });
  });

  it('takes the default rate and nothing carried in', () => {
    expect(noticeAmounts({ paidByCompanies: 2400, offsets: 100 })).toMatchObject({ payout: 1680, net: 1580 });
  });

  it('refuses negative or fractional offsets', () => {
    expect(() => noticeAmounts({ paidByCompanies: 100, offsets: -1 })).toThrow(RangeError);
    expect(() => noticeAmounts({ paidByCompanies: 100, offsets: 0, carriedIn: 0.5 })).toThrow(RangeError);
  });

  it('keeps net = payout − offsets ≥ 0 and loses no offset', () => {
    const yen = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(yen, fc.integer({ min: 0, max: 100 }), yen, yen, (paid, rate, offsets, carriedIn) => {
        const a = noticeAmounts({ paidByCompanies: paid, ratePercent: rate, offsets, carriedIn });
        expect(a.net).toBe(a.payout - a.offsets);
        expect(a.net).toBeGreaterThanOrEqual(0);
        expect(a.offsets + a.carriedOver).toBe(offsets + carriedIn);
        expect(a.carriedOver === 0 || a.net === 0).toBe(true);
      }),
    );
  });
});

describe('shareCompanyPayment (in proportion to what each partner billed; largest remainder)', () => {
  it.each([
    ['one partner', 12345, { p1: 500 }, { p1: 12345 }],
    ['an exact split', 1000, { p1: 300, p2: 700 }, { p1: 300, p2: 700 }],
    ['a partial payment, exact', 500, { p1: 300, p2: 700 }, { p1: 150, p2: 350 }],
    ['thirds: the tie goes to the smaller id', 100, { p3: 1, p1: 1, p2: 1 }, { p3: 33, p1: 34, p2: 33 }],
    ['thirds of 101', 101, { p1: 1, p2: 1, p3: 1 }, { p1: 34, p2: 34, p3: 33 }],
    ['an uneven split', 1000, { a: 1, b: 2, c: 4 }, { a: 143, b: 286, c: 571 }],
    ['largest remainder, not largest bill', 10, { a: 15, b: 14, c: 11 }, { a: 4, b: 3, c: 3 }],
    ['equal remainders: the larger bill first', 2, { a: 1, b: 3 }, { a: 0, b: 2 }],
    ['a partner that billed nothing', 300, { a: 0, b: 500 }, { a: 0, b: 300 }],
    ['a partner that billed nothing, uneven', 10, { a: 0, b: 1, c: 2 }, { a: 0, b: 3, c: 7 }],
    ['nothing paid', 0, { a: 100, b: 200 }, { a: 0, b: 0 }],
    ['nothing paid, nothing billed', 0, { a: 0 }, { a: 0 }],
    ['no partner, nothing paid', 0, {}, {}],
    ['one yen among many', 1, { a: 1, b: 1, c: 1, d: 1 }, { a: 1, b: 0, c: 0, d: 0 }],
  ])('%s: %i over %j → %j', (_label, paid, billed, expected) => {
    expect(shareCompanyPayment(paid, billed)).toEqual(expected);
  });

  it('is exact where yen × yen passes 2^53', () => {
    const shares = shareCompanyPayment(9_000_000_000, { a: 3_000_000_001, b: 6_000_000_000 });
    expect(shares).toEqual({ a: 3_000_000_001, b: 5_999_999_999 });
  });

  it.each([
    ['a payment with nothing billed', 100, { a: 0 }],
    ['a payment with no partner', 100, {}],
    ['a negative payment', -1, { a: 1 }],
    ['a fractional bill', 10, { a: 1.5 }],
    ['a negative bill', 10, { a: 5, b: -1 }],
  ])('refuses %s', (_label, paid, billed) => {
    expect(() => shareCompanyPayment(paid, billed)).toThrow(RangeError);
  });

  it('sums to the payment, stays within a yen of the exact share, and does not depend on key order', () => {
    const billed = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 4 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })),
      { minKeys: 1, maxKeys: 8 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), billed, (paid, bills) => {
        const total = Object.values(bills).reduce((sum, b) => sum + b, 0);
        fc.pre(total > 0);
        const shares = shareCompanyPayment(paid, bills);
        expect(Object.keys(shares).sort()).toEqual(Object.keys(bills).sort());
        expect(Object.values(shares).reduce((sum, s) => sum + s, 0)).toBe(paid);
        for (const [id, share] of Object.entries(shares)) {
          const bill = bills[id] as number;
          expect(Number.isInteger(share)).toBe(true);
          expect(Math.abs(share - (paid * bill) / total)).toBeLessThan(1);
          if (bill === 0) expect(share).toBe(0);
          for (const [other, otherShare] of Object.entries(shares)) {
            if (bill > (bills[other] as number)) expect(share).toBeGreaterThanOrEqual(otherShare);
          }
        }
        const reversed = Object.fromEntries(Object.entries(bills).reverse());
        expect(shareCompanyPayment(paid, reversed)).toEqual(shares);
      }),
    );
  });
});
