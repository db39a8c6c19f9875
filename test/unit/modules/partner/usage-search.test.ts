import { describe, expect, it } from 'vitest';
import { usageGuestsQuery, usageReservationsQuery, usageVisitsQuery } from '../../../../contracts/http/usage';
import {
  guestStatusOf,
  guestsInSearch,
  indexRange,
  onSearchDates,
  reservationInSearch,
  type UsageSearch,
  visitInSearch,
} from '../../../../lambdas/modules/partner/usage/rules/search';
import { tokyo, ZONE } from '../../../fixtures/domain';
import { makeReservation } from '../../../service/fakes';

const DAY = '2026-11-24';
const search: UsageSearch = { from: DAY, to: DAY };

const visit = {
  facilityId: 'regus-marunouchi',
  spaceId: 'regus-marunouchi-lounge',
  companyName: '株式会社サンプル' as string | null,
  timeZone: ZONE,
  // 00:30 in Tokyo is still the 23rd in UTC: the facility's date counts
  checkedInAt: tokyo('2026-11-24T00:30'),
  status: 'out' as const,
  guests: [
    { guestId: 'g1', checkedOutAt: tokyo('2026-11-24T01:00') },
    { guestId: 'g2', checkedOutAt: null },
    { guestId: 'g3', checkedOutAt: tokyo('2026-11-24T02:00') },
  ],
};

describe('indexRange (the UTC keys of the search’s dates in the zones of the facilities searched)', () => {
  const ZONES = ['Asia/Tokyo', 'Pacific/Kiritimati', 'Etc/GMT+12'];

  it('runs from the first date’s midnight to the midnight after the last, in facility time', () => {
    const range = indexRange({ from: DAY, to: '2026-11-25' }, [ZONE]);
    expect(range && new Date(range.from).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(range && new Date(range.to).toISOString()).toBe('2026-11-25T15:00:00.000Z');
  });

  it('spans every zone searched: from the one most ahead of UTC (+14) to the one most behind (−12)', () => {
    const range = indexRange(search, ZONES);
    expect(range && new Date(range.from).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(range && new Date(range.to).toISOString()).toBe('2026-11-25T12:00:00.000Z');
    for (const zone of ZONES) {
      const first = Date.parse(`${DAY}T00:00:00Z`) - offsetMs(zone);
      const last = first + 86_400_000 - 1;
      expect(first, zone).toBeGreaterThanOrEqual(range?.from ?? Number.NaN);
      expect(last, zone).toBeLessThan(range?.to ?? Number.NaN);
      expect(onSearchDates(first, zone, search), zone).toBe(true);
      expect(onSearchDates(last, zone, search), zone).toBe(true);
      expect(onSearchDates(first - 1, zone, search), zone).toBe(false);
      expect(onSearchDates(last + 1, zone, search), zone).toBe(false);
    }
  });

  it('is nothing without a facility (a partner without one lists nothing)', () => {
    expect(indexRange(search, [])).toBeNull();
  });
});

/** A zone's offset from UTC on the test date, in ms (ahead positive). */
function offsetMs(zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${DAY}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(parts ?? '');
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

describe('visitInSearch (check-in date in facility time, facility, space, company exactly, status)', () => {
  it.each<[string, Partial<Parameters<typeof visitInSearch>[1]>, boolean]>([
    ['its date', {}, true],
    ['the day before (its UTC date)', { from: '2026-11-23', to: '2026-11-23' }, false],
    ['a range around it', { from: '2026-11-01', to: '2026-11-30' }, true],
    ['its facility', { facilityId: 'regus-marunouchi' }, true],
    ['another facility', { facilityId: 'kaikatsu-kanda' }, false],
    ['its space', { spaceId: 'regus-marunouchi-lounge' }, true],
    ['another space', { spaceId: 'x' }, false],
    ['its company', { companyName: '株式会社サンプル' }, true],
    ['its company in other spacing', { companyName: '株式会社 サンプル' }, false],
    ['its company with a space after it', { companyName: '株式会社サンプル ' }, false],
    ['its status', { status: 'out' }, true],
    ['another status', { status: 'in' }, false],
  ])('%s → %s', (_case, narrowed, expected) => {
    expect(visitInSearch(visit, { ...search, ...narrowed })).toBe(expected);
  });

  it('a member without a company is in no company search', () => {
    expect(visitInSearch({ ...visit, companyName: null }, { ...search, companyName: '株式会社サンプル' })).toBe(false);
    expect(visitInSearch({ ...visit, companyName: null }, search)).toBe(true);
  });
});

describe('reservationInSearch (start date in facility time)', () => {
  const reservation = makeReservation({
    facilityId: 'tw-shibuya',
    spaceId: 'tw-shibuya-desk',
    start: tokyo('2026-11-24T23:30'),
    status: 'checkedOut',
    companyName: '株式会社サンプル',
  });

  it.each<[string, Partial<Parameters<typeof reservationInSearch>[1]>, boolean]>([
    ['its date', {}, true],
    ['the next day (its UTC date is its own)', { from: '2026-11-25', to: '2026-11-25' }, false],
    ['its status', { status: 'checkedOut' }, true],
    ['another status', { status: 'cancelled' }, false],
    ['its company', { companyName: '株式会社サンプル' }, true],
    ['another company', { companyName: '株式会社ほか' }, false],
    ['its space of another facility', { facilityId: 'h1t-kudanshita' }, false],
  ])('%s → %s', (_case, narrowed, expected) => {
    expect(reservationInSearch(reservation, { ...search, ...narrowed })).toBe(expected);
  });

  it('an individual member’s reservation (no company) is in no company search', () => {
    const { companyName: _none, ...individual } = reservation;
    expect(reservationInSearch(individual, { ...search, companyName: '株式会社サンプル' })).toBe(false);
  });
});

describe('guestsInSearch (the guests of a visit in the search, in order, after the one listed last)', () => {
  const ids = (guests: { guestId: string }[]) => guests.map((g) => g.guestId);

  it('lists every guest of a visit in the search, none of one outside it', () => {
    expect(ids(guestsInSearch(visit, search))).toEqual(['g1', 'g2', 'g3']);
    expect(guestsInSearch(visit, { ...search, spaceId: 'x' })).toEqual([]);
    expect(guestsInSearch(visit, { from: '2026-11-25', to: '2026-11-25' })).toEqual([]);
  });

  it('narrows by the guest’s own status: in until their own checkout', () => {
    expect(guestStatusOf({ checkedOutAt: null })).toBe('in');
    expect(guestStatusOf({ checkedOutAt: 1 })).toBe('out');
    expect(ids(guestsInSearch(visit, { ...search, status: 'in' }))).toEqual(['g2']);
    expect(ids(guestsInSearch(visit, { ...search, status: 'out' }))).toEqual(['g1', 'g3']);
  });

  it('goes on after a guest listed before', () => {
    expect(ids(guestsInSearch(visit, search, 'g1'))).toEqual(['g2', 'g3']);
    expect(ids(guestsInSearch(visit, { ...search, status: 'out' }, 'g2'))).toEqual(['g3']);
    expect(guestsInSearch(visit, search, 'g3')).toEqual([]);
  });
});

describe('the usage queries', () => {
  const base = { from: '2026-11-01', to: '2026-11-30' };

  it('need from and to, from not after to, at most 366 days both included', () => {
    for (const query of [usageVisitsQuery, usageGuestsQuery, usageReservationsQuery]) {
      expect(query.safeParse(base).success).toBe(true);
      expect(query.safeParse({ from: base.from }).success).toBe(false);
      expect(query.safeParse({ to: base.to }).success).toBe(false);
      expect(query.safeParse({ from: '2026-11-30', to: '2026-11-01' }).success).toBe(false);
      expect(query.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
      expect(query.safeParse({ from: '2026-01-01', to: '2027-01-01' }).success).toBe(true);
      expect(query.safeParse({ from: '2026-01-01', to: '2027-01-02' }).success).toBe(false);
      expect(query.safeParse({ ...base, limit: '0' }).success).toBe(false);
      expect(query.safeParse({ ...base, limit: '101' }).success).toBe(false);
      expect(query.safeParse({ ...base, limit: '100' }).data).toMatchObject({ limit: 100 });
      expect(query.safeParse({ ...base, companyName: '' }).success).toBe(false);
      expect(query.safeParse({ ...base, memberId: 'm1' }).success).toBe(false);
    }
  });

  it('take each list’s own statuses', () => {
    expect(usageVisitsQuery.safeParse({ ...base, status: 'closedAtClosing' }).success).toBe(true);
    expect(usageVisitsQuery.safeParse({ ...base, status: 'checkedOut' }).success).toBe(false);
    expect(usageGuestsQuery.safeParse({ ...base, status: 'out' }).success).toBe(true);
    expect(usageGuestsQuery.safeParse({ ...base, status: 'closedAtClosing' }).success).toBe(false);
    expect(usageReservationsQuery.safeParse({ ...base, status: 'noShow' }).success).toBe(true);
    expect(usageReservationsQuery.safeParse({ ...base, status: 'in' }).success).toBe(false);
  });
});
