/**
 * Vacancy per 15-minute slot (domain-rules §3, 002 §4).
 */
import { dayGrid } from '../../../domain/calendar';
import type { Calendar, Instant, LocalDate } from '../../../domain/model';

/** Vacancy symbol: `○` two or more left, `△` one left, `×` none left or closed. */
export type VacancySymbol = '○' | '△' | '×';

/** The symbol of a slot with `remaining` places; a closed slot is always `×`. */
export function vacancySymbol(remaining: number, open: boolean): VacancySymbol {
  if (!open || remaining < 1) return '×';
  return remaining === 1 ? '△' : '○';
}

/** One slot of a day's availability. */
export interface SlotAvailability {
  start: Instant;
  end: Instant;
  remaining: number;
  symbol: VacancySymbol;
}

/**
 * A date's availability over its grid (`dayGrid`): `remaining = capacity − held` (held by requested,
 * confirmed and checked-in bookings, keyed by slot start), clamped to `[0, capacity]`; closed slots 0, `×`.
 */
export function dayAvailability({
  calendar,
  date,
  capacity,
  held,
}: {
  calendar: Calendar;
  date: LocalDate;
  capacity: number;
  held: ReadonlyMap<Instant, number>;
}): SlotAvailability[] {
  const cap = Math.max(0, capacity);
  return dayGrid(calendar, date).map(({ start, end, open }) => {
    const remaining = open ? Math.min(cap, Math.max(0, cap - (held.get(start) ?? 0))) : 0;
    return { start, end, remaining, symbol: vacancySymbol(remaining, open) };
  });
}
