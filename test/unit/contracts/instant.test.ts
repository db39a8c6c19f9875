import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../contracts/instant';

/** What the backend accepted before the contracts became the floor: the pattern, then luxon's validity. */
const PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
function withLuxon(text: string): number | null {
  if (!PATTERN.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));

describe('parseInstant (contracts, no library)', () => {
  it.each([
    ['2026-02-29T10:00:00+09:00', null],
    ['2024-02-29T10:00:00+09:00', Date.parse('2024-02-29T01:00:00Z')],
    ['2026-11-24T24:00:00+09:00', Date.parse('2026-11-24T15:00:00Z')],
    ['2026-11-24T24:00:01+09:00', null],
    ['2026-11-24T14:00:00.5-03:30', Date.parse('2026-11-24T17:30:00.500Z')],
  ])('%s → %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it('agrees with luxon on every string of the instant shape', () => {
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
          expect(parseInstant(text)).toBe(withLuxon(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
