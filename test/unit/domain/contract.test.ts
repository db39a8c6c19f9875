import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../lambdas/domain/calendar';
import { companyMonth, contractPeriod, contractPeriodStart } from '../../../lambdas/domain/contract';

describe('contractPeriod (§4: purchase day to the day before the same day next month)', () => {
  it.each([
    ['bought Oct 10', '2024-10-10', '2024-10-10', '2024-10-10', '2024-11-09'],
    ['bought Oct 10, last day', '2024-10-10', '2024-11-09', '2024-10-10', '2024-11-09'],
    ['bought Oct 10, renewal day', '2024-10-10', '2024-11-10', '2024-11-10', '2024-12-09'],
    ['bought Oct 31 (Nov has no 31st)', '2024-10-31', '2024-11-15', '2024-10-31', '2024-11-29'],
    ['bought Oct 31, second month', '2024-10-31', '2024-11-30', '2024-11-30', '2024-12-30'],
    ['bought Oct 31, third month', '2024-10-31', '2024-12-31', '2024-12-31', '2025-01-30'],
    ['bought Jan 31 (non-leap Feb)', '2023-01-31', '2023-02-10', '2023-01-31', '2023-02-27'],
    ['bought Jan 31 (leap Feb)', '2024-01-31', '2024-02-10', '2024-01-31', '2024-02-28'],
    ['bought Jan 31, second month', '2023-01-31', '2023-03-01', '2023-02-28', '2023-03-30'],
    ['bought Jan 30 (non-leap Feb)', '2023-01-30', '2023-02-27', '2023-01-30', '2023-02-27'],
    ['years later', '2024-10-31', '2026-03-05', '2026-02-28', '2026-03-30'],
    ['today before the purchase', '2024-10-10', '2024-09-01', '2024-10-10', '2024-11-09'],
    ['early in a later month', '2024-10-10', '2025-01-05', '2024-12-10', '2025-01-09'],
  ])('%s: on %s (today %s) → %s..%s', (_label, start, today, from, to) => {
    expect(contractPeriod(start, today)).toEqual({ start: from, end: to });
  });

  it.each([
    [0, '2024-10-31'],
    [1, '2024-11-30'],
    [2, '2024-12-31'],
    [4, '2025-02-28'],
  ])('contractPeriodStart(Oct 31, %i) = %s', (k, expected) => {
    expect(contractPeriodStart('2024-10-31', k)).toBe(expected);
  });

  it('rejects a malformed date', () => {
    expect(() => contractPeriod('2024-02-30', '2024-03-01')).toThrow(RangeError);
    expect(() => companyMonth('June')).toThrow(RangeError);
  });

  const dateArb = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => addDays(from, n));

  it('periods contain today and tile the calendar without gap or overlap', () => {
    fc.assert(
      fc.property(dateArb('2020-01-01', 3000), fc.integer({ min: 0, max: 2000 }), (start, offset) => {
        const today = addDays(start, offset);
        const p = contractPeriod(start, today);
        expect(p.start <= today && today <= p.end).toBe(true);
        const length = daysBetween(p.start, p.end) + 1;
        expect(length).toBeGreaterThanOrEqual(28);
        expect(length).toBeLessThanOrEqual(31);
        const next = contractPeriod(start, addDays(p.end, 1));
        expect(next.start).toBe(addDays(p.end, 1));
        if (p.start > start) {
          const previous = contractPeriod(start, addDays(p.start, -1));
          expect(addDays(previous.end, 1)).toBe(p.start);
        }
      }),
    );
  });
});

describe('companyMonth (company caps are per calendar month)', () => {
  it.each([
    ['2024-06-01', '2024-06'],
    ['2024-06-30', '2024-06'],
    ['2024-12-31', '2024-12'],
  ])('%s → %s', (date, month) => {
    expect(companyMonth(date)).toBe(month);
  });
});
