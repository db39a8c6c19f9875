import { describe, expect, it } from 'vitest';
import { parseInstant, toZonedIso } from '../../../lambdas/domain/format';
import { tokyo, ZONE } from '../../fixtures/domain';

describe('toZonedIso', () => {
  it.each([
    ['2024-06-10T14:00', '2024-06-10T14:00:00+09:00'],
    ['2024-06-10T00:00', '2024-06-10T00:00:00+09:00'],
  ])('%s Tokyo → %s', (local, iso) => {
    expect(toZonedIso(tokyo(local), ZONE)).toBe(iso);
  });

  it('rejects an unknown zone', () => {
    expect(() => toZonedIso(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2024-06-10T14:00:00+09:00', tokyo('2024-06-10T14:00')],
    ['2024-06-10T05:00:00Z', tokyo('2024-06-10T14:00')],
    ['2024-06-10T14:00:00', null],
    ['2024-13-10T14:00:00+09:00', null],
    ['tomorrow', null],
    ['2026-W48-3T12:00:00+09:00', null],
    ['2024-06-10T14:00:00.0000001+09:00', null],
    ['2024-06-10T14:00+09:00', tokyo('2024-06-10T14:00')],
  ])('%s → %s', (text, instant) => {
    expect(parseInstant(text)).toBe(instant);
  });

  it('round-trips toZonedIso', () => {
    const t = tokyo('2024-06-10T14:15');
    expect(parseInstant(toZonedIso(t, ZONE))).toBe(t);
  });
});
