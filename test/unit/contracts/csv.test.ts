import { describe, expect, it } from 'vitest';
import { siteDateTime } from '../../../contracts/csv/spec';

describe('siteDateTime', () => {
  it.each([
    ['2026-11-24T14:00:00+09:00', '2026/11/24 14:00'],
    ['2026-01-02T03:04:59.999+09:00', '2026/01/02 03:04'],
    ['2026-11-24T05:30:00Z', '2026/11/24 05:30'],
    [null, null],
    [undefined, null],
  ])('writes %j as %j, in the zone it is given in', (zoned, written) => {
    expect(siteDateTime(zoned)).toBe(written);
  });

  it('refuses what is not an instant of an answer', () => {
    expect(() => siteDateTime('24 Nov 2026')).toThrow('Not an instant');
  });
});
