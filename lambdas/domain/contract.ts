/**
 * Contract months of individual plans and the calendar months of company caps (domain-rules §4).
 */
import { addDays, formatLocalDate, parseLocalDate } from './calendar';
import type { LocalDate } from './model';
import { daysInMonth, monthsAfter } from './zone';

/** A period of whole local dates, both ends inclusive. */
export interface DatePeriod {
  start: LocalDate;
  end: LocalDate;
}

/**
 * The start of the k-th contract month (k = 0 is the purchase day): the purchase day-of-month in the
 * k-th following month, or that month's last day when it is shorter.
 */
export function contractPeriodStart(contractStart: LocalDate, k: number): LocalDate {
  const purchase = parseLocalDate(contractStart);
  const { year, month } = monthsAfter(purchase.year, purchase.month, k);
  return formatLocalDate({ year, month, day: Math.min(purchase.day, daysInMonth(year, month)) });
}

/**
 * The contract month containing `today` (the first one when `today` precedes the purchase). A period
 * runs from the purchase day to the day before the same day next month; where next month lacks that day,
 * to the day before next month's last day: Oct 10 → Nov 9; Oct 31 → Nov 29, then Nov 30 → Dec 30.
 */
export function contractPeriod(contractStart: LocalDate, today: LocalDate): DatePeriod {
  const s = parseLocalDate(contractStart);
  const t = parseLocalDate(today);
  let k = Math.max(0, (t.year - s.year) * 12 + (t.month - s.month));
  if (k > 0 && today < contractPeriodStart(contractStart, k)) k -= 1;
  return { start: contractPeriodStart(contractStart, k), end: addDays(contractPeriodStart(contractStart, k + 1), -1) };
}

/** The calendar month (`YYYY-MM`) a date counts toward for company caps. */
export function companyMonth(date: LocalDate): string {
  const { year, month } = parseLocalDate(date);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
