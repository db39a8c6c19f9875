/**
 * The layout of a payment notice as a document (支払通知書; api.md "Partner routes": `GET /v1/operator/payment-notices/
 * {id}` with `Accept: application/pdf`; 004 §3-5 ②), as plain arithmetic: which lines of text go where and at which
 * size, and the rules (thin filled rectangles) between them. One A4 portrait page in PDF points, y upwards from the
 * bottom edge; the renderer (../notice-pdf.ts) gives the font's metrics and draws what this returns.
 *
 * From the top: the issue date and the notice's id (right), the title and the period it settles, the partner addressed
 * (its name, then 御中 at the end of the underline) on the left and the issuer (the service) on the right, the amount transferred and its due date in a box, then
 * the amounts line by line as the notice computes them (domain-rules §7: 売上総額, 企業支払額, 支払率, 支払額, the
 * offsets, 差引支払額), the status, and how to dispute it (004 資料1 ②: within 5 days of issue). Offsets due and
 * carried over are shown only when there are any. The partner's name is its own text (up to 100 characters): it
 * shrinks, wraps onto a second line, and is at last cut with "…"; every other text is ours and fits.
 */
import { localDateOf } from '../../../domain/calendar';
import { SERVICE_NAME, SERVICE_TIME_ZONE } from '../../../domain/model';
import {
  A4,
  type FitStyle,
  type FontMetrics,
  fitText,
  graphemes,
  type PlacedLine,
  type Rect,
  widthOf,
} from '../../../domain/typesetting';
import type { PaymentNotice } from './notices';

/** White space kept clear at every edge (20 mm). */
export const NOTICE_MARGIN = 56;
const LEFT = NOTICE_MARGIN;
const RIGHT = A4.width - NOTICE_MARGIN;
const WIDTH = RIGHT - LEFT;

/** The document's title. */
export const NOTICE_TITLE = '支払通知書';
/** The issuer of every notice: the service (its name, domain/model.ts). */
export const NOTICE_ISSUER = SERVICE_NAME;
/** What the notice says it is, under the addressee. */
export const NOTICE_LEAD = '下記のとおり分配金をお支払いいたします。';
/** How a partner disputes a notice (004 資料1 ②), and how the payout is computed (domain-rules §7). */
export const NOTICE_NOTES = [
  '※ 支払額は、企業支払額に支払率を乗じた金額です（円未満切り捨て）。',
  '※ 相殺額は、支払額を上限として相殺金を差し引いた金額です。',
  '※ 本通知書の内容に異議がある場合は、発行日から5日以内にサポート窓口までご連絡ください。',
] as const;

/** The labels of the notice's facts, as a partner's accounting reads them. */
export const NOTICE_LABELS = {
  issuedOn: '発行日',
  noticeId: '通知番号',
  addressee: '御中',
  net: '差引支払額',
  dueDate: '支払予定日',
  period: '対象期間',
  gross: '売上総額（税抜）',
  paidByCompanies: '企業支払額',
  ratePercent: '支払率',
  payout: '支払額',
  offsetsDue: '相殺対象額',
  offsets: '相殺額',
  carriedOver: '繰越相殺額（次回以降に相殺）',
  status: '状態',
} as const;

/** The statuses in Japanese. */
export const NOTICE_STATUS_TEXT: Record<PaymentNotice['status'], string> = { issued: '発行済', paid: '支払済' };

/** What the document shows: the notice and the name of the partner it is addressed to. */
export interface NoticeDocumentContent {
  notice: Pick<
    PaymentNotice,
    | 'noticeId'
    | 'period'
    | 'dates'
    | 'issuedAt'
    | 'dueDate'
    | 'gross'
    | 'paidByCompanies'
    | 'ratePercent'
    | 'payout'
    | 'offsetsDue'
    | 'offsets'
    | 'net'
    | 'carriedOver'
    | 'status'
  >;
  partnerName: string;
}

export interface NoticeLayout {
  lines: PlacedLine[];
  /** Thin rules and the box's frame, filled in {@link RULE_GRAY}. */
  rules: Rect[];
}

/** The shade of the rules. */
export const RULE_GRAY = 0.55;

/** Yen as an invoice writes them: `¥1,029`. */
export const yen = (amount: number): string => `¥${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** A local date as a Japanese document writes it: `2027年2月1日`. */
export function japaneseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The period a notice settles, as its title says it: `2026年12月分`. */
export function periodTitle(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return `${year}年${month}月分`;
}

/** One row of the amounts: its label, its value and whether it is the row that matters (the amount transferred). */
export interface NoticeRow {
  label: string;
  value: string;
  strong?: boolean;
}

/** The rows of the amounts, top to bottom: offsets due and carried over only when there are any. */
export function noticeRows(notice: NoticeDocumentContent['notice']): NoticeRow[] {
  const rows: Array<NoticeRow | false> = [
    { label: NOTICE_LABELS.period, value: `${japaneseDate(notice.dates.from)} 〜 ${japaneseDate(notice.dates.to)}` },
    { label: NOTICE_LABELS.gross, value: yen(notice.gross) },
    { label: NOTICE_LABELS.paidByCompanies, value: yen(notice.paidByCompanies) },
    { label: NOTICE_LABELS.ratePercent, value: `${notice.ratePercent}%` },
    { label: NOTICE_LABELS.payout, value: yen(notice.payout) },
    notice.offsetsDue > 0 && { label: NOTICE_LABELS.offsetsDue, value: yen(notice.offsetsDue) },
    { label: NOTICE_LABELS.offsets, value: yen(notice.offsets) },
    notice.carriedOver > 0 && { label: NOTICE_LABELS.carriedOver, value: yen(notice.carriedOver) },
    { label: NOTICE_LABELS.net, value: yen(notice.net), strong: true },
    { label: NOTICE_LABELS.dueDate, value: japaneseDate(notice.dueDate) },
    { label: NOTICE_LABELS.status, value: NOTICE_STATUS_TEXT[notice.status] },
  ];
  return rows.filter((row): row is NoticeRow => row !== false);
}

type Align = 'left' | 'right' | 'center';

/** Text styles: size, the smallest it shrinks to, its lines at most, its shade. */
interface TextStyle extends FitStyle {
  gray: number;
}

const STYLE = {
  small: { size: 9, minSize: 6, maxLines: 1, gray: 0.3 },
  title: { size: 26, minSize: 26, maxLines: 1, gray: 0 },
  subtitle: { size: 13, minSize: 13, maxLines: 1, gray: 0.2 },
  addressee: { size: 16, minSize: 10, maxLines: 2, gray: 0 },
  issuer: { size: 12, minSize: 8, maxLines: 1, gray: 0 },
  body: { size: 10.5, minSize: 8, maxLines: 1, gray: 0 },
  boxLabel: { size: 12, minSize: 12, maxLines: 1, gray: 0 },
  boxAmount: { size: 22, minSize: 14, maxLines: 1, gray: 0 },
  label: { size: 11, minSize: 8, maxLines: 1, gray: 0.2 },
  value: { size: 11, minSize: 8, maxLines: 1, gray: 0 },
  strong: { size: 13, minSize: 9, maxLines: 1, gray: 0 },
  note: { size: 8.5, minSize: 6, maxLines: 1, gray: 0.35 },
} as const satisfies Record<string, TextStyle>;

/** Line pitch as a multiple of the size. */
const LEADING = 1.35;
/** The height of a row of the amounts, and the width of its label column. */
const ROW = { height: 24, labelWidth: 200, padding: 8 } as const;
const HAIRLINE = 0.5;

/**
 * The lines of a text fitted to `width` in `style`, each line's baseline below the previous one from `baseline`,
 * aligned at `x` (its left end, right end or centre); and the baseline of the last line.
 */
function place(
  text: string,
  x: number,
  baseline: number,
  width: number,
  style: TextStyle,
  align: Align,
  font: FontMetrics,
): { placed: PlacedLine[]; last: number } {
  const { lines, size } = fitText(text, width, style, font);
  const placed = lines.map((line, i) => {
    const lineWidth = widthOf(graphemes(line), font) * size;
    const left = align === 'left' ? x : align === 'right' ? x - lineWidth : x - lineWidth / 2;
    return { text: line, x: left, y: baseline - i * size * LEADING, size, gray: style.gray };
  });
  return { placed, last: placed.at(-1)?.y ?? baseline };
}

/** A horizontal rule across `[x, x + width]` at `y`. */
const rule = (x: number, y: number, width: number, weight = HAIRLINE): Rect => ({ x, y, width, height: weight });

/** The four sides of a frame around `box`. */
const frame = (box: Rect, weight = 1): Rect[] => [
  { x: box.x, y: box.y, width: box.width, height: weight },
  { x: box.x, y: box.y + box.height - weight, width: box.width, height: weight },
  { x: box.x, y: box.y, width: weight, height: box.height },
  { x: box.x + box.width - weight, y: box.y, width: weight, height: box.height },
];

/** The notice's page: what {@link NoticeDocumentContent} shows, where (see the file's comment). */
export function noticeLayout(content: NoticeDocumentContent, font: FontMetrics): NoticeLayout {
  const { notice } = content;
  const lines: PlacedLine[] = [];
  const rules: Rect[] = [];
  const put = (...args: Parameters<typeof place>) => {
    const { placed, last } = place(...args);
    lines.push(...placed);
    return last;
  };
  const half = WIDTH / 2 - 12;

  // the issue date and the notice's id, top right
  let y = A4.height - NOTICE_MARGIN - STYLE.small.size;
  const issuedOn = japaneseDate(localDateOf(notice.issuedAt, SERVICE_TIME_ZONE));
  put(`${NOTICE_LABELS.issuedOn} ${issuedOn}`, RIGHT, y, half, STYLE.small, 'right', font);
  y -= STYLE.small.size * LEADING;
  put(`${NOTICE_LABELS.noticeId} ${notice.noticeId}`, RIGHT, y, half, STYLE.small, 'right', font);

  // the title, the period under it
  y -= 44;
  put(NOTICE_TITLE, A4.width / 2, y, WIDTH, STYLE.title, 'center', font);
  y -= 24;
  put(periodTitle(notice.period), A4.width / 2, y, WIDTH, STYLE.subtitle, 'center', font);

  // the partner addressed, left, underlined; the issuer, right
  y -= 44;
  const honorific = widthOf(graphemes(NOTICE_LABELS.addressee), font) * STYLE.addressee.size;
  const addressee = put(content.partnerName, LEFT, y, half - honorific - 8, STYLE.addressee, 'left', font);
  put(NOTICE_LABELS.addressee, LEFT + half, addressee, honorific, STYLE.addressee, 'right', font);
  rules.push(rule(LEFT, addressee - 6, half, 1));
  put(NOTICE_ISSUER, RIGHT, y, half, STYLE.issuer, 'right', font);

  // what the notice is
  y = addressee - 34;
  put(NOTICE_LEAD, LEFT, y, WIDTH, STYLE.body, 'left', font);

  // the box: the amount transferred, and when
  const box = { x: LEFT, y: y - 20 - 56, width: WIDTH, height: 56 };
  rules.push(...frame(box));
  const middle = box.y + box.height / 2;
  put(NOTICE_LABELS.net, LEFT + 16, middle - 4, 120, STYLE.boxLabel, 'left', font);
  put(yen(notice.net), LEFT + 16 + 120, middle - 4, 180, STYLE.boxAmount, 'left', font);
  put(
    `${NOTICE_LABELS.dueDate} ${japaneseDate(notice.dueDate)}`,
    RIGHT - 16,
    middle - 4,
    WIDTH / 2 - 40,
    STYLE.boxLabel,
    'right',
    font,
  );

  // the amounts, a row each, a rule under each
  y = box.y - 28;
  rules.push(rule(LEFT, y, WIDTH, 1));
  for (const row of noticeRows(notice)) {
    const style = row.strong ? STYLE.strong : STYLE.value;
    const baseline = y - ROW.height / 2 - style.size * 0.35;
    put(row.label, LEFT + ROW.padding, baseline, ROW.labelWidth, row.strong ? STYLE.strong : STYLE.label, 'left', font);
    put(row.value, RIGHT - ROW.padding, baseline, WIDTH - ROW.labelWidth - 3 * ROW.padding, style, 'right', font);
    y -= ROW.height;
    rules.push(rule(LEFT, y, WIDTH, row.strong ? 1 : HAIRLINE));
  }

  // the notes
  y -= 28;
  for (const note of NOTICE_NOTES) {
    put(note, LEFT, y, WIDTH, STYLE.note, 'left', font);
    y -= STYLE.note.size * 1.8;
  }

  // the issuer again at the foot, with the id (a page read alone still says whose and which)
  put(`${NOTICE_ISSUER}　${notice.noticeId}`, A4.width / 2, NOTICE_MARGIN, WIDTH, STYLE.small, 'center', font);
  return { lines, rules };
}
