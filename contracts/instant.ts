/**
 * Instants on the wire: ISO 8601 with `Z` or a numeric offset. Pure (no library): the floor that request
 * contracts, the door controller and the backend share.
 */

/**
 * `YYYY-MM-DDTHH:mm[:ss[.sss]]` with `Z` or `±HH:mm` (calendar dates only, at most milliseconds). Strict:
 * hours 00–23 (no `24:00`), minutes and seconds 00–59, offsets `±00:00`–`±23:59`; nothing is rolled over.
 */
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses an ISO 8601 instant that carries an offset or `Z` into epoch milliseconds; `null` when it is not one (or an impossible one). */
export function parseInstant(text: string): number | null {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offsetMinutes * 60_000;
}
