/**
 * Settlement periods (domain-rules §7, api.md "Settlement"): the monthly periods that close on the 20th, their names,
 * dates and closing instants. Apart from the business days and the money (`settlement.ts`), so that the functions that
 * only ask whether a period is still open (a visit's correction, the drop-in flows) do not bundle the national-holiday
 * table that business days need (`holidays.ts`).
 */
import { atLocal, formatLocalDate, localDateOf, parseLocalDate } from './calendar';
import type { Instant, LocalDate } from './model';
import { monthsAfter } from './zone';

/** Settlement periods close on this day of the month. */
export const SETTLEMENT_CLOSING_DAY = 20;
/** A settlement period's name, `YYYY-MM`: the month of its closing day. */
export type PeriodName = string;
/** A calendar month, `YYYY-MM`. */
export type YearMonth = string;

/** The dates of a settlement period, both ends inclusive (as a `PaymentNotice.period`). */
export interface SettlementPeriodDates {
  from: LocalDate;
  to: LocalDate;
}

/** `YYYY-MM`, month 01–12. */
const YEAR_MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseYearMonth(month: YearMonth): { year: number; month: number } {
  const m = YEAR_MONTH_RE.exec(month);
  if (!m) throw new RangeError(`Invalid month (YYYY-MM): ${month}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The month `n` months after `month` (`YYYY-MM`; negative `n` goes back). */
export function addMonths(month: YearMonth, n: number): YearMonth {
  const { year, month: m } = parseYearMonth(month);
  const after = monthsAfter(year, m, n);
  return `${String(after.year).padStart(4, '0')}-${String(after.month).padStart(2, '0')}`;
}

/** The `YYYY-MM` month of a local date. */
export const monthOf = (date: LocalDate): YearMonth => formatLocalDate(parseLocalDate(date)).slice(0, 7);

/** The period a local date falls in: the 21st to the 20th, named by the month of its 20th (`2026-11-21` → `2026-12`). */
export function settlementPeriodOf(date: LocalDate): PeriodName {
  const d = parseLocalDate(date);
  const month = monthOf(date);
  return d.day <= SETTLEMENT_CLOSING_DAY ? month : addMonths(month, 1);
}

/**
 * The first and last dates of a period: `2026-12` → 2026-11-21 … 2026-12-20.
 * @throws RangeError for a name that is not `YYYY-MM`.
 */
export function settlementPeriodDates(period: PeriodName): SettlementPeriodDates {
  parseYearMonth(period);
  return { from: `${addMonths(period, -1)}-${SETTLEMENT_CLOSING_DAY + 1}`, to: `${period}-${SETTLEMENT_CLOSING_DAY}` };
}

/** The period after `period` (`2026-12` → `2027-01`). */
export const nextSettlementPeriod = (period: PeriodName): PeriodName => addMonths(period, 1);

/**
 * The instant a period closes: 24:00 of its 20th in the facility's zone (`2026-12` in Asia/Tokyo →
 * 2026-12-20T15:00Z). Visit corrections of the period are accepted before it.
 */
export function settlementPeriodClosesAt(period: PeriodName, zone: string): Instant {
  return atLocal(settlementPeriodDates(period).to, '24:00', zone);
}

/**
 * Whether the period of a use date (local to the facility) is still open at `now`, so that a visit of that date may
 * still be corrected (004 資料1: corrections after the 20th are not accepted).
 */
export function isSettlementOpen(useDate: LocalDate, now: Instant, zone: string): boolean {
  return now < settlementPeriodClosesAt(settlementPeriodOf(useDate), zone);
}

/** The period whose days are being used at `now` in `zone`. */
export const currentSettlementPeriod = (now: Instant, zone: string): PeriodName =>
  settlementPeriodOf(localDateOf(now, zone));
