/**
 * The open-space guest visits as CSV (`GET /v1/operator/usage/guests` with `Accept: text/csv`; 004 §3-3-3 オープンスペース
 * ゲスト利用履歴の確認, 利用状況 > ゲスト 「↓CSV」): one line per guest.
 *
 * The manual shows neither this list's columns nor its file, only the fields of a guest's detail that link elsewhere
 * (施設名, スペース名, ゲスト入館時刻, ゲスト退館時刻, オープンスペース利用). The columns are **derived** from those, headed
 * with exactly those labels, after 利用企業名 as every usage list begins (§3-3-1, §3-3-2); オープンスペース利用 links
 * to the member's visit, so its cell is that visit's number (利用番号 in visits.v1). After them, as in visits.v1, what
 * the screen does not show: the member number, the guest's id within the visit (ゲストID) and the guest's own charge
 * (資料1: each guest is billed like the member), headed as the 実績管理 list heads money (§3-4).
 */
import { type CsvSpec, type Money, moneyColumns, siteDateTime } from './spec';

/** One guest of an open-space visit as the CSV reads it (api.md `Visit.guests[]`, with its visit's fields). */
export interface GuestVisitRow {
  readonly visitId: string;
  /** The member's visit's human number, `V-…`. */
  readonly visitNumber: string;
  readonly companyName: string | null;
  readonly memberNumber: string;
  readonly facilityId: string;
  readonly facilityName: string;
  readonly spaceId: string;
  readonly spaceName: string;
  readonly guestId: string;
  readonly checkedInAt: string;
  readonly checkedOutAt?: string | null;
  /** The guest's own charge, once out. */
  readonly charge?: Money | null;
}

export const guestsCsv: CsvSpec<GuestVisitRow> = {
  fileName: 'guests',
  columns: [
    { header: '利用企業名', type: 'text', cell: (g) => g.companyName },
    { header: '施設名', type: 'text', cell: (g) => g.facilityName },
    { header: 'スペース名', type: 'text', cell: (g) => g.spaceName },
    { header: 'ゲスト入館時刻', type: 'dateTime', cell: (g) => siteDateTime(g.checkedInAt) },
    { header: 'ゲスト退館時刻', type: 'dateTime', cell: (g) => siteDateTime(g.checkedOutAt) },
    { header: 'オープンスペース利用', type: 'text', cell: (g) => g.visitNumber },
    { header: 'TIMEWORK会員番号', type: 'text', cell: (g) => g.memberNumber },
    { header: 'ゲストID', type: 'text', cell: (g) => g.guestId },
    ...moneyColumns<GuestVisitRow>((g) => g.charge),
  ],
};
