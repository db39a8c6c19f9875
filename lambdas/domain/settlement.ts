/**
 * Settlement of TIMEWORK partners (domain-rules §7, api.md "Settlement", 004 資料1): the business-day calendar, the
 * monthly periods that close on the 20th, the notice and due dates, and the money of a payment notice. Whole yen;
 * every division rounds down, in integer arithmetic.
 *
 * This is the only module that imports the national-holiday data (`holidays.ts`): billing rules that every
 * booking and visit function uses stay in `billing.ts`, so their bundles do not carry the holiday table.
 *
 * Choices where the rules are silent:
 * - Business days are the days a Japanese bank is open: Monday–Friday, less national holidays (with 振替休日 and
 *   国民の休日) and the bank holidays of 31 Dec – 3 Jan (銀行の休日).
 * - A period is named `YYYY-MM` by the month of its closing day: `2026-12` = 2026-11-21 … 2026-12-20. It closes at
 *   24:00 of the 20th in the facility's zone (the end of the 20th, 004 資料1: corrections until the 20th).
 * - The notice is issued on the first business day of the month after next (api.md), which is always on or
 *   before the 5th business day that 004 資料1 allows; it is due on that month's last business day.
 * - Offsets larger than the payout are not shown as a negative net: a bank transfer cannot be negative and a
 *   set-off (相殺, Civil Code art. 505) extinguishes only the amount both sides owe. The notice applies offsets up
 *   to its payout (net ≥ 0) and the rest is carried over to the partner's next notice, as payout platforms carry
 *   a negative balance into the next payout. See {@link noticeAmounts}.
 * - A company's payment for a period is shared among the partners that billed it in proportion to what each
 *   billed, in whole yen by the largest-remainder method (see {@link shareCompanyPayment}). An overpayment is
 *   shared the same way: the rule shares what it is given.
 */
import { addDays, formatLocalDate, parseLocalDate } from './calendar';
import { isNationalHoliday } from './holidays';
import type { LocalDate } from './model';
import { addMonths, monthOf, type PeriodName, parseYearMonth, type YearMonth } from './settlement-periods';

/** The partner's usual share of what member companies actually paid, in percent. */
export const DEFAULT_PAYOUT_PERCENT = 70;
/** The payment notice is issued at the latest on this business day of the month after next (004 資料1). */
export const NOTICE_BUSINESS_DAY = 5;
/** How many months after its closing month a period's notice is issued and paid (翌々月). */
export const NOTICE_MONTHS_AFTER_CLOSING = 2;

// ── Business days ────────────────────────────────────────────────────────────────────────────────────────────

/** Whether a date is one of the bank holidays of the year end and new year: 31 Dec, 1–3 Jan. */
export function isBankHoliday(date: LocalDate): boolean {
  const monthDay = formatLocalDate(parseLocalDate(date)).slice(5);
  return monthDay === '12-31' || monthDay === '01-01' || monthDay === '01-02' || monthDay === '01-03';
}

/**
 * Whether a date is a business day: Monday to Friday, not a Japanese national holiday (substitute and citizens'
 * holidays included), not 31 Dec – 3 Jan.
 * @throws RangeError for a malformed date, or a year the holiday data does not cover.
 */
export function isBusinessDay(date: LocalDate): boolean {
  return parseLocalDate(date).weekday <= 5 && !isBankHoliday(date) && !isNationalHoliday(date);
}

/** The business days of a month (`YYYY-MM`), in order. */
export function businessDaysOf(month: YearMonth): LocalDate[] {
  parseYearMonth(month);
  const days: LocalDate[] = [];
  for (let date = `${month}-01`; date.startsWith(month); date = addDays(date, 1)) {
    if (isBusinessDay(date)) days.push(date);
  }
  return days;
}

/**
 * The `n`-th business day of a month (1 = the first).
 * @throws RangeError when `n` is not from 1 to the month's number of business days.
 */
export function nthBusinessDay(month: YearMonth, n: number): LocalDate {
  const day = Number.isInteger(n) && n >= 1 ? businessDaysOf(month)[n - 1] : undefined;
  if (day === undefined) throw new RangeError(`${month} has no business day number ${n}`);
  return day;
}

/** The last business day of a month. */
export function lastBusinessDay(month: YearMonth): LocalDate {
  const days = businessDaysOf(month);
  return days[days.length - 1] as LocalDate;
}

// ── Notice and due dates ─────────────────────────────────────────────────────────────────────────────────────

/** When a period's payment notice is issued and paid. */
export interface NoticeSchedule {
  /** The month after next of the closing month, where the notice is issued and paid. */
  month: YearMonth;
  /** The day the notice is issued: the month's first business day. */
  issueOn: LocalDate;
  /** The latest day 004 資料1 allows for the notice: the month's 5th business day (`issueOn` ≤ it). */
  noticeBy: LocalDate;
  /** The payment's due date: the month's last business day. */
  dueDate: LocalDate;
}

/**
 * The notice and due dates of a period: issued on the first business day of the month after next (period
 * `2026-12` → 2027-02-01), due on that month's last business day (2027-02-26).
 */
export function noticeSchedule(period: PeriodName): NoticeSchedule {
  const month = addMonths(period, NOTICE_MONTHS_AFTER_CLOSING);
  const days = businessDaysOf(month);
  return {
    month,
    issueOn: days[0] as LocalDate,
    noticeBy: days[NOTICE_BUSINESS_DAY - 1] as LocalDate,
    dueDate: days[days.length - 1] as LocalDate,
  };
}

/** The period whose notices are issued on `date`, or null when no notice is issued that day. */
export function periodNoticedOn(date: LocalDate): PeriodName | null {
  const period = addMonths(monthOf(date), -NOTICE_MONTHS_AFTER_CLOSING);
  return noticeSchedule(period).issueOn === date ? period : null;
}

// ── Money ────────────────────────────────────────────────────────────────────────────────────────────────────

function checkYen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be whole yen ≥ 0: ${value}`);
}

/**
 * The partner's payout: `floor(paid × ratePercent / 100)` of what member companies actually paid.
 * @throws RangeError for a negative or fractional amount, or a rate outside 0–100.
 */
export function partnerPayout(paid: number, ratePercent: number = DEFAULT_PAYOUT_PERCENT): number {
  checkYen('paid', paid);
  if (!Number.isInteger(ratePercent) || ratePercent < 0 || ratePercent > 100) {
    throw new RangeError(`ratePercent must be a whole number from 0 to 100: ${ratePercent}`);
  }
  return Math.floor((paid * ratePercent) / 100);
}

/** The money of one payment notice (api.md `PaymentNotice`: `payout`, `offsets`, `net`) and what it leaves over. */
export interface NoticeAmounts {
  paidByCompanies: number;
  ratePercent: number;
  /** `floor(paidByCompanies × ratePercent / 100)`. */
  payout: number;
  /** Offsets to settle: the period's own plus those carried in from earlier notices. */
  offsetsDue: number;
  /** Offsets this notice applies: `min(offsetsDue, payout)`. */
  offsets: number;
  /** What is transferred: `payout − offsets`, never negative. */
  net: number;
  /** Offsets left for the partner's next notice: `offsetsDue − offsets`. */
  carriedOver: number;
}

/**
 * The amounts of a partner's notice: `payout = floor(paidByCompanies × ratePercent / 100)`, `net = payout − offsets`.
 * Offsets (the period's, plus `carriedIn` from earlier notices) are applied up to the payout, so `net` is never
 * negative; what they exceed it by is `carriedOver` to the next notice (a set-off extinguishes only what both sides
 * owe; the partner is not sent a negative transfer). 10,000 paid at 70 % with 9,000 of offsets → payout 7,000,
 * offsets 7,000, net 0, 2,000 carried over.
 * @throws RangeError for an amount that is not whole yen ≥ 0, or a rate outside 0–100.
 */
export function noticeAmounts({
  paidByCompanies,
  ratePercent = DEFAULT_PAYOUT_PERCENT,
  offsets,
  carriedIn = 0,
}: {
  paidByCompanies: number;
  ratePercent?: number;
  offsets: number;
  carriedIn?: number;
}): NoticeAmounts {
  checkYen('offsets', offsets);
  checkYen('carriedIn', carriedIn);
  const payout = partnerPayout(paidByCompanies, ratePercent);
  const offsetsDue = offsets + carriedIn;
  const applied = Math.min(offsetsDue, payout);
  return {
    paidByCompanies,
    ratePercent,
    payout,
    offsetsDue,
    offsets: applied,
    net: payout - applied,
    carriedOver: offsetsDue - applied,
  };
}

/**
 * A company's payment for a period shared among the partners that billed it, in proportion to what each billed:
 * whole yen per partner that sum exactly to `paid`, by the largest-remainder method. Each partner first gets
 * `floor(paid × billed / totalBilled)`; the yen left (fewer than the number of partners) go one each to the largest
 * remainders; equal remainders go to the partner that billed more, then to the smaller partner id (code-unit
 * order), so the result does not depend on the order of the keys. A partner that billed 0 gets 0. Exact for any
 * amounts (the products are computed in BigInt).
 * @throws RangeError for an amount that is not whole yen ≥ 0, or a payment > 0 when nothing was billed.
 */
export function shareCompanyPayment(
  paid: number,
  billedByPartner: Readonly<Record<string, number>>,
): Record<string, number> {
  checkYen('paid', paid);
  const entries = Object.entries(billedByPartner);
  for (const [partnerId, billed] of entries) checkYen(`billed by ${partnerId}`, billed);
  const total = entries.reduce((sum, [, billed]) => sum + BigInt(billed), 0n);
  if (total === 0n) {
    if (paid > 0) throw new RangeError(`A payment of ${paid} cannot be shared: nothing was billed`);
    return Object.fromEntries(entries.map(([partnerId]) => [partnerId, 0]));
  }
  const shares = entries.map(([partnerId, billed]) => {
    const product = BigInt(paid) * BigInt(billed);
    return { partnerId, billed, yen: Number(product / total), remainder: product % total };
  });
  let left = paid - shares.reduce((sum, share) => sum + share.yen, 0);
  const byRemainder = [...shares].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      b.billed - a.billed ||
      (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0),
  );
  for (const share of byRemainder) {
    if (left === 0) break;
    share.yen += 1;
    left -= 1;
  }
  return Object.fromEntries(shares.map(({ partnerId, yen }) => [partnerId, yen]));
}
