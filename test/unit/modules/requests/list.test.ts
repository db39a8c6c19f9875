import { describe, expect, it } from 'vitest';
import { bookingRequestsQuery } from '../../../../contracts/http/requests';
import { matchesFilter, type RequestFilter } from '../../../../lambdas/modules/requests/rules/list';
import { tokyo, ZONE } from '../../../fixtures/domain';

const request = {
  facilityId: 'tw-shibuya',
  spaceId: 'tw-shibuya-room-a',
  // 2026-12-16 00:30 in Tokyo is still 2026-12-15 in UTC: the facility's date counts.
  start: tokyo('2026-12-16T00:30'),
  timeZone: ZONE,
};

describe('matchesFilter (api.md: request list filters, start date in facility time, inclusive)', () => {
  it.each<[string, RequestFilter, boolean]>([
    ['no filter', {}, true],
    ['its facility', { facilityId: 'tw-shibuya' }, true],
    ['another facility', { facilityId: 'h1t-kudanshita' }, false],
    ['its space', { spaceId: 'tw-shibuya-room-a' }, true],
    ['another space', { spaceId: 'tw-shibuya-desk' }, false],
    ['from its start date', { from: '2026-12-16' }, true],
    ['from the next day', { from: '2026-12-17' }, false],
    ['to its start date', { to: '2026-12-16' }, true],
    ['to the day before (its UTC date)', { to: '2026-12-15' }, false],
    ['the one day', { from: '2026-12-16', to: '2026-12-16' }, true],
    ['a range around it', { from: '2026-12-10', to: '2026-12-20' }, true],
    ['a range before it', { from: '2026-12-10', to: '2026-12-15' }, false],
    ['its day but another space', { from: '2026-12-16', to: '2026-12-16', spaceId: 'x' }, false],
  ])('%s → %s', (_case, filter, expected) => {
    expect(matchesFilter(request, filter)).toBe(expected);
  });
});

describe('bookingRequestsQuery', () => {
  it('takes facilityId, spaceId, from and to', () => {
    expect(
      bookingRequestsQuery.parse({
        facilityId: 'tw-shibuya',
        spaceId: 'tw-shibuya-room-a',
        from: '2026-12-01',
        to: '2026-12-01',
      }),
    ).toEqual({ facilityId: 'tw-shibuya', spaceId: 'tw-shibuya-room-a', from: '2026-12-01', to: '2026-12-01' });
  });

  it.each([
    ['from after to', { from: '2026-12-02', to: '2026-12-01' }, ['from', 'to']],
    ['not a date', { from: '2026-13-01' }, ['from']],
    ['not a calendar date', { to: '2026-02-30' }, ['to']],
    ['a date-time', { from: '2026-12-01T00:00:00+09:00' }, ['from']],
  ])('%s is refused, naming the fields', (_case, query, fields) => {
    const parsed = bookingRequestsQuery.safeParse(query);
    expect(parsed.success).toBe(false);
    expect([...new Set(parsed.error?.issues.map((i) => i.path.join('.')))]).toEqual(fields);
  });
});
