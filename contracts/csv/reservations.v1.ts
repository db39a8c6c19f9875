/**
 * The reservations as CSV (`GET /v1/operator/usage/reservations` with `Accept: text/csv`; 004 §3-3-4 予約 (会議室・席/個室)
 * 予約履歴の確認, 利用状況 > 予約 (会議室・席/個室) 「↓CSV」): one line per reservation.
 *
 * The first ten columns are the site's list as §3-3-5 ④ shows it (利用状況 > 予約（会議室・席/個室）), headed and
 * ordered as it shows them: 予約番号, 利用企業名, 施設, スペース名, 予約リクエストステータス, 予約ステータス, 予約開始日,
 * 予約終了日, 作成日, 更新日; its last column, 詳細, is a button and has no data. 予約開始日 … 更新日 carry a time on the
 * site (`2020/12/11 10:15`), and so here. The manual shows the list, not the file: the file is the list
 * ("検索結果をCSVファイルで出力").
 *
 * The columns after them are not on that list: §3-3-4 says a reservation's detail shows its sales (予約に係る売上) and its
 * options (予約オプション, meeting rooms). One line per reservation keeps the file the list, so they are folded in: the
 * options as one text cell (`コーヒー(HC)×6、冷茶×1`, the option names as the partner registered them, §2-5-5), and the
 * sum of its sales lines as 金額(税別), 消費税, 金額(税込) (§3-4's headers; empty while it has none). Each line itself is
 * in sales.v1. The member number is headed as §3-4 heads it.
 */
import type { reservationStatuses } from '../http/booking';
import type { SalesLineRow } from './sales.v1';
import { type CsvSpec, type Money, moneyColumns, siteDateTime } from './spec';

export type ReservationStatus = (typeof reservationStatuses)[number];

/**
 * 予約リクエストステータス, for request bookings only (empty for instant ones), in the site's words (§3-3-5 ④): 仮予約
 * until answered, then 確定 or 予約不可, キャンセル when the member cancels. A request cancelled because nobody answered
 * it in time has no word on the site: 自動キャンセル.
 */
export const REQUEST_STATUS_LABELS: Readonly<Record<ReservationStatus, string>> = {
  requested: '仮予約',
  confirmed: '確定',
  rejected: '予約不可',
  cancelled: 'キャンセル',
  autoCancelled: '自動キャンセル',
  checkedIn: '確定',
  checkedOut: '確定',
  forcedCheckout: '確定',
  noShow: '確定',
};

/**
 * 予約ステータス in the site's words where it has them (§3-3-5 ④: 利用前, 予約無効, キャンセル; 利用中 and 利用済 as the
 * usage screens say them, §3-3-1, §3-3-2). A request nobody answered never held, like a refused one: 予約無効. A forced
 * checkout and a no-show are settled and billed like a use (domain-rules §7, sales lines) and say why.
 */
export const RESERVATION_STATUS_LABELS: Readonly<Record<ReservationStatus, string>> = {
  requested: '利用前',
  confirmed: '利用前',
  rejected: '予約無効',
  cancelled: 'キャンセル',
  autoCancelled: '予約無効',
  checkedIn: '利用中',
  checkedOut: '利用済',
  forcedCheckout: '利用済(強制退館)',
  noShow: '利用済(未入館)',
};

/** An option booked with a reservation, with its name as the partner registered it. */
export interface ReservationOptionRow {
  readonly optionId: string;
  readonly name: string;
  readonly quantity: number;
}

/**
 * A reservation as the CSV reads it: api.md's operator `Reservation` (number, company name, member number), with its
 * facility's and space's names, its options' names, and its own sales lines (api.md: the usage list carries them).
 */
export interface ReservationRow {
  readonly id: string;
  /** `R-…`; absent only on reservations made before numbers existed. */
  readonly number?: string | null;
  readonly companyName?: string | null;
  readonly memberNumber: string;
  readonly facilityId: string;
  readonly facilityName: string;
  readonly spaceId: string;
  readonly spaceName: string;
  readonly bookingType: 'instant' | 'request';
  readonly status: ReservationStatus;
  readonly start: string;
  readonly end: string;
  readonly createdAt: string;
  /** When it last changed (a request answered, a cancellation, a check-in …); empty when not known. */
  readonly updatedAt?: string | null;
  readonly options: readonly ReservationOptionRow[];
  readonly salesLines: readonly Pick<SalesLineRow, 'amount' | 'tax' | 'total'>[];
}

/** The options of a reservation in one cell: `name×quantity`, joined by `、`; empty without options. */
function optionsText(options: readonly ReservationOptionRow[]): string | null {
  return options.length === 0 ? null : options.map((o) => `${o.name}×${o.quantity}`).join('、');
}

/** The sum of one money field over a reservation's sales lines; nothing while it has none. */
/** The sum of a reservation's sales lines; none while it has none. */
function sumOfLines(r: ReservationRow): Money | null {
  if (r.salesLines.length === 0) return null;
  return r.salesLines.reduce(
    (sum, line) => ({ amount: sum.amount + line.amount, tax: sum.tax + line.tax, total: sum.total + line.total }),
    { amount: 0, tax: 0, total: 0 },
  );
}

export const reservationsCsv: CsvSpec<ReservationRow> = {
  fileName: 'reservations',
  columns: [
    { header: '予約番号', type: 'text', cell: (r) => r.number },
    { header: '利用企業名', type: 'text', cell: (r) => r.companyName },
    { header: '施設', type: 'text', cell: (r) => r.facilityName },
    { header: 'スペース名', type: 'text', cell: (r) => r.spaceName },
    {
      header: '予約リクエストステータス',
      type: 'text',
      cell: (r) => (r.bookingType === 'request' ? REQUEST_STATUS_LABELS[r.status] : null),
    },
    { header: '予約ステータス', type: 'text', cell: (r) => RESERVATION_STATUS_LABELS[r.status] },
    { header: '予約開始日', type: 'dateTime', cell: (r) => siteDateTime(r.start) },
    { header: '予約終了日', type: 'dateTime', cell: (r) => siteDateTime(r.end) },
    { header: '作成日', type: 'dateTime', cell: (r) => siteDateTime(r.createdAt) },
    { header: '更新日', type: 'dateTime', cell: (r) => siteDateTime(r.updatedAt) },
    { header: 'TIMEWORK会員番号', type: 'text', cell: (r) => r.memberNumber },
    { header: 'オプション', type: 'text', cell: (r) => optionsText(r.options) },
    ...moneyColumns<ReservationRow>(sumOfLines),
  ],
};
