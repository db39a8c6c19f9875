/**
 * Japan's national holidays (国民の祝日, 振替休日 and 国民の休日), from a kept library: the only file that reads its
 * data, so that a change of library touches this file and the table's generator alone. Only the settlement rules
 * (`settlement.ts`) import this file, so the holiday data stays out of every other function's bundle.
 *
 * The data is `@holiday-jp/holiday_jp`'s (MIT, no dependencies), the npm port of the holiday_jp data set that the
 * Ruby, Go, Python, … ports share: one reviewed table of dates (1970–2050 in 2.5.1), updated when the law or a
 * one-off change moves a holiday (2019's enthronement days, 2020–21's moved sports holidays), with substitute
 * holidays and citizens' holidays listed as dates of their own (2026-05-06 振替休日, 2026-09-22 国民の休日). It is
 * offline data, and the most used Japanese holiday package on npm. Against `japanese-holidays` (computes the dates by
 * rule): both agree on every date of 2026–2030, but a table is reviewed date by date and needs no code change when a
 * holiday moves. The functions carry the library's dates only (holiday-dates.ts, written from the library installed by
 * `npm run gen:holidays`, a unit test comparing the two): the library itself, every holiday with its names and
 * weekdays as objects, is 171 KiB minified, the dates 8 KiB. Equinox days after next year are astronomical estimates
 * in every library (the Cabinet Office fixes them each February for the year after).
 */
import { HOLIDAYS_BY_YEAR } from './holiday-dates';
import type { LocalDate } from './model';

/** The last year the library's data covers (2050 in 2.5.1). */
export const NATIONAL_HOLIDAYS_UNTIL_YEAR = Math.max(...Object.keys(HOLIDAYS_BY_YEAR).map(Number));

let holidays: ReadonlySet<string> | undefined;

/** Every holiday as `YYYY-MM-DD`, made from the table on first use. */
function holidaySet(): ReadonlySet<string> {
  holidays ??= new Set(
    Object.entries(HOLIDAYS_BY_YEAR).flatMap(([year, days]) =>
      days.split(' ').map((day) => `${year}-${day.slice(0, 2)}-${day.slice(2)}`),
    ),
  );
  return holidays;
}

/**
 * Whether a local date (`YYYY-MM-DD`, Japan) is a national holiday, a substitute holiday or a citizens' holiday.
 * @throws RangeError for a year after the library's data ({@link NATIONAL_HOLIDAYS_UNTIL_YEAR}): a stale library must
 * not turn holidays into business days unnoticed.
 */
export function isNationalHoliday(date: LocalDate): boolean {
  if (Number(date.slice(0, 4)) > NATIONAL_HOLIDAYS_UNTIL_YEAR) {
    throw new RangeError(`No national holidays known after ${NATIONAL_HOLIDAYS_UNTIL_YEAR}: ${date}`);
  }
  return holidaySet().has(date);
}
