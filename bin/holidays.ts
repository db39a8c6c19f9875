/**
 * `npm run gen:holidays`: writes the national-holiday table the functions carry (lambdas/domain/holiday-dates.ts) from
 * the library installed (lib/holiday-table.ts).
 */
import { writeFile } from 'node:fs/promises';
import { HOLIDAY_TABLE_FILE, holidayTableSource, libraryHolidayDates } from '../lib/holiday-table';

await writeFile(new URL(`../${HOLIDAY_TABLE_FILE}`, import.meta.url), holidayTableSource(libraryHolidayDates()));
console.log(`wrote ${HOLIDAY_TABLE_FILE}`);
