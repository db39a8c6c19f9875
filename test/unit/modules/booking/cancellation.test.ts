import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CancellationFeeRule } from '../../../../lambdas/domain/model';
import {
  applicableFeeRule,
  cancellationOutcome,
  FREE_CANCELLATION_MS,
} from '../../../../lambdas/modules/booking/rules/cancellation';
import { HOUR, MIN, requestSpace, tokyo, ZONE } from '../../../fixtures/domain';

const rules = requestSpace.cancellationFees; // (0 days, 100 %), (3 days, 30 %)
const start = tokyo('2024-06-20T10:00');

describe('cancellation fee (§4: calendar days; the smallest daysBefore ≥ days applies)', () => {
  it.each([
    ['same day, an hour before', '2024-06-20T09:00', 100, 2400],
    ['same day, just after midnight', '2024-06-20T00:00', 100, 2400],
    ['1 day before', '2024-06-19T10:00', 30, 720],
    ['1 calendar day though under 24 h', '2024-06-19T23:00', 30, 720],
    ['3 days before', '2024-06-17T00:00', 30, 720],
    ['4 days before', '2024-06-16T23:59', 0, 0],
    ['7 days before', '2024-06-13T10:00', 0, 0],
  ])('%s (%s) → %i %% = %i yen of 2,400', (_label, now, percent, fee) => {
    const outcome = cancellationOutcome({ now: tokyo(now), start, amount: 2400, rules, timeZone: ZONE });
    expect(outcome.allowed).toBe(true);
    expect(outcome.feePercent).toBe(percent);
    expect(outcome.fee).toBe(fee);
  });

  it.each<[string, CancellationFeeRule[], number, number | undefined]>([
    ['no rules', [], 0, undefined],
    ['exact match', rules, 3, 30],
    [
      'smallest daysBefore ≥ days, whatever the order',
      [
        { daysBefore: 5, percent: 10 },
        { daysBefore: 2, percent: 50 },
        { daysBefore: 7, percent: 5 },
      ],
      1,
      50,
    ],
    ['beyond every rule', rules, 4, undefined],
  ])('applicableFeeRule: %s', (_label, list, days, percent) => {
    expect(applicableFeeRule(list, days)?.percent).toBe(percent);
  });

  it('no rule → no fee', () => {
    const outcome = cancellationOutcome({ now: start - HOUR, start, amount: 2400, rules: [], timeZone: ZONE });
    expect(outcome).toEqual({ allowed: true, usesCounted: true, feePercent: 0, fee: 0 });
  });

  it('rounds the fee down to the yen', () => {
    const outcome = cancellationOutcome({
      now: tokyo('2024-06-18T10:00'),
      start,
      amount: 1001,
      rules,
      timeZone: ZONE,
    });
    expect(outcome.fee).toBe(300);
  });

  it('is never negative nor more than the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(
          fc.record({ daysBefore: fc.integer({ min: 0, max: 7 }), percent: fc.integer({ min: -50, max: 200 }) }),
        ),
        fc.integer({ min: 1, max: 10 * 24 * 60 }),
        (amount, list, minutesBefore) => {
          const { fee, feePercent } = cancellationOutcome({
            now: start - minutesBefore * MIN,
            start,
            amount,
            rules: list,
            timeZone: ZONE,
          });
          expect(fee).toBeGreaterThanOrEqual(0);
          expect(fee).toBeLessThanOrEqual(amount);
          expect(feePercent).toBeGreaterThanOrEqual(0);
          expect(feePercent).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('the 2-hour rule (§4: at least 2 hours before → nothing counted)', () => {
  it('is two hours', () => {
    expect(FREE_CANCELLATION_MS).toBe(2 * HOUR);
  });

  it.each([
    ['a day before', start - 24 * HOUR, true, false],
    ['2 h 1 min before', start - 2 * HOUR - MIN, true, false],
    ['exactly 2 h before', start - 2 * HOUR, true, false],
    ['1 ms under 2 h before', start - 2 * HOUR + 1, true, true],
    ['1 h 59 min before', start - 2 * HOUR + MIN, true, true],
    ['1 ms before the start', start - 1, true, true],
    ['at the start', start, false, true],
    ['after the start', start + MIN, false, true],
  ])('%s → allowed %s, uses counted %s', (_label, now, allowed, usesCounted) => {
    const outcome = cancellationOutcome({ now, start, amount: 2400, rules: [], timeZone: ZONE });
    expect(outcome.allowed).toBe(allowed);
    expect(outcome.usesCounted).toBe(usesCounted);
  });

  it('a refused cancellation charges nothing', () => {
    expect(cancellationOutcome({ now: start, start, amount: 2400, rules, timeZone: ZONE })).toEqual({
      allowed: false,
      usesCounted: true,
      feePercent: 0,
      fee: 0,
    });
  });
});
