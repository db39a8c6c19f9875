/** A space's calendar as its partner's operators see it (api.md `GET …/calendar`): with their titles and ids. */
import type { CalendarResponse } from '../../../../contracts/http/calendar';
import type { Facility, LocalDate, Space } from '../../../domain/model';
import { closureTimesView, weekView } from '../../catalog';
import { closureIdOf } from './rules/edits';

/** The calendar of a space; special days and closures of `[from, to]` (either end open). */
export function calendarView(
  space: Space,
  facility: Facility,
  range: { from?: LocalDate; to?: LocalDate } = {},
): CalendarResponse {
  const within = (date: LocalDate) =>
    (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
  const { calendar } = space;
  return {
    spaceId: space.spaceId,
    version: space.calendarVersion,
    timeZone: facility.timeZone,
    hours: weekView(calendar.regularHours),
    specialDays: calendar.specialOpenDays
      .filter((d) => within(d.date))
      .map((d) => ({ date: d.date, title: d.title ?? null, open: d.open, close: d.close })),
    closures: calendar.closures
      .filter((c) => within(c.date))
      .map((c) => ({ closureId: closureIdOf(c), date: c.date, title: c.title ?? null, ...closureTimesView(c) })),
  };
}
