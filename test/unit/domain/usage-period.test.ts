import { describe, expect, it } from 'vitest';
import type { Member } from '../../../lambdas/domain/model';
import { calendarMonth, usagePeriod } from '../../../lambdas/domain/usage-period';

describe('calendarMonth', () => {
  it.each([
    ['2024-02-10', '2024-02-01', '2024-02-29'],
    ['2024-12-31', '2024-12-01', '2024-12-31'],
  ])('%s → %s..%s', (date, start, end) => {
    expect(calendarMonth(date)).toEqual({ start, end });
  });
});

describe('usagePeriod', () => {
  it.each<[string, Pick<Member, 'plan' | 'contractStart'>, string, string, string]>([
    [
      'basic counts by contract month',
      { plan: 'basic', contractStart: '2024-10-31' },
      '2024-11-15',
      '2024-10-31',
      '2024-11-29',
    ],
    [
      'premium counts by contract month',
      { plan: 'premium', contractStart: '2024-10-10' },
      '2024-11-09',
      '2024-10-10',
      '2024-11-09',
    ],
    [
      'corporate counts by calendar month',
      { plan: 'corporate', contractStart: '2024-10-10' },
      '2024-11-15',
      '2024-11-01',
      '2024-11-30',
    ],
    [
      'no purchase day: calendar month',
      { plan: 'basic', contractStart: null },
      '2024-11-15',
      '2024-11-01',
      '2024-11-30',
    ],
  ])('%s', (_label, member, date, start, end) => {
    expect(usagePeriod(member, date)).toEqual({ start, end });
  });
});
