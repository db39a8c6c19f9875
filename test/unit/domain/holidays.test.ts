import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isNationalHoliday, NATIONAL_HOLIDAYS_UNTIL_YEAR } from '../../../lambdas/domain/holidays';
import { HOLIDAY_TABLE_FILE, holidayTableSource, libraryHolidayDates } from '../../../lib/holiday-table';

describe('isNationalHoliday (the kept library, 2026–2030)', () => {
  it.each([
    ['2026-01-01', '元日'],
    ['2026-01-12', '成人の日 (2nd Monday)'],
    ['2026-05-06', '振替休日 for こどもの日 (5/3 on a Sunday)'],
    ['2026-09-22', '国民の休日 (between 敬老の日 and 秋分の日)'],
    ['2026-09-21', '敬老の日 (3rd Monday)'],
    ['2026-09-23', '秋分の日'],
    ['2027-01-11', '成人の日'],
    ['2027-03-22', '振替休日 for 春分の日'],
    ['2027-05-03', '憲法記念日'],
    ['2027-05-04', 'みどりの日'],
    ['2027-05-05', 'こどもの日'],
    ['2028-01-10', '成人の日'],
    ['2029-02-12', '振替休日 for 建国記念の日'],
    ['2029-04-30', '振替休日 for 昭和の日'],
    ['2029-09-24', '振替休日 for 秋分の日'],
    ['2030-08-12', '振替休日 for 山の日'],
    ['2030-11-04', '振替休日 for 文化の日'],
    ['2030-02-23', '天皇誕生日 (on a Saturday: no substitute)'],
  ])('%s is a holiday: %s', (date) => {
    expect(isNationalHoliday(date)).toBe(true);
  });

  it.each([
    ['2026-01-02', 'a bank holiday, not a national one'],
    ['2026-12-31', 'a bank holiday, not a national one'],
    ['2026-05-07', 'the day after Golden Week'],
    ['2026-09-24', 'the day after 秋分の日'],
    ['2030-02-25', 'no substitute for a Saturday holiday'],
    ['2027-02-01', 'a plain Monday'],
  ])('%s is not a national holiday (%s)', (date, _why) => {
    expect(isNationalHoliday(date)).toBe(false);
  });

  it('lists every year up to its last as data, and refuses a year after it', () => {
    expect(NATIONAL_HOLIDAYS_UNTIL_YEAR).toBeGreaterThanOrEqual(2040);
    expect(isNationalHoliday(`${NATIONAL_HOLIDAYS_UNTIL_YEAR}-01-01`)).toBe(true);
    expect(() => isNationalHoliday(`${NATIONAL_HOLIDAYS_UNTIL_YEAR + 1}-01-01`)).toThrow(RangeError);
  });
});

describe('the table the functions carry is the library’s data', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));

  it(`${HOLIDAY_TABLE_FILE} is what \`npm run gen:holidays\` writes from the library installed`, () => {
    expect(readFileSync(path.join(root, HOLIDAY_TABLE_FILE), 'utf8')).toBe(holidayTableSource(libraryHolidayDates()));
  });

  it('every day from 1970 to the last year is a holiday exactly when the library lists it', () => {
    const listed = new Set(libraryHolidayDates());
    const mismatches: string[] = [];
    let holidays = 0;
    for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(NATIONAL_HOLIDAYS_UNTIL_YEAR + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (isNationalHoliday(date) !== listed.has(date)) mismatches.push(date);
      if (listed.has(date)) holidays++;
    }
    expect(mismatches).toEqual([]);
    expect(holidays).toBe(listed.size);
    expect(listed.size).toBeGreaterThan(1000);
  });

  it('a table of other dates is another file (the comparison above can fail)', () => {
    const dates = libraryHolidayDates();
    expect(holidayTableSource(dates.slice(1))).not.toBe(holidayTableSource(dates));
    expect(() => holidayTableSource(['2026-1-1'])).toThrow(/Not a date/);
  });
});

describe('the holiday data stays in the settlement bundle', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  const importers = (pattern: RegExp) =>
    ['lambdas', 'lib', 'iot']
      .flatMap(sources)
      .filter((file) => pattern.test(readFileSync(path.join(root, file), 'utf8')));

  it('no function imports the holiday library: only the table’s generator (lib/holiday-table.ts) reads it', () => {
    expect(importers(/from '@holiday-jp\//)).toEqual(['lib/holiday-table.ts']);
  });

  it('only the settlement rules import the holidays, and the charging rules do not import settlement', () => {
    expect(importers(/from '\.\.?\/(?:[\w./-]*\/)?holidays'/)).toEqual(['lambdas/domain/settlement.ts']);
    expect(importers(/from '\.\.?\/(?:[\w./-]*\/)?holiday-dates'/)).toEqual(['lambdas/domain/holidays.ts']);
    expect(readFileSync(path.join(root, 'lambdas/domain/billing.ts'), 'utf8')).not.toMatch(/settlement'/);
  });
});
