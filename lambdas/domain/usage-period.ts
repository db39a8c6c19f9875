import { DateTime } from 'luxon';
import { contractPeriod } from './contract';
import type { LocalDate, Member } from './model';

/** The calendar month holding a date: company caps, and members without a contract day, count by it. */
export function calendarMonth(date: LocalDate): { start: LocalDate; end: LocalDate } {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return { start: day.startOf('month').toISODate() as string, end: day.endOf('month').toISODate() as string };
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
