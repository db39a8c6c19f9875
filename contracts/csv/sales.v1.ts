/**
 * The sales lines as CSV (`GET /v1/operator/sales` with `Accept: text/csv`; 004 §3-4 実績（売上）の確認, 実績管理 「CSV」):
 * one line per sales line, headed as the 実績管理 list's columns in their order (利用企業 … 金額(税込)); the list's last
 * column, 操作, is its 「詳細」 button and has no data. The manual shows the list, not the file: the file is the list
 * ("検索結果をCSVファイルで出力").
 *
 * 売上品目 is written in the site's words (§3-4: ゲスト利用料, オープンスペース利用料, 会議室利用料); money and quantities
 * are plain numbers (the screen's `¥11,500` is `11500`), 利用日 is `2026/11/24` as on the screen.
 */
import { type CsvSpec, moneyColumns, siteDate } from './spec';

/** The items of a sales line (api.md `SalesLine.item`). */
export type SalesItem = 'reservedSpace' | 'meetingRoom' | 'openSpace' | 'guest' | 'option' | 'cancellationFee';

/**
 * 売上品目 as the partner site writes it. ゲスト利用料, オープンスペース利用料 and 会議室利用料 are the site's (§3-4);
 * 予約スペース利用料 and オプション利用料 follow its pattern with its names of the things (予約スペース §3-3-4, オプション
 * §2-5-5); 予約キャンセル料金 is the site's name of the fee (§2-5-4).
 */
export const SALES_ITEM_LABELS: Readonly<Record<SalesItem, string>> = {
  reservedSpace: '予約スペース利用料',
  meetingRoom: '会議室利用料',
  openSpace: 'オープンスペース利用料',
  guest: 'ゲスト利用料',
  option: 'オプション利用料',
  cancellationFee: '予約キャンセル料金',
};

/**
 * A sales line as the CSV reads it: api.md's `SalesLine`, and the names of its facility and space, which the site shows
 * where the JSON has ids (the list's answer or the route gives them).
 */
export interface SalesLineRow {
  readonly lineId: string;
  readonly companyName: string | null;
  readonly memberNumber: string;
  readonly facilityId: string;
  readonly facilityName: string;
  readonly spaceId: string;
  readonly spaceName: string;
  readonly item: SalesItem;
  /** `YYYY-MM-DD`, facility time; a cancellation fee's is the reservation's date. */
  readonly useDate: string;
  /** 利用内容, e.g. 施設予約, オープンスペース利用料, an option's name. */
  readonly description: string;
  readonly unitPrice: number;
  readonly quantity: number;
  readonly amount: number;
  readonly tax: number;
  readonly total: number;
  readonly reservationId?: string;
  readonly visitId?: string;
}

export const salesCsv: CsvSpec<SalesLineRow> = {
  fileName: 'sales',
  columns: [
    { header: '利用企業', type: 'text', cell: (l) => l.companyName },
    { header: 'TIMEWORK会員番号', type: 'text', cell: (l) => l.memberNumber },
    { header: '施設名', type: 'text', cell: (l) => l.facilityName },
    { header: 'スペース名', type: 'text', cell: (l) => l.spaceName },
    { header: '売上品目', type: 'text', cell: (l) => SALES_ITEM_LABELS[l.item] },
    { header: '利用日', type: 'date', cell: (l) => siteDate(l.useDate) },
    { header: '利用内容', type: 'text', cell: (l) => l.description },
    { header: '単価', type: 'number', cell: (l) => l.unitPrice },
    { header: '数量', type: 'number', cell: (l) => l.quantity },
    ...moneyColumns<SalesLineRow>((l) => l),
  ],
};
