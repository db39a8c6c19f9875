/**
 * Contracts of the partner's sales routes (api.md "Partner routes": `GET /v1/operator/sales`, `…/sales/summary`;
 * 004 §3-2 実績集計, §3-4 実績管理): the sales lines of a range of use dates, page by page or as CSV, and their totals by
 * facility and day or calendar month.
 */
import type { SalesItem } from '../csv/sales.v1';
import * as z from '../zod';
import { id, itemsOf, localDate, queryInteger } from './common';

/** The items of a sales line (api.md `SalesLine.item`), as the ledger writes them. */
export const SALES_ITEMS = [
  'reservedSpace',
  'meetingRoom',
  'openSpace',
  'guest',
  'option',
  'cancellationFee',
] as const satisfies readonly SalesItem[];

/** The longest range of use dates one call reads: a year, its leap day included. */
export const MAX_SALES_RANGE_DAYS = 366;
/** The longest range of months a monthly summary reads. */
export const MAX_SUMMARY_MONTHS = 36;

/** Integer yen; a line may one day be negative (a refund), so no lower bound here. */
const money = z.number().check(z.int());

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
/** The last day of a date's month, `YYYY-MM-DD`. */
const lastOfMonth = (date: string) => {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

type Issue = { path: string[]; message: string };

/**
 * What is wrong with a range of use dates: `from` after `to`, or more than `maxDays` days (both inclusive); nothing
 * more when either is not a date (its own field says so).
 */
function rangeIssues(from: string, to: string, maxDays: number): Issue[] {
  if (!localDate.safeParse(from).success || !localDate.safeParse(to).success) return [];
  if (from > to) {
    return ['from', 'to'].map((field) => ({ path: [field], message: 'from must not be after to' }));
  }
  if (dayNumber(to) - dayNumber(from) + 1 > maxDays) {
    return [{ path: ['to'], message: `A range holds at most ${maxDays} days` }];
  }
  return [];
}

const addIssues = (ctx: z.core.$RefinementCtx, issues: Issue[]) => {
  for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
};

export const salesLineCursor = z
  .string()
  .check(
    z.maxLength(512),
    z.regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor of this API'),
    z.describe('nextCursor of the previous page (with the same range and filters).'),
  );

/** `GET /v1/operator/sales`: a range of use dates (required, at most a year), filters, a page. */
export const salesQuery = z
  .strictObject({
    from: localDate.check(z.describe('First use date (YYYY-MM-DD, facility time, inclusive). Required.')),
    to: localDate.check(
      z.describe(
        `Last use date (YYYY-MM-DD, inclusive). Required; at most ${MAX_SALES_RANGE_DAYS} days from \`from\`.`,
      ),
    ),
    facilityId: z.optional(id).check(z.describe('Only the lines of this facility (one of the partner’s).')),
    spaceId: z.optional(id).check(z.describe('Only the lines of this space (one of the partner’s).')),
    item: z.optional(z.enum(SALES_ITEMS)).check(z.describe('Only the lines of this item.')),
    limit: z
      .optional(queryInteger(1, 100))
      .check(
        z.describe('Lines per page: 1–100, default 100. A CSV answer (`Accept: text/csv`) holds the whole range.'),
      ),
    cursor: z.optional(salesLineCursor),
  })
  .check(z.superRefine((q, ctx) => addIssues(ctx, rangeIssues(q.from, q.to, MAX_SALES_RANGE_DAYS))));

/**
 * A sales line as the partner sees it (api.md `SalesLine`): who (company name and member number, never the member),
 * where (with the facility's and space's names, as the partner site lists them), what and when, its money; the event
 * it comes from. `lineId` is unique across the partner's lines: `<recordId>/<line>` (`reservation:<id>/use`,
 * `visit:<id>/member`, `fee:<id>/fee`, …).
 */
export const salesLineResponse = z.strictObject({
  lineId: z.string(),
  companyName: z.nullable(z.string()),
  memberNumber: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  spaceId: z.string(),
  spaceName: z.string(),
  item: z.enum(SALES_ITEMS),
  /** `YYYY-MM-DD`, facility time; a cancellation fee's is the reservation's date. */
  useDate: localDate,
  description: z.string(),
  unitPrice: money,
  /** Negative on a visit correction's line that takes minutes back (its money is negative then too). */
  quantity: z.number(),
  /** What `quantity` counts: 分, 15分, 件, an option's own unit. */
  unit: z.string(),
  amount: money,
  tax: money,
  total: money,
  reservationId: z.optional(z.string()),
  visitId: z.optional(z.string()),
});

/** A page of sales lines: `nextCursor` (for `cursor=`) until the last page. */
export const salesPageResponse = z.strictObject({
  items: z.array(salesLineResponse),
  nextCursor: z.optional(z.string()),
});

export const SUMMARY_UNITS = ['day', 'month'] as const;

/**
 * `GET /v1/operator/sales/summary`: by day (at most a year of days) or by calendar month (whole months: `from` a
 * month's first day, `to` a month's last, at most {@link MAX_SUMMARY_MONTHS}), of one facility or all.
 */
export const salesSummaryQuery = z
  .strictObject({
    unit: z.enum(SUMMARY_UNITS).check(z.describe('day: a total per day; month: a total per calendar month.')),
    from: localDate.check(z.describe('First day (YYYY-MM-DD, inclusive); with unit=month, the first day of a month.')),
    to: localDate.check(z.describe('Last day (YYYY-MM-DD, inclusive); with unit=month, the last day of a month.')),
    facilityId: z.optional(id).check(z.describe('Only this facility’s totals (one of the partner’s).')),
  })
  .check(
    z.superRefine((q, ctx) => {
      if (q.unit === 'day') return addIssues(ctx, rangeIssues(q.from, q.to, MAX_SALES_RANGE_DAYS));
      if (!localDate.safeParse(q.from).success || !localDate.safeParse(q.to).success) return;
      const issues: Issue[] = [];
      if (!q.from.endsWith('-01')) {
        issues.push({ path: ['from'], message: 'With unit=month, from is the first day of a month' });
      }
      if (q.to !== lastOfMonth(q.to)) {
        issues.push({ path: ['to'], message: 'With unit=month, to is the last day of a month' });
      }
      if (issues.length === 0 && q.from > q.to) issues.push(...rangeIssues(q.from, q.to, Number.POSITIVE_INFINITY));
      if (issues.length === 0 && monthNumber(q.to) - monthNumber(q.from) + 1 > MAX_SUMMARY_MONTHS) {
        issues.push({ path: ['to'], message: `A monthly summary holds at most ${MAX_SUMMARY_MONTHS} months` });
      }
      addIssues(ctx, issues);
    }),
  );

/** One facility's sales of one period: `YYYY-MM-DD` (unit=day) or `YYYY-MM` (unit=month, a calendar month). */
export const salesTotalResponse = z.strictObject({
  period: z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/)),
  facilityId: z.string(),
  amount: money,
  tax: money,
  total: money,
});

/** The totals of the periods with sales, by period then facility; a period without sales is not listed (zero). */
export const salesSummaryResponse = itemsOf(salesTotalResponse);

export type SalesQuery = z.infer<typeof salesQuery>;
export type SalesLineResponse = z.infer<typeof salesLineResponse>;
export type SalesPageResponse = z.infer<typeof salesPageResponse>;
export type SalesSummaryQuery = z.infer<typeof salesSummaryQuery>;
export type SalesTotalResponse = z.infer<typeof salesTotalResponse>;
