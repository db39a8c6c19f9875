import { describe, expect, it } from 'vitest';
import type { SpaceResponse } from '../../../contracts/http/catalog';
import {
  candidateDays,
  firstFreeRun,
  isInstantlyBookable,
  MAX_DAYS_AHEAD,
  MIN_LEAD_MS,
} from '../../../lib/smoke/journey';

// Tuesday 2026-11-24, 23:30 in Tokyo (14:30 UTC): tomorrow there is the 25th, not the UTC date's 25th by chance.
const NOW = Date.parse('2026-11-24T23:30:00+09:00');
const TOKYO = 'Asia/Tokyo';

const space = (fields: Partial<SpaceResponse>) =>
  ({
    type: 'seat',
    bookingType: 'instant',
    windowDaysFrom: 0,
    windowDaysTo: 7,
    cancellationFees: [],
    ...fields,
  }) as SpaceResponse;

describe('candidateDays', () => {
  it('starts tomorrow in the facility zone and ends with the booking window', () => {
    expect(candidateDays(space({}), TOKYO, NOW)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    expect(candidateDays(space({}), 'UTC', NOW)[0]).toBe('2026-11-25');
    expect(candidateDays(space({}), 'America/Los_Angeles', NOW)[0]).toBe('2026-11-25');
  });

  it('starts at the first bookable day and looks at most two weeks ahead', () => {
    const days = candidateDays(space({ windowDaysFrom: 3, windowDaysTo: 90 }), TOKYO, NOW);
    expect(days).toHaveLength(MAX_DAYS_AHEAD);
    expect([days[0], days.at(-1)]).toEqual(['2026-11-27', '2026-12-10']);
    expect(candidateDays(space({ windowDaysTo: 0 }), TOKYO, NOW)).toEqual([]);
  });

  it('puts the days a cancellation fee applies to last', () => {
    const fees = [
      { daysBefore: 0, percent: 100 },
      { daysBefore: 3, percent: 30 },
    ];
    expect(candidateDays(space({ windowDaysTo: 6, cancellationFees: fees }), TOKYO, NOW)).toEqual([
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(
      candidateDays(space({ windowDaysTo: 2, cancellationFees: [{ daysBefore: 1, percent: 0 }] }), TOKYO, NOW),
    ).toEqual(['2026-11-25', '2026-11-26']);
  });
});

describe('firstFreeRun', () => {
  const slot = (hhmm: string, remaining: number) => {
    const start = `2026-11-25T${hhmm}:00+09:00`;
    const end = new Date(Date.parse(start) + 15 * 60_000 + 9 * 3600_000).toISOString().replace('.000Z', '+09:00');
    return { start, end, remaining, symbol: remaining > 1 ? '○' : remaining === 1 ? '△' : '×' } as const;
  };
  const day = [
    slot('09:00', 0),
    slot('09:15', 2),
    slot('09:30', 1),
    slot('09:45', 0),
    slot('10:00', 1),
    slot('10:15', 1),
    slot('10:30', 1),
    slot('10:45', 3),
  ];

  it('takes the first free slot for a 15-minute minimum', () => {
    expect(firstFreeRun(day, 15, 0)).toEqual({ start: '2026-11-25T09:15:00+09:00', end: '2026-11-25T09:30:00+09:00' });
  });

  it('takes back-to-back free slots for a longer minimum, skipping a shorter gap', () => {
    expect(firstFreeRun(day, 60, 0)).toEqual({ start: '2026-11-25T10:00:00+09:00', end: '2026-11-25T11:00:00+09:00' });
    expect(firstFreeRun(day, 75, 0)).toBeUndefined();
  });

  it('starts no earlier than it may', () => {
    expect(firstFreeRun(day, 15, Date.parse('2026-11-25T10:10:00+09:00'))?.start).toBe('2026-11-25T10:15:00+09:00');
    expect(MIN_LEAD_MS).toBe(3 * 3600_000);
  });

  it('does not join slots across a closed stretch missing from the answer', () => {
    expect(firstFreeRun([slot('09:00', 1), slot('12:00', 1)], 30, 0)).toBeUndefined();
  });
});

describe('isInstantlyBookable', () => {
  it('is a seat or meeting room booked at once', () => {
    expect(isInstantlyBookable(space({}))).toBe(true);
    expect(isInstantlyBookable(space({ type: 'meetingRoom' }))).toBe(true);
    expect(isInstantlyBookable(space({ type: 'openSpace' }))).toBe(false);
    expect(isInstantlyBookable(space({ bookingType: 'request' }))).toBe(false);
  });
});
