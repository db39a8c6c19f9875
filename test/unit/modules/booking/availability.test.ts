import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayGrid, SLOT_MS } from '../../../../lambdas/domain/calendar';
import { dayAvailability, vacancySymbol } from '../../../../lambdas/modules/booking/rules/availability';
import { officeCalendar, tokyo } from '../../../fixtures/domain';

describe('vacancySymbol (§3: ○ 2 or more, △ 1, × none or closed)', () => {
  it.each([
    [5, true, '○'],
    [2, true, '○'],
    [1, true, '△'],
    [0, true, '×'],
    [-1, true, '×'],
    [3, false, '×'],
    [1, false, '×'],
  ])('%i left, open %s → %s', (remaining, open, symbol) => {
    expect(vacancySymbol(remaining, open)).toBe(symbol);
  });
});

describe('dayAvailability', () => {
  it('counts holds per slot over the grid; closure slots are ×', () => {
    const held = new Map([
      [tokyo('2024-06-13T09:00'), 1],
      [tokyo('2024-06-13T09:15'), 2],
      [tokyo('2024-06-13T09:30'), 5],
    ]);
    const slots = dayAvailability({ calendar: officeCalendar, date: '2024-06-13', capacity: 2, held });
    expect(slots).toHaveLength(36);
    const at = (t: string) => slots.find((s) => s.start === tokyo(`2024-06-13T${t}`));
    expect(at('09:00')).toEqual({
      start: tokyo('2024-06-13T09:00'),
      end: tokyo('2024-06-13T09:15'),
      remaining: 1,
      symbol: '△',
    });
    expect(at('09:15')).toMatchObject({ remaining: 0, symbol: '×' });
    expect(at('09:30')).toMatchObject({ remaining: 0, symbol: '×' });
    expect(at('09:45')).toMatchObject({ remaining: 2, symbol: '○' });
    expect(at('12:00')).toMatchObject({ remaining: 0, symbol: '×' });
    expect(at('12:45')).toMatchObject({ remaining: 0, symbol: '×' });
    expect(at('13:00')).toMatchObject({ remaining: 2, symbol: '○' });
  });

  it('an all-day closure shows every slot ×; a closed day has no slots', () => {
    const closed = dayAvailability({ calendar: officeCalendar, date: '2024-06-12', capacity: 3, held: new Map() });
    expect(closed.every((s) => s.remaining === 0 && s.symbol === '×')).toBe(true);
    expect(dayAvailability({ calendar: officeCalendar, date: '2024-06-09', capacity: 3, held: new Map() })).toEqual([]);
  });

  it('a room (capacity 1) shows △ when free', () => {
    const slots = dayAvailability({ calendar: officeCalendar, date: '2024-06-10', capacity: 1, held: new Map() });
    expect(new Set(slots.map((s) => s.symbol))).toEqual(new Set(['△']));
  });

  it('remaining is always within [0, capacity]', () => {
    const grid = dayGrid(officeCalendar, '2024-06-13').map((s) => s.start);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: grid.length }), fc.integer({ min: -3, max: 15 }))),
        (capacity, holds) => {
          const held = new Map(holds.map(([i, n]) => [tokyo('2024-06-13T09:00') + i * SLOT_MS, n]));
          for (const slot of dayAvailability({ calendar: officeCalendar, date: '2024-06-13', capacity, held })) {
            expect(slot.remaining).toBeGreaterThanOrEqual(0);
            expect(slot.remaining).toBeLessThanOrEqual(capacity);
            expect(slot.symbol === '×').toBe(slot.remaining === 0);
          }
        },
      ),
    );
  });
});
