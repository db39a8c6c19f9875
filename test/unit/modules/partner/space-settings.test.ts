import { describe, expect, it } from 'vitest';
import {
  applySpaceSettings,
  newSpace,
  newSpaceDefaults,
} from '../../../../lambdas/modules/partner/spaces/rules/space-settings';
import { makeSpace } from '../../../fixtures/domain';

const space = makeSpace({ version: 2, price15: 300, priceDay: null });

describe('applySpaceSettings', () => {
  it('sets what it names under api.md’s names, keeps the rest, moves the version', () => {
    const outcome = applySpaceSettings(space, { name: '個室A', minimumMinutes: 30, externalLink: true }, '2024-06-10');
    expect(outcome).toMatchObject({
      ok: true,
      space: { name: '個室A', minBookingMinutes: 30, externalLink: true, version: 3, capacity: space.capacity },
    });
  });

  it('records a price change from the day it is made, keeping the old price for earlier uses', () => {
    const outcome = applySpaceSettings(space, { price15: 400 }, '2024-06-10');
    expect(outcome).toMatchObject({ ok: true, space: { price15: 400 } });
    if (outcome.ok) {
      expect(outcome.space.priceHistory).toEqual([
        { from: '2000-01-01', price15: 300, priceDay: null },
        { from: '2024-06-10', price15: 400, priceDay: null },
      ]);
    }
  });

  it.each([
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['a minimum of 20 minutes', { minimumMinutes: 20 }, 'multiple of 15'],
    ['a fee 8 days before', { cancellationFees: [{ daysBefore: 8, percent: 50 }] }, '0–7 days'],
    ['a fee of 120 %', { cancellationFees: [{ daysBefore: 1, percent: 120 }] }, '0–100 %'],
    [
      'a request space bookable from today',
      { bookingType: 'request' as const, windowDaysFrom: 0 },
      'windowDaysFrom ≥ 1',
    ],
    [
      'a request space with extension',
      { bookingType: 'request' as const, windowDaysFrom: 1, extension: { allowed: true, opensMinutesBeforeEnd: null } },
      'cannot allow extension',
    ],
    ['negative prices', { price15: -1 }, 'non-negative yen'],
    ['a window that ends before it starts', { windowDaysFrom: 5, windowDaysTo: 2 }, 'windowDaysFrom ≤ windowDaysTo'],
  ])('refuses %s, naming the rule', (_, settings, rule) => {
    const outcome = applySpaceSettings(space, settings, '2024-06-10');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join(' ')).toContain(rule);
  });

  it('makes a new space from the partner site’s defaults', () => {
    const base = newSpaceDefaults({ spaceId: 's-1', facilityId: 'f-1', kind: 'meetingRoom', doorIds: ['d-1'] });
    const outcome = applySpaceSettings(base, { name: '会議室B', capacity: 6, price15: 500 }, '2024-06-10');
    expect(outcome).toMatchObject({
      ok: true,
      space: {
        type: 'meetingRoom',
        name: '会議室B',
        capacity: 6,
        price15: 500,
        bookingType: 'instant',
        doorIds: ['d-1'],
      },
    });
  });

  it('makes a new space at version 1: a reservable one at every door of its facility, an open one at none', () => {
    const facility = { facilityId: 'f-1', doors: [{ doorId: 'd-1', name: '入口', keyType: 'smartLock' as const }] };
    const settings = { name: '席', capacity: 2, price15: 100 };
    const seat = newSpace({ spaceId: 's-1', facility, kind: 'seat', settings, today: '2024-06-10' });
    expect(seat).toMatchObject({
      ok: true,
      space: { version: 1, priceHistory: [], doorIds: ['d-1'], checkInOpensMinutesBefore: 5 },
    });
    const open = newSpace({ spaceId: 's-2', facility, kind: 'openSpace', settings, today: '2024-06-10' });
    expect(open).toMatchObject({
      ok: true,
      space: { type: 'openSpace', version: 1, doorIds: [], checkInOpensMinutesBefore: 0 },
    });
    expect(
      newSpace({ spaceId: 's-3', facility, kind: 'seat', settings: { capacity: 0 }, today: '2024-06-10' }),
    ).toEqual({ ok: false, problems: ['capacity must be at least 1.'] });
  });
});
