import { parseLocalDate } from './calendar';
import { contractPeriod } from './contract';
import type { LocalDate, Member } from './model';
import { daysInMonth, formatDate } from './zone';

/**
 * The calendar month holding a date: company caps, and members without a contract day, count by it.
 * @throws RangeError when the text is not a real `YYYY-MM-DD` date.
 */
export function calendarMonth(date: LocalDate): { start: LocalDate; end: LocalDate } {
  const { year, month } = parseLocalDate(date);
  return {
    start: formatDate({ year, month, day: 1 }),
    end: formatDate({ year, month, day: daysInMonth(year, month) }),
  };
}

/**
 * The period a member's uses are counted in on `date`: the contract month for individual plans with a
 * purchase day (003), otherwise the calendar month.
 */
export function usagePeriod(member: Pick<Member, 'plan' | 'contractStart'>, date: LocalDate) {
  return member.plan !== 'corporate' && member.contractStart
    ? contractPeriod(member.contractStart, date)
    : calendarMonth(date);
}
