/**
 * Contracts of settlement (api.md "Back office" company payments and offsets, "Partner routes" payment notices,
 * "Settlement"): what companies paid and what is taken off a partner's payout, per settlement period, and the notices
 * the partners are paid by.
 */
import * as z from '../zod';
import { id, isoDate, queryInteger, yen, zoned } from './common';
import { text } from './partner-facilities';
import { salesLineCursor } from './sales';
import { salesLineResponse } from './usage';

/**
 * A settlement period, `YYYY-MM`: the month of its closing day (`2026-12` = 2026-11-21 … 2026-12-20). The business-day
 * calendar covers notices up to 2049's periods.
 */
export const settlementMonth = z.string().check(
  z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a settlement period YYYY-MM (the month of its closing day)'),
  z.refine((v) => v >= '2000-01' && v <= '2049-12', 'Settlement periods run from 2000-01 to 2049-12'),
);

/** Whole yen, from 1 to ten billion (a payment or an offset). */
const money = z.number().check(z.int(), z.gte(1), z.lte(10_000_000_000));

/** `POST /v1/admin/company-payments`: what a company paid for a period (drives the partners' payouts). */
export const companyPaymentBody = z.strictObject({ companyId: id, month: settlementMonth, amount: money });
export type CompanyPaymentBody = z.infer<typeof companyPaymentBody>;

export const companyPaymentResponse = z.strictObject({
  paymentId: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  month: settlementMonth,
  amount: yen,
  recordedAt: zoned,
});

/** `POST /v1/admin/partners/{partnerId}/offsets`: an amount taken off the partner's payout for a period (相殺金). */
export const partnerOffsetBody = z.strictObject({ month: settlementMonth, amount: money, reason: text(200) });
export type PartnerOffsetBody = z.infer<typeof partnerOffsetBody>;

export const partnerOffsetResponse = z.strictObject({
  offsetId: z.string(),
  partnerId: z.string(),
  month: settlementMonth,
  amount: yen,
  reason: z.string(),
  recordedAt: zoned,
});

/** `GET /v1/operator/payment-notices`: newest period first, paged. */
export const paymentNoticesQuery = z.strictObject({
  limit: z.optional(queryInteger(1, 100)).check(z.describe('Notices per page: 1–100, default 100.')),
  cursor: z
    .optional(z.string().check(z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor of this API')))
    .check(z.describe('nextCursor of the previous page.')),
});

/**
 * A notice's id: its partner and period, `partner-tw:2026-12`. The `:` may come percent-encoded (`%3A`, as
 * `encodeURIComponent` sends it) should the gateway hand the path parameter over undecoded.
 */
const paymentNoticeId = z
  .string()
  .check(
    z.maxLength(160),
    z.regex(
      /^[A-Za-z0-9_-]+(?::|%3[Aa])\d{4}-(0[1-9]|1[0-2])$/,
      'Expected a payment notice id such as partner-tw:2026-12',
    ),
  );

export const paymentNoticePath = z.strictObject({ id: paymentNoticeId });

/** `POST /v1/admin/payment-notices/{noticeId}/paid`: the notice, by its id as the partner routes take it. */
export const adminPaymentNoticePath = z.strictObject({ noticeId: paymentNoticeId });

/**
 * `POST /v1/admin/payment-notices/{noticeId}/paid`: the back office records the day the payout was transferred (on or
 * after the notice's issue day). Repeated with the same day it changes nothing; another day for a paid notice is 409.
 */
export const noticePaidBody = z.strictObject({
  paidOn: isoDate.check(
    z.describe('The day the payout was transferred (YYYY-MM-DD), on or after the notice was issued.'),
  ),
});
export type NoticePaidBody = z.infer<typeof noticePaidBody>;

/** The notice id a path parameter names, its `:` decoded if it came percent-encoded. */
export const noticeIdOfPath = (id: string): string => id.replace(/%3A/i, ':');

export const PAYMENT_NOTICE_STATUSES = ['issued', 'paid'] as const;

/**
 * A partner's payment notice (api.md `PaymentNotice`): `gross` is what the period's lines billed before tax,
 * `paidByCompanies` what companies paid of it, `payout` = paid × `ratePercent` (yen down), `offsetsDue` the offsets to
 * settle (the period's and those carried in), `offsets` those applied (at most the payout), `net` = payout − offsets,
 * `carriedOver` what is left for the next notice.
 */
export const paymentNoticeResponse = z.strictObject({
  id: z.string(),
  partnerId: z.string(),
  period: z.strictObject({ from: isoDate, to: isoDate }),
  issuedAt: zoned,
  dueDate: isoDate,
  gross: yen,
  paidByCompanies: yen,
  ratePercent: z.number().check(z.int(), z.gte(0), z.lte(100)),
  payout: yen,
  offsetsDue: yen,
  offsets: yen,
  net: yen,
  carriedOver: yen,
  status: z.enum(PAYMENT_NOTICE_STATUSES),
  /** When `status` is `paid`: the day the back office recorded the payout as transferred. */
  paidOn: z.optional(isoDate),
});
export type PaymentNoticeResponse = z.infer<typeof paymentNoticeResponse>;

/**
 * The notice as the partner site's "↓PDF" button saves it (004 §3-5 ② 支払通知書PDF): asked for with
 * `Accept: application/pdf` on `GET /v1/operator/payment-notices/{id}`, an attachment as the CSV answers are.
 */
export const PAYMENT_NOTICE_FILE = {
  mediaType: 'application/pdf',
  disposition: 'attachment',
  description:
    'the notice as a document (支払通知書): one A4 page in Japanese with the partner, the issuer, the dates, the ' +
    'period and the amounts; saved as payment-notice-<period>.pdf.',
} as const;

/** The name the notice's PDF is saved as: `payment-notice-2026-12.pdf` (the id's period; the partner is the caller). */
export const paymentNoticeFileName = (period: string): string => `payment-notice-${period}.pdf`;

/** A page of the partner's notices: `nextCursor` (for `cursor=`) until the last page. */
export const paymentNoticeListResponse = z.strictObject({
  items: z.array(paymentNoticeResponse),
  nextCursor: z.optional(z.string()),
});

/**
 * `GET /v1/operator/payment-notices/{id}/lines`: a page of the usage lines the notice pays. A CSV answer
 * (`Accept: text/csv`) holds them all, so `limit` and `cursor` do not apply to it.
 */
export const noticeLinesQuery = z.strictObject({
  limit: z
    .optional(queryInteger(1, 100))
    .check(z.describe('Lines per page: 1–100, default 100. A CSV answer (`Accept: text/csv`) holds every line.')),
  cursor: z.optional(salesLineCursor),
});
export type NoticeLinesQuery = z.infer<typeof noticeLinesQuery>;

/**
 * The usage lines a notice pays (api.md `SalesLine`, as the usage list gives it: without the facility's and space's
 * names), in order of use date, then record, then line; `nextCursor` until the last page.
 */
export const noticeLinesResponse = z.strictObject({
  items: z.array(salesLineResponse),
  nextCursor: z.optional(z.string()),
});
export type NoticeLinesResponse = z.infer<typeof noticeLinesResponse>;

/** An offset a notice settled (相殺金): its own period's, or one of a period since the previous notice that had none. */
export const noticeOffsetResponse = z.strictObject({
  offsetId: z.string(),
  month: settlementMonth,
  amount: yen,
  reason: z.string(),
  recordedAt: zoned,
});

/** `GET /v1/operator/payment-notices/{id}/offsets`: every offset the notice settled, oldest period first. */
export const noticeOffsetsResponse = z.strictObject({ items: z.array(noticeOffsetResponse) });
export type NoticeOffsetsResponse = z.infer<typeof noticeOffsetsResponse>;
