import { describe, expect, it } from 'vitest';
import type { CongestionLevel, Space } from '../../../../lambdas/domain/model';
import {
  facilityCongestion,
  openSpaceCongestion,
  worseCongestion,
} from '../../../../lambdas/modules/catalog/rules/congestion';
import { makeFacility, makeSpace, officeCalendar, spaceCalendarOf, tokyo } from '../../../fixtures/domain';

const facility = makeFacility();
/** Monday 10:00: the office calendar is open (weekdays 09:00–18:00); Sunday is closed. */
const open = tokyo('2024-06-10T10:00');
const closedNight = tokyo('2024-06-10T20:00');
const closedAllDay = tokyo('2024-06-12T10:00');
const calendar = spaceCalendarOf(officeCalendar);
const lounge = (level: CongestionLevel | null, overrides: Partial<Space> = {}) =>
  makeSpace({
    type: 'openSpace',
    calendar,
    ...(level ? { congestion: { level, comment: null, updatedAt: open } } : {}),
    ...overrides,
  });

describe('the worse of two congestion levels', () => {
  it('orders plenty < crowded < full', () => {
    expect(worseCongestion('plenty', 'crowded')).toBe('crowded');
    expect(worseCongestion('full', 'crowded')).toBe('full');
    expect(worseCongestion('plenty', 'plenty')).toBe('plenty');
  });
});

describe('what one open space counts for', () => {
  it('is the level staff set while it is open, plenty until they set one', () => {
    expect(openSpaceCongestion(facility, lounge('crowded'), open)).toBe('crowded');
    expect(openSpaceCongestion(facility, lounge(null), open)).toBe('plenty');
  });

  it('is full while its calendar has it closed, whatever was set (after hours, a closure)', () => {
    expect(openSpaceCongestion(facility, lounge('plenty'), closedNight)).toBe('full');
    expect(openSpaceCongestion(facility, lounge(null), closedAllDay)).toBe('full');
  });
});

describe('a facility’s congestion for the map', () => {
  it('is the worst of its active open spaces’', () => {
    const spaces = [lounge('plenty', { spaceId: 'a' }), lounge('crowded', { spaceId: 'b' }), lounge(null)];
    expect(facilityCongestion(facility, spaces, open)).toBe('crowded');
    expect(facilityCongestion(facility, [lounge('plenty'), lounge('full')], open)).toBe('full');
  });

  it('is full when its open spaces are closed now', () => {
    expect(facilityCongestion(facility, [lounge('plenty')], closedNight)).toBe('full');
  });

  it('leaves out reservable and inactive spaces; absent when no active open space is left', () => {
    const seat = makeSpace({ calendar, congestion: { level: 'full', comment: null, updatedAt: open } });
    const inactive = lounge('full', { status: 'inactive' });
    expect(facilityCongestion(facility, [lounge('plenty'), seat, inactive], open)).toBe('plenty');
    expect(facilityCongestion(facility, [seat, inactive], open)).toBeUndefined();
    expect(facilityCongestion(facility, [], open)).toBeUndefined();
  });
});
