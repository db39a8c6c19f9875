/**
 * The offsets of a payment notice, as CSV (`GET /v1/operator/payment-notices/{id}/offsets` with `Accept: text/csv`;
 * 004 §3-5 ④ 支払通知書管理 「↓相殺金CSV」): one line per offset (相殺金) that reduces the notice's payout.
 *
 * The manual names the file (※④ 相殺金CSVイメージ) but its image shows nothing, and no screen lists offsets: the columns
 * are **derived** from what an offset is (api.md `POST /v1/admin/partners/{partnerId}/offsets` `{ month, amount,
 * reason }`; §3-5: TIMEWORK's staff record an amount that reduces the payout "何らかの理由（ペナルティ等）で"), in the
 * site's words: 対象月 (the settlement period, named by the month of its closing day, `2026/12` = 2026-11-21 …
 * 2026-12-20), 相殺理由, 相殺金額. The amount is written as the answer gives it (a positive amount deducted: net =
 * payout − offsets); a negative one would stay a number too.
 */
import type { CsvSpec } from './spec';

/** An offset of a payment notice as the CSV reads it. */
export interface NoticeOffsetRow {
  readonly offsetId: string;
  /** The settlement period, `YYYY-MM` (the month of its closing day). */
  readonly month: string;
  /** Integer yen deducted from the payout. */
  readonly amount: number;
  readonly reason: string;
}

/** A settlement period (`2026-12`) as the site writes months: `2026/12`. */
function siteMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`Not a settlement month: ${month}`);
  return `${match[1]}/${match[2]}`;
}

export const noticeOffsetsCsv: CsvSpec<NoticeOffsetRow> = {
  fileName: 'payment-notice-offsets',
  columns: [
    { header: '対象月', type: 'text', cell: (o) => siteMonth(o.month) },
    { header: '相殺理由', type: 'text', cell: (o) => o.reason },
    { header: '相殺金額', type: 'number', cell: (o) => o.amount },
  ],
};
