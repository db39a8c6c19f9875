/**
 * The usage lines a payment notice pays, as CSV (`GET /v1/operator/payment-notices/{id}/lines` with `Accept: text/csv`;
 * 004 §3-5 ③ 支払通知書管理 「↓CSV」, "支払通知書に係る利用明細"): one line per sales line of the notice's period.
 *
 * This is the one list whose file the manual shows (※③ 利用明細CSVイメージ), and the headers are that file's, verbatim
 * and in its order: 利用者, 利用内容, 単価, 数量, 金額 (税抜), 消費税額, 金額 (税込), 備考. They differ from the 実績管理
 * list's (金額(税別), 消費税, no space before the bracket) because the site's two files differ; each follows its own.
 *
 * 利用者: operator answers never name a member (api.md; §3-3-1: 利用者の個人名は表示されません), and the site's way of
 * pointing at a user is the TIMEWORK会員番号 (§3-3-1, §3-4 ④), so the cell is the member number. 利用内容 is the line's
 * description as in sales.v1 (施設予約, an option's name such as コーヒー(HC)); money is plain numbers (`¥2,800` → `2800`).
 */
import type { SalesLineRow } from './sales.v1';
import type { CsvSpec } from './spec';

/**
 * A usage line of a payment notice: the sales line it pays (api.md `SalesLine`, without the facility's and space's
 * names, which the file does not show), and a remark on it when there is one (備考).
 */
export interface NoticeLineRow extends Omit<SalesLineRow, 'facilityName' | 'spaceName'> {
  readonly note?: string | null;
}

export const noticeLinesCsv: CsvSpec<NoticeLineRow> = {
  fileName: 'payment-notice-lines',
  columns: [
    { header: '利用者', type: 'text', cell: (l) => l.memberNumber },
    { header: '利用内容', type: 'text', cell: (l) => l.description },
    { header: '単価', type: 'number', cell: (l) => l.unitPrice },
    { header: '数量', type: 'number', cell: (l) => l.quantity },
    { header: '金額 (税抜)', type: 'number', cell: (l) => l.amount },
    { header: '消費税額', type: 'number', cell: (l) => l.tax },
    { header: '金額 (税込)', type: 'number', cell: (l) => l.total },
    { header: '備考', type: 'text', cell: (l) => l.note },
  ],
};
