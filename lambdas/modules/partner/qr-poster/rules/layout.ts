/**
 * The layout of an open space's QR poster (api.md "Partner routes": `GET …/qr`; 004 §2-2 店舗掲示用二次元コード), as
 * plain arithmetic: which lines of text go where and at which size, and the QR code's dark modules as rectangles. One
 * A4 portrait page in PDF points (1/72 inch), y upwards from the bottom edge. The renderer (../poster.ts) gives the
 * font's metrics and draws what this returns; nothing here knows PDF.
 *
 * From the top: the service's name, the facility's name, the space's name (the largest), the QR code in the middle,
 * then how to scan it at check-in and again at checkout, and the QR value itself in small print (what support asks a
 * partner to read out). Names are the partner's own text, up to 100 characters: each shrinks to fit its lines, wraps
 * (Japanese anywhere but where 禁則 forbids, Latin words whole), and at its smallest size is cut with "…".
 */

import { SERVICE_NAME } from '../../../../domain/model';
import {
  A4,
  type FitStyle,
  type FontMetrics,
  fitText,
  graphemes,
  type PlacedLine,
  type Rect,
  widthOf,
} from '../../../../domain/typesetting';

/** White space kept clear at every edge (17 mm): printers do not print to the edge. */
export const MARGIN = 48;
/** The width lines may take. */
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;

/** How to check in with the poster (the app's check-in button; domain-rules §6); broken where the phrase breaks. */
export const SCAN_TO_CHECK_IN = `${SERVICE_NAME} アプリの「チェックイン」から\n読み取ってください`;
/** And out: a visit ends when the member scans the same code again (api.md: `POST /v1/visits/{id}/checkout`). */
export const SCAN_TO_CHECK_OUT = 'お帰りの際も、同じコードを読み取ってチェックアウトしてください';
/** The label of the QR value printed under everything. */
export const QR_VALUE_LABEL = '二次元コード値';

/** The QR code's quiet zone, in modules: ISO/IEC 18004 asks for 4 clear modules around the symbol. */
export const QUIET_ZONE_MODULES = 4;
/** The QR symbol's side at most (12 cm): scanned from a step or two away, and still well inside the page. */
export const MAX_QR_SIDE = 340;

/** What the poster shows. */
export interface PosterContent {
  facilityName: string;
  spaceName: string;
  qrValue: string;
}

/** A QR symbol as a matrix of modules (`qrcode`'s BitMatrix): dark where `get` is truthy. */
export interface QrMatrix {
  readonly size: number;
  get(row: number, column: number): number | boolean;
}

/** Where the QR symbol goes: its bottom-left corner, its side and module size, and its dark modules, row by row. */
export interface QrPlacement {
  x: number;
  y: number;
  side: number;
  moduleSize: number;
  modules: Rect[];
}

export interface PosterLayout {
  lines: PlacedLine[];
  qr: QrPlacement;
}

/** One text block: its font sizes and lines at most (how it fits), its line pitch and shade. */
interface BlockStyle extends FitStyle {
  /** Line pitch as a multiple of the size. */
  leading: number;
  gray: number;
}

const BRAND: BlockStyle = { size: 16, minSize: 16, maxLines: 1, leading: 1.3, gray: 0.35 };
const FACILITY: BlockStyle = { size: 26, minSize: 16, maxLines: 2, leading: 1.3, gray: 0 };
const SPACE: BlockStyle = { size: 44, minSize: 22, maxLines: 2, leading: 1.25, gray: 0 };
const CHECK_IN: BlockStyle = { size: 18, minSize: 12, maxLines: 3, leading: 1.5, gray: 0 };
const CHECK_OUT: BlockStyle = { size: 14, minSize: 11, maxLines: 2, leading: 1.5, gray: 0.2 };
const FOOTER: BlockStyle = { size: 9, minSize: 6, maxLines: 1, leading: 1.3, gray: 0.45 };

/** Gaps between blocks, in points. */
const GAP = { brand: 16, names: 8, instructions: 10, footer: 18 } as const;

/** A block's lines, centred, the first one's top at `top`; and where the block ends below. */
function placeDown(text: string, top: number, style: BlockStyle, font: FontMetrics) {
  const { lines, size } = fitText(text, CONTENT_WIDTH, style, font);
  const placed = lines.map((line, i) => ({
    text: line,
    x: (A4.width - widthOf(graphemes(line), font) * size) / 2,
    y: top - font.ascent * size - i * size * style.leading,
    size,
    gray: style.gray,
  }));
  return { placed, bottom: top - size * (style.leading * (lines.length - 1) + 1) };
}

/** A block's lines, centred, the last one's baseline at `baseline`; and where the block's top is. */
function placeUp(text: string, baseline: number, style: BlockStyle, font: FontMetrics) {
  const { lines, size } = fitText(text, CONTENT_WIDTH, style, font);
  const placed = lines.map((line, i) => ({
    text: line,
    x: (A4.width - widthOf(graphemes(line), font) * size) / 2,
    y: baseline + (lines.length - 1 - i) * size * style.leading,
    size,
    gray: style.gray,
  }));
  const first = placed[0]?.y ?? baseline;
  return { placed, top: first + font.ascent * size };
}

/** The dark modules of a QR symbol as one rectangle per horizontal run, row by row, the symbol's top-left at `(x, top)`. */
export function qrModules(matrix: QrMatrix, x: number, top: number, moduleSize: number): Rect[] {
  const rects: Rect[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.get(row, column)) column++;
      rects.push({
        x: x + start * moduleSize,
        y: top - (row + 1) * moduleSize,
        width: (column - start) * moduleSize,
        height: moduleSize,
      });
    }
  }
  return rects;
}

/**
 * The poster: the brand, facility and space names from the top margin down, the footer and the two scanning lines
 * from the bottom margin up, and the QR symbol centred between them, as large as {@link MAX_QR_SIDE} and its quiet
 * zone ({@link QUIET_ZONE_MODULES}) allow.
 * @throws Error when the names and instructions leave too little room for a symbol of a third of the page's width
 */
export function posterLayout(content: PosterContent, matrix: QrMatrix, font: FontMetrics): PosterLayout {
  const oneLine = (name: string) => name.replace(/\s+/gu, ' ');
  const brand = placeDown(SERVICE_NAME, A4.height - MARGIN, BRAND, font);
  const facility = placeDown(oneLine(content.facilityName), brand.bottom - GAP.brand, FACILITY, font);
  const space = placeDown(oneLine(content.spaceName), facility.bottom - GAP.names, SPACE, font);

  const footer = placeUp(`${QR_VALUE_LABEL} ${content.qrValue}`, MARGIN, FOOTER, font);
  const checkOut = placeUp(SCAN_TO_CHECK_OUT, footer.top + GAP.footer, CHECK_OUT, font);
  const checkIn = placeUp(SCAN_TO_CHECK_IN, checkOut.top + GAP.instructions, CHECK_IN, font);

  // the symbol and its quiet zone fill the room between the two, the symbol at most MAX_QR_SIDE
  const room = space.bottom - checkIn.top;
  const side = Math.min(MAX_QR_SIDE, room / (1 + (2 * QUIET_ZONE_MODULES) / matrix.size));
  if (side < CONTENT_WIDTH / 3) throw new Error(`The poster leaves ${room.toFixed(0)} pt for its QR code`);
  const moduleSize = side / matrix.size;
  const x = (A4.width - side) / 2;
  const y = checkIn.top + (room - side) / 2;
  return {
    lines: [
      ...brand.placed,
      ...facility.placed,
      ...space.placed,
      ...checkIn.placed,
      ...checkOut.placed,
      ...footer.placed,
    ],
    qr: { x, y, side, moduleSize, modules: qrModules(matrix, x, y + side, moduleSize) },
  };
}
