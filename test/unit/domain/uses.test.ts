import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../lambdas/domain/model';
import {
  BASIC_MONTHLY_USES,
  checkAffordable,
  checkDailyLimit,
  planLimit,
  usesFor,
  usesSummary,
} from '../../../lambdas/domain/uses';
import { MIN, tokyo } from '../../fixtures/domain';

const codeOf = (v: { ok: boolean; code?: string }) => (v.ok ? 'OK' : v.code);

describe('usesFor (§4: every started block counts)', () => {
  it.each([
    ['14:00', '16:00', 2],
    ['13:45', '15:45', 2],
    ['14:15', '15:30', 2],
    ['14:00', '14:15', 1],
    ['14:00', '15:00', 1],
    ['14:00', '15:15', 2],
  ])('with a 60-minute limit, %s–%s counts %i', (from, to, uses) => {
    const minutes = (tokyo(`2024-06-10T${to}`) - tokyo(`2024-06-10T${from}`)) / MIN;
    expect(usesFor(minutes, 60)).toBe(uses);
  });

  it.each([
    ['002 §6 pattern 1: 2-hour limit, 4 hours chosen', 240, 120, 2],
    ['002 §6 pattern 2: 2-hour limit, 2-hour extension', 120, 120, 1],
    ['no time limit counts once', 600, null, 1],
    ['a zero-minute stay still counts once', 0, 60, 1],
  ])('%s → %i', (_label, minutes, limit, uses) => {
    expect(usesFor(minutes, limit)).toBe(uses);
  });

  it('is at least 1 and monotonic in the minutes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.option(fc.integer({ min: 1, max: 600 })),
        (a, b, limit) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(usesFor(lo, limit)).toBeGreaterThanOrEqual(1);
          expect(usesFor(lo, limit)).toBeLessThanOrEqual(usesFor(hi, limit));
        },
      ),
    );
  });
});

describe('planLimit', () => {
  it.each<[Plan, number | null, number | null]>([
    ['basic', null, 31],
    ['basic', 100, 31],
    ['premium', null, null],
    ['premium', 100, null],
    ['corporate', null, null],
    ['corporate', 200, 200],
  ])('%s with company cap %s → %s', (plan, cap, limit) => {
    expect(planLimit(plan, cap)).toBe(limit);
  });

  it('basic is 31 uses a month', () => {
    expect(BASIC_MONTHLY_USES).toBe(31);
  });
});

describe('checkAffordable (§4: used + held + new > limit refuses)', () => {
  it.each([
    [31, 29, 0, 2, 'OK'],
    [31, 29, 1, 1, 'OK'],
    [31, 29, 1, 2, 'INSUFFICIENT_TICKETS'],
    [31, 31, 0, 1, 'INSUFFICIENT_TICKETS'],
    [null, 1000, 1000, 1000, 'OK'],
    [0, 0, 0, 1, 'INSUFFICIENT_TICKETS'],
  ])('limit %s, used %i, held %i, requested %i → %s', (limit, used, held, requested, expected) => {
    expect(codeOf(checkAffordable({ limit, used, held, requested }))).toBe(expected);
  });
});

describe('usesSummary', () => {
  it.each([
    [31, 10, 5, 16],
    [31, 30, 5, 0],
    [null, 10, 5, null],
  ])('limit %s, used %i, held %i → remaining %s', (limit, used, held, remaining) => {
    expect(usesSummary({ limit, used, held })).toEqual({ limit, used, held, remaining });
  });
});

describe('checkDailyLimit (§4: H1T 5 uses per member per day)', () => {
  it.each([
    [5, 4, 1, 'OK'],
    [5, 4, 2, 'DAILY_LIMIT_REACHED'],
    [5, 5, 1, 'DAILY_LIMIT_REACHED'],
    [1, 0, 1, 'OK'],
    [null, 50, 10, 'OK'],
  ])('limit %s, used that day %i, requested %i → %s', (limit, usedThatDay, requested, expected) => {
    expect(codeOf(checkDailyLimit({ limit, usedThatDay, requested }))).toBe(expected);
  });
});
