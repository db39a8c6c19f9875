/**
 * The open-space visits as CSV (`GET /v1/operator/usage/visits` with `Accept: text/csv`; 004 §3-3-2 オープンスペース利用
 * 履歴の確認, 利用状況 > オープンスペース 「↓CSV」): one line per visit.
 *
 * The first six columns are the site's list (オープンスペース利用履歴一覧), headed and ordered as it shows them:
 * 利用企業名, 施設, スペース, ステータス, 利用開始時刻, 利用終了時刻. The manual shows the list, not the file: the file is
 * the list ("検索結果をCSVファイルで出力"). The list writes one space as `[201]オープンスペース` while its detail writes
 * `オープンスペース`; the bracketed code is not explained anywhere, so the cell is the space's name.
 *
 * The columns after them are not on that screen: they are what api.md's operator `Visit` adds, headed with the site's
 * own words for them elsewhere: the visit's number (利用番号, as 予約番号 names a reservation's), the member number and
 * the money as the 実績管理 list heads them (§3-4: TIMEWORK会員番号, 金額(税別), 消費税, 金額(税込)), and the uses it
 * took (利用回数). The money is the member's own charge, empty while the visit is open (guests: guests.v1).
 */
import type { VisitStatus } from '../http/visits';
import { type CsvSpec, type Money, moneyColumns, siteDateTime } from './spec';

/**
 * ステータス as the site writes it: 利用済 is the site's (§3-3-2); 利用中 is the site's word for being in (§3-3-1
 * "利用中の利用者"); a visit closed at the space's closing (no checkout scanned) is 利用済 with the reason, so that the
 * partner can find the ones to check (資料1: a missing exit time is corrected before the 20th).
 */
export const VISIT_STATUS_LABELS: Readonly<Record<VisitStatus, string>> = {
  in: '利用中',
  out: '利用済',
  closedAtClosing: '利用済(営業終了)',
};

/** An open-space visit as the CSV reads it: api.md's operator `Visit`, with its facility's and space's names. */
export interface VisitRow {
  readonly id: string;
  /** `V-…`, the visit's human number. */
  readonly number: string;
  readonly companyName: string | null;
  readonly memberNumber: string;
  readonly facilityId: string;
  readonly facilityName: string;
  readonly spaceId: string;
  readonly spaceName: string;
  readonly status: VisitStatus;
  readonly checkedInAt: string;
  readonly checkedOutAt?: string | null;
  readonly uses: number;
  /** The member's own charge, once out. */
  readonly charge?: Money | null;
}

export const visitsCsv: CsvSpec<VisitRow> = {
  fileName: 'visits',
  columns: [
    { header: '利用企業名', type: 'text', cell: (v) => v.companyName },
    { header: '施設', type: 'text', cell: (v) => v.facilityName },
    { header: 'スペース', type: 'text', cell: (v) => v.spaceName },
    { header: 'ステータス', type: 'text', cell: (v) => VISIT_STATUS_LABELS[v.status] },
    { header: '利用開始時刻', type: 'dateTime', cell: (v) => siteDateTime(v.checkedInAt) },
    { header: '利用終了時刻', type: 'dateTime', cell: (v) => siteDateTime(v.checkedOutAt) },
    { header: '利用番号', type: 'text', cell: (v) => v.number },
    { header: 'TIMEWORK会員番号', type: 'text', cell: (v) => v.memberNumber },
    { header: '利用回数', type: 'number', cell: (v) => v.uses },
    ...moneyColumns<VisitRow>((v) => v.charge),
  ],
};
