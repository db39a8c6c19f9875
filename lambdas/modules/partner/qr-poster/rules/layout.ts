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

/** The page: ISO A4 portrait. */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** White space kept clear at every edge (17 mm): printers do not print to the edge. */
export const MARGIN = 48;
/** The width lines may take. */
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;

/** The service members check in with: the app they scan the poster with. */
export const SERVICE_NAME = 'NIKKEI OFFICE PASS';
/** How to check in with the poster (the app's check-in button; domain-rules §6); broken where the phrase breaks. */
export const SCAN_TO_CHECK_IN = 'NIKKEI OFFICE PASS アプリの「チェックイン」から\n読み取ってください';
/** And out: a visit ends when the member scans the same code again (api.md: `POST /v1/visits/{id}/checkout`). */
export const SCAN_TO_CHECK_OUT = 'お帰りの際も、同じコードを読み取ってチェックアウトしてください';
/** The label of the QR value printed under everything. */
export const QR_VALUE_LABEL = '二次元コード値';
/** What stands for a character the font has no glyph for (げた: the typesetter's mark for a missing character). */
export const MISSING_GLYPH = '〓';

/** The QR code's quiet zone, in modules: ISO/IEC 18004 asks for 4 clear modules around the symbol. */
export const QUIET_ZONE_MODULES = 4;
/** The QR symbol's side at most (12 cm): scanned from a step or two away, and still well inside the page. */
export const MAX_QR_SIDE = 340;

/** What the layout needs of the font: advance widths in em (a glyph's width at size 1), its ascent, whether it has a glyph. */
export interface FontMetrics {
  /** The advance width of one character (a grapheme) at size 1. */
  width(character: string): number;
  /** The ascent above the baseline at size 1. */
  readonly ascent: number;
  /** Whether the font can draw `character`. */
  has(character: string): boolean;
}

/** What the poster shows. */
export interface PosterContent {
  facilityName: string;
  spaceName: string;
  qrValue: string;
}

/** A line of text placed on the page: its left end at `x`, its baseline at `y`. */
export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  size: number;
  /** 0 black … 1 white. */
  gray: number;
}

/** A rectangle on the page, from its bottom-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
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

/** One text block: its font sizes (from the largest it tries down to the smallest), its lines at most, its shade. */
interface BlockStyle {
  size: number;
  minSize: number;
  maxLines: number;
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

/** A line may not start with these (行頭禁則): closing brackets and punctuation, small kana, the long vowel mark. */
const NO_LINE_START = new Set([
  ...'、。，．,.)）]］｝}」』】〕〉》・：；:;!！?？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜～…‥',
]);
/** A line may not end with these (行末禁則): opening brackets. */
const NO_LINE_END = new Set([...'(（[［｛{「『【〔〈《']);
/** Characters of a Latin word or number, kept on one line (`OFFICE`, `QR-1A2B`). */
const WORD = /^[A-Za-z0-9&'’._\-/@#]$/u;

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
const graphemes = (text: string): string[] => [...segmenter.segment(text)].map(({ segment }) => segment);

/** Where a text must break (our own texts: a name is written on one line, {@link posterLayout}). */
const NEWLINE = '\n';

/**
 * The characters (graphemes) of a text: its runs of white space one space (a line break kept), what the font lacks
 * replaced by {@link MISSING_GLYPH}.
 */
export function charactersOf(text: string, font: Pick<FontMetrics, 'has'>): string[] {
  const normalized = text
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/ ?\n ?/gu, NEWLINE)
    .trim();
  return graphemes(normalized).map((segment) =>
    segment === ' ' || segment === NEWLINE || font.has(segment) ? segment : MISSING_GLYPH,
  );
}

/** Whether a line may break before `characters[at]`. */
function canBreakBefore(characters: readonly string[], at: number): boolean {
  const before = characters[at - 1] ?? '';
  const after = characters[at] ?? '';
  if (before === ' ' || after === ' ') return true;
  if (NO_LINE_START.has(after) || NO_LINE_END.has(before)) return false;
  return !(WORD.test(before) && WORD.test(after));
}

const widthOf = (characters: readonly string[], font: FontMetrics): number =>
  characters.reduce((sum, character) => sum + font.width(character), 0);

/**
 * Where the lines of `characters` start and end at a width of `em` (the line's width divided by the size): as many
 * characters on each as fit, the break moved back to the last place it may be (a word or a 禁則 pair wider than the line
 * is broken where it overflows). A line neither starts nor ends with a space.
 */
function lineRanges(characters: readonly string[], em: number, font: FontMetrics): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (start < characters.length) {
    if (characters[start] === ' ') {
      start++;
      continue;
    }
    if (characters[start] === NEWLINE) {
      // an empty line only where two breaks follow each other
      if (characters[start - 1] === NEWLINE) ranges.push([start, start]);
      start++;
      continue;
    }
    let end = start + 1;
    let width = font.width(characters[start] as string);
    while (
      end < characters.length &&
      characters[end] !== NEWLINE &&
      width + font.width(characters[end] as string) <= em
    ) {
      width += font.width(characters[end] as string);
      end++;
    }
    if (end < characters.length && characters[end] !== NEWLINE) {
      let at = end;
      while (at > start + 1 && !canBreakBefore(characters, at)) at--;
      if (canBreakBefore(characters, at)) end = at;
    }
    let last = end;
    while (characters[last - 1] === ' ') last--;
    ranges.push([start, last]);
    start = end;
  }
  return ranges;
}

/** The lines `characters` wrap into at a width of `em` (see {@link lineRanges}). */
export const wrap = (characters: readonly string[], em: number, font: FontMetrics): string[] =>
  lineRanges(characters, em, font).map(([start, end]) => characters.slice(start, end).join(''));

/** `characters` (up to a line break) cut to fit `em` with "…" after them. */
function ellipsized(characters: readonly string[], em: number, font: FontMetrics): string {
  const newline = characters.indexOf(NEWLINE);
  const kept = newline < 0 ? [...characters] : characters.slice(0, newline);
  while (kept.length > 0 && widthOf(kept, font) + font.width('…') > em) kept.pop();
  return `${kept.join('').trimEnd()}…`;
}

/** How far a text shrinks to stay on its own lines before it wraps: to three quarters of its size. */
const SHRINK_BEFORE_WRAP = 0.75;

/**
 * The lines and size of a text in a block: unwrapped (on the lines its own breaks make) at the largest size down to
 * three quarters of `style.size` at which that fits `width`; else the largest size down to `style.minSize` at which
 * it wraps into at most `style.maxLines` lines; else, at the smallest, the lines that fit, the last cut with "…".
 */
export function fitText(
  text: string,
  width: number,
  style: Pick<BlockStyle, 'size' | 'minSize' | 'maxLines'>,
  font: FontMetrics,
): { lines: string[]; size: number } {
  const characters = charactersOf(text, font);
  const own = wrap(characters, Number.POSITIVE_INFINITY, font).length;
  const unwrapped = Math.max(style.minSize, Math.ceil(style.size * SHRINK_BEFORE_WRAP));
  for (let size = style.size; size >= unwrapped; size--) {
    const lines = wrap(characters, width / size, font);
    if (lines.length <= own) return { lines, size };
  }
  for (let size = style.size; size >= style.minSize; size--) {
    const lines = wrap(characters, width / size, font);
    if (lines.length <= style.maxLines) return { lines, size };
  }
  const size = style.minSize;
  const ranges = lineRanges(characters, width / size, font).slice(0, style.maxLines);
  const kept = ranges.slice(0, -1).map(([start, end]) => characters.slice(start, end).join(''));
  const rest = characters.slice(ranges.at(-1)?.[0] ?? 0);
  return { lines: [...kept, ellipsized(rest, width / size, font)], size };
}

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
