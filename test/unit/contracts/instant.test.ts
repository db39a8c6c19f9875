import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../contracts/instant';

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

describe('parseInstant (contracts, no library): strict, nothing rolled over', () => {
  it.each<[string, number | null]>([
    ['2026-11-24T14:00:00+09:00', Date.parse('2026-11-24T05:00:00Z')],
    ['2026-11-24T14:00+09:00', Date.parse('2026-11-24T05:00:00Z')],
    ['2026-11-24T05:00:00Z', Date.parse('2026-11-24T05:00:00Z')],
    ['2026-11-24T14:00:00.5-03:30', Date.parse('2026-11-24T17:30:00.500Z')],
    ['2024-02-29T10:00:00+09:00', Date.parse('2024-02-29T01:00:00Z')],
    ['2026-11-24T23:59:59.999+23:59', Date.parse('2026-11-24T00:00:59.999Z')],
    ['2026-11-24T00:00:00-23:59', Date.parse('2026-11-24T23:59:00Z')],
    ['2026-11-24T00:00:00+00:00', Date.parse('2026-11-24T00:00:00Z')],
    ['2026-11-24T00:00:00-00:00', Date.parse('2026-11-24T00:00:00Z')],
    // impossible dates, times and offsets
    ['2026-02-29T10:00:00+09:00', null],
    ['2026-11-31T10:00:00+09:00', null],
    ['2026-13-01T10:00:00+09:00', null],
    ['2026-11-24T24:00:00+09:00', null],
    ['2026-11-24T24:00+09:00', null],
    ['2026-11-24T24:00:01+09:00', null],
    ['2026-11-24T14:60:00+09:00', null],
    ['2026-11-24T14:00:60+09:00', null],
    ['2026-11-24T14:00:00+08:60', null],
    ['2026-11-24T14:00:00+24:00', null],
    ['2026-11-24T14:00:00+99:99', null],
    ['2026-11-24T14:00:00-12:75', null],
    // not the shape
    ['2026-11-24T14:00:00', null],
    ['2026-11-24 14:00:00+09:00', null],
    ['2026-11-24T14:00:00+0900', null],
    ['2026-11-24T14:00:00.1234+09:00', null],
  ])('%s → %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it('accepts exactly the possible instants of the shape, and every accepted string round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        twoDigits,
        twoDigits,
        twoDigits,
        twoDigits,
        fc.option(twoDigits),
        fc.option(fc.integer({ min: 0, max: 999 }).map(String)),
        fc.option(fc.tuple(fc.constantFrom('+', '-'), twoDigits, twoDigits)),
        (year, month, day, hour, minute, second, millis, offset) => {
          const seconds = second === null ? '' : `:${second}${millis === null ? '' : `.${millis}`}`;
          const zone = offset ? `${offset[0]}${offset[1]}:${offset[2]}` : 'Z';
          const text = `${String(year).padStart(4, '0')}-${month}-${day}T${hour}:${minute}${seconds}${zone}`;
          const [mo, d, h, mi, s] = [month, day, hour, minute, second ?? '00'].map(Number) as [
            number,
            number,
            number,
            number,
            number,
          ];
          const possible =
            mo >= 1 &&
            mo <= 12 &&
            d >= 1 &&
            d <= daysInMonth(year, mo) &&
            h <= 23 &&
            mi <= 59 &&
            s <= 59 &&
            (offset === null || (Number(offset[1]) <= 23 && Number(offset[2]) <= 59));
          const parsed = parseInstant(text);
          expect(parsed !== null).toBe(possible);
          if (parsed === null) return;
          // Round trip: the instant, shown at the string's own offset, has the string's fields.
          const offsetMinutes = offset
            ? (offset[0] === '-' ? -1 : 1) * (Number(offset[1]) * 60 + Number(offset[2]))
            : 0;
          const shown = new Date(parsed + offsetMinutes * 60_000);
          expect([
            shown.getUTCFullYear(),
            shown.getUTCMonth() + 1,
            shown.getUTCDate(),
            shown.getUTCHours(),
            shown.getUTCMinutes(),
            shown.getUTCSeconds(),
            shown.getUTCMilliseconds(),
          ]).toEqual([year, mo, d, h, mi, s, second === null ? 0 : Number((millis ?? '0').padEnd(3, '0'))]);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
