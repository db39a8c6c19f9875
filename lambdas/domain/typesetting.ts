/**
 * Typesetting Japanese text on a printed page (the QR poster, the payment notice), as plain arithmetic: which
 * characters a font can draw, where lines may break (Japanese anywhere but where 禁則 forbids, Latin words whole), and
 * how a text shrinks, wraps and at last is cut with "…" to fit a block. Pages are in PDF points (1/72 inch), y upwards
 * from the bottom edge. The renderer gives the font's metrics (`lambdas/platform/pdf`); nothing here knows PDF.
 */

/** The page: ISO A4 portrait. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** What stands for a character the font has no glyph for (げた: the typesetter's mark for a missing character). */
export const MISSING_GLYPH = '〓';

/** What the layout needs of the font: advance widths in em (a glyph's width at size 1), its ascent, whether it has a glyph. */
export interface FontMetrics {
  /** The advance width of one character (a grapheme) at size 1. */
  width(character: string): number;
  /** The ascent above the baseline at size 1. */
  readonly ascent: number;
  /** Whether the font can draw `character`. */
  has(character: string): boolean;
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

/** How a block's text may be fitted: its font sizes (from the largest it tries down to the smallest), its lines at most. */
export interface FitStyle {
  size: number;
  minSize: number;
  maxLines: number;
}

/** A line may not start with these (行頭禁則): closing brackets and punctuation, small kana, the long vowel mark. */
const NO_LINE_START = new Set([
  ...'、。，．,.)）]］｝}」』】〕〉》・：；:;!！?？ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜～…‥',
]);
/** A line may not end with these (行末禁則): opening brackets. */
const NO_LINE_END = new Set([...'(（[［｛{「『【〔〈《']);
/** Characters of a Latin word or number, kept on one line (`OFFICE`, `QR-1A2B`). */
const WORD = /^[A-Za-z0-9&'’._\-/@#]$/u;

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
/** The characters (graphemes) of a text, as a reader counts them. */
export const graphemes = (text: string): string[] => [...segmenter.segment(text)].map(({ segment }) => segment);

/** Where a text must break. */
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

/** The width of `characters` at size 1. */
export const widthOf = (characters: readonly string[], font: FontMetrics): number =>
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
  style: FitStyle,
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
