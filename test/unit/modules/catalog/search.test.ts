import { describe, expect, it } from 'vitest';
import type { Facility, Space } from '../../../../lambdas/domain/model';
import { distanceM, type FacilitySearch, searchFacilities } from '../../../../lambdas/modules/catalog/rules/search';
import {
  allDayCalendar,
  makeFacility,
  makeSpace,
  officeCalendar,
  spaceCalendarOf,
  tokyo,
} from '../../../fixtures/domain';

const now = tokyo('2024-06-10T10:00');
const ryogoku = makeFacility({ facilityId: 'a-ryogoku', location: { lat: 35.6965, lng: 139.7932 } });
const shinjuku = makeFacility({
  facilityId: 'b-shinjuku',
  kind: 'dropin',
  amenities: ['Wi-Fi', '電源'],
  location: { lat: 35.6909, lng: 139.7003 },
});
const osaka = makeFacility({
  facilityId: 'c-osaka',
  address: { prefecture: '大阪府', city: '大阪市', line: '梅田1-1' },
  location: { lat: 34.7025, lng: 135.4959 },
});
const mondays = spaceCalendarOf({
  ...officeCalendar,
  regularHours: [{ weekday: 1, open: '10:00', close: '17:00' }],
  specialOpenDays: [],
});
const hidden = makeFacility({ facilityId: 'd-hidden', publishUntil: now });
const all: Facility[] = [osaka, hidden, shinjuku, ryogoku];
const spaces: Record<string, Space[]> = {
  'b-shinjuku': [
    makeSpace({ type: 'openSpace', perCheckInLimitMinutes: null, calendar: spaceCalendarOf(allDayCalendar) }),
  ],
  'c-osaka': [makeSpace({ spaceId: 'osaka-seat', calendar: mondays })],
  // seats and a meeting room; an inactive open space offers no tab
  'a-ryogoku': [
    makeSpace(),
    makeSpace({ spaceId: 'room', type: 'meetingRoom' }),
    makeSpace({ spaceId: 'lounge', type: 'openSpace', status: 'inactive' }),
  ],
};

describe('distanceM', () => {
  it('is about 8.5 km from Ryogoku to Shinjuku and 0 to itself', () => {
    expect(distanceM(ryogoku.location, shinjuku.location)).toBeGreaterThan(8_000);
    expect(distanceM(ryogoku.location, shinjuku.location)).toBeLessThan(9_000);
    expect(distanceM(ryogoku.location, ryogoku.location)).toBe(0);
  });
});

describe('searchFacilities', () => {
  it.each<[string, FacilitySearch, string[]]>([
    ['no filter: published, by id', {}, ['a-ryogoku', 'b-shinjuku', 'c-osaka']],
    ['kind: the drop-in tab', { kind: 'dropin' }, ['b-shinjuku']],
    ['kind: the seats and rooms tab', { kind: 'reservation' }, ['a-ryogoku', 'c-osaka']],
    ['kind: the meeting rooms tab (a facility under every tab its spaces offer)', { kind: 'meeting' }, ['a-ryogoku']],
    ['prefecture', { prefecture: '大阪府' }, ['c-osaka']],
    ['amenities', { amenities: ['電源'] }, ['b-shinjuku']],
    ['open early', { openEarly: true }, ['a-ryogoku', 'b-shinjuku']],
    ['open late', { openLate: true }, ['a-ryogoku', 'b-shinjuku']],
    ['weekends', { weekends: true }, ['a-ryogoku', 'b-shinjuku']],
    ['no time limit', { noTimeLimit: true }, ['b-shinjuku']],
    [
      'near Shinjuku within 10 km, nearest first',
      { near: { ...shinjuku.location, radiusM: 10_000 } },
      ['b-shinjuku', 'a-ryogoku'],
    ],
    ['near Shinjuku within 1 km', { near: { ...shinjuku.location, radiusM: 1_000 } }, ['b-shinjuku']],
  ])('%s', (_label, filters, ids) => {
    const found = searchFacilities(all, filters, now, (id) => spaces[id] ?? []);
    expect(found.map((m) => m.facility.facilityId)).toEqual(ids);
    expect(found.every((m) => (filters.near ? m.distanceM !== null : m.distanceM === null))).toBe(true);
  });

  it('without spaces, no facility passes noTimeLimit or a tab', () => {
    expect(searchFacilities(all, { noTimeLimit: true }, now)).toEqual([]);
    expect(searchFacilities(all, { kind: 'reservation' }, now)).toEqual([]);
  });

  it("uses the union of the facility's active spaces' hours (domain-rules §2)", () => {
    const seat = makeSpace({ calendar: mondays });
    const lateRoom = makeSpace({
      spaceId: 'late-room',
      type: 'meetingRoom',
      calendar: { ...mondays, regularHours: [{ weekday: 6, open: '17:00', close: '22:00' }] },
    });
    const search = (filters: FacilitySearch, facilitySpaces: Space[]) =>
      searchFacilities([osaka], filters, now, () => facilitySpaces).map((m) => m.facility.facilityId);
    // the seat alone: Mondays 10–17, so neither late nor on weekends
    expect(search({ openLate: true }, [seat])).toEqual([]);
    expect(search({ weekends: true }, [seat])).toEqual([]);
    // a meeting room open Saturday evenings makes the facility both
    expect(search({ openLate: true }, [seat, lateRoom])).toEqual(['c-osaka']);
    expect(search({ weekends: true }, [seat, lateRoom])).toEqual(['c-osaka']);
    // unless it is inactive
    expect(search({ weekends: true }, [seat, { ...lateRoom, status: 'inactive' }])).toEqual([]);
  });
});
