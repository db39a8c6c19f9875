/**
 * The QR poster's layout rules (pure: wrapping with 禁則, shrinking to fit, the page's zones, the QR modules) and its
 * renderer (the real font and libraries, no stack): what it draws reads back as the names, the instructions and a QR
 * code that decodes to the space's value, in a PDF of kilobytes whose font subset draws every glyph as the font does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Font, create as openFont } from 'fontkit';
import { create as encodeQr } from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { POSTER_FONT } from '../../../../lambdas/modules/partner/qr-poster/font';
import { renderPoster } from '../../../../lambdas/modules/partner/qr-poster/poster';
import {
  A4,
  CONTENT_WIDTH,
  charactersOf,
  type FontMetrics,
  fitText,
  MARGIN,
  MAX_QR_SIDE,
  MISSING_GLYPH,
  type PosterContent,
  posterLayout,
  QR_VALUE_LABEL,
  QUIET_ZONE_MODULES,
  qrModules,
  SCAN_TO_CHECK_IN,
  SCAN_TO_CHECK_OUT,
  SERVICE_NAME,
  wrap,
} from '../../../../lambdas/modules/partner/qr-poster/rules/layout';
import { type ReadPdf, readPdf } from '../../../fixtures/pdf';

/** A font of full-width CJK (1 em) and half-width ASCII (0.5 em), without 𠮷. */
const mono: FontMetrics = {
  width: (c) => (/^[\x20-\x7e]$/.test(c) ? 0.5 : 1),
  ascent: 0.88,
  has: (c) => c !== '𠮷',
};
const lines = (text: string, em: number) => wrap(charactersOf(text, mono), em, mono);

describe('wrapping a line of text', () => {
  it('breaks Japanese between any two characters, as many as fit', () => {
    expect(lines('丸の内ラウンジ', 3)).toEqual(['丸の内', 'ラウン', 'ジ']);
  });

  it('keeps a Latin word or number whole, and breaks at spaces', () => {
    expect(lines('NIKKEI OFFICE PASS', 4)).toEqual(['NIKKEI', 'OFFICE', 'PASS']);
    expect(lines('会議室QR-1234', 4)).toEqual(['会議室', 'QR-1234']);
  });

  it('breaks a word wider than the line where it overflows', () => {
    expect(lines('ABCDEFGHIJ', 2)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('starts no line with closing punctuation, a small kana or ー, ends none with an opening bracket (禁則)', () => {
    expect(lines('あいう。えお', 3)).toEqual(['あい', 'う。え', 'お']);
    expect(lines('あいスーパー', 3)).toEqual(['あい', 'スー', 'パー']);
    expect(lines('ロッカー', 1)).toEqual(['ロ', 'ッ', 'カ', 'ー']);
    expect(lines('あい「かぎ」', 3)).toEqual(['あい', '「か', 'ぎ」']);
    expect(lines('リージャス丸の内', 3)).toEqual(['リー', 'ジャス', '丸の内']);
  });

  it('makes runs of white space one space, drops spaces at line ends, and breaks where the text says', () => {
    expect(lines('  丸の内   ラウンジ ', 10)).toEqual(['丸の内 ラウンジ']);
    expect(lines('丸の内 ラウンジ', 3)).toEqual(['丸の内', 'ラウン', 'ジ']);
    expect(lines('一行目\n二行目', 10)).toEqual(['一行目', '二行目']);
  });

  it('draws what the font lacks as 〓', () => {
    expect(charactersOf('𠮷野家', mono)).toEqual([MISSING_GLYPH, '野', '家']);
  });
});

describe('fitting a text to a block', () => {
  const style = { size: 40, minSize: 20, maxLines: 2 };

  it('keeps its largest size when the text fits', () => {
    expect(fitText('ラウンジ', 400, style, mono)).toEqual({ lines: ['ラウンジ'], size: 40 });
  });

  it('shrinks to three quarters of its size before it wraps, and wraps before it cuts', () => {
    // 12 characters: 480 pt at 40, on one line of 400 at 33
    expect(fitText('あ'.repeat(12), 400, style, mono)).toEqual({ lines: ['あ'.repeat(12)], size: 33 });
    // 14: one line at 28, below 30: two lines at 40 rather
    expect(fitText('あ'.repeat(14), 400, style, mono)).toEqual({ lines: ['あ'.repeat(10), 'あ'.repeat(4)], size: 40 });
    // 30: two lines of 15 at 26
    expect(fitText('あ'.repeat(30), 400, style, mono)).toEqual({ lines: ['あ'.repeat(15), 'あ'.repeat(15)], size: 26 });
    // its own line breaks are not wrapping
    expect(fitText('あいう\nえお', 400, style, mono)).toEqual({ lines: ['あいう', 'えお'], size: 40 });
  });

  it('cuts what does not fit at its smallest size with …, the kept lines whole', () => {
    const cut = fitText('い'.repeat(100), 400, style, mono);
    expect(cut.size).toBe(20);
    expect(cut.lines).toEqual(['い'.repeat(20), `${'い'.repeat(19)}…`]);
  });
});

describe('the QR modules', () => {
  const matrix = encodeQr('QR-REGUS-MARUNOUCHI', { errorCorrectionLevel: 'Q' }).modules;

  it('are one rectangle per horizontal run of dark modules, covering exactly the dark ones', () => {
    const rects = qrModules(matrix, 100, 500, 10);
    const drawn = new Set<string>();
    for (const r of rects) {
      expect(r.height).toBe(10);
      for (let x = r.x; x < r.x + r.width; x += 10) drawn.add(`${(500 - r.y) / 10 - 1},${(x - 100) / 10}`);
    }
    const dark = new Set<string>();
    for (let row = 0; row < matrix.size; row++) {
      for (let column = 0; column < matrix.size; column++) if (matrix.get(row, column)) dark.add(`${row},${column}`);
    }
    expect(drawn).toEqual(dark);
    expect(rects.length).toBeLessThan(dark.size);
  });
});

describe('the poster layout', () => {
  const lounge: PosterContent = {
    facilityName: 'リージャス丸の内',
    spaceName: 'ラウンジ',
    qrValue: 'QR-REGUS-MARUNOUCHI',
  };
  const longest: PosterContent = {
    facilityName: `リージャス ${'丸の内オアゾ'.repeat(16)}`.slice(0, 100),
    spaceName: 'オープンスペース（窓側・電源付き）'.repeat(6).slice(0, 100),
    qrValue: `QR-${'A1B2C3D4'.repeat(4)}`,
  };
  const layoutOf = (content: PosterContent) =>
    posterLayout(content, encodeQr(content.qrValue, { errorCorrectionLevel: 'Q' }).modules, mono);

  it.each([
    ['a short name', lounge],
    ['names of 100 characters', longest],
  ])('with %s keeps every line inside the margins, centred, and clear of the QR code’s quiet zone', (_, content) => {
    const { lines: placed, qr } = layoutOf(content);
    const quiet = QUIET_ZONE_MODULES * qr.moduleSize;
    for (const line of placed) {
      const width = charactersOf(line.text, mono).reduce((sum, c) => sum + mono.width(c) * line.size, 0);
      expect(line.x, line.text).toBeGreaterThanOrEqual(MARGIN - 1e-6);
      expect(line.x + width, line.text).toBeLessThanOrEqual(A4.width - MARGIN + 1e-6);
      expect(line.x + width / 2, line.text).toBeCloseTo(A4.width / 2, 6);
      const top = line.y + mono.ascent * line.size;
      const bottom = line.y - 0.25 * line.size;
      expect(top, line.text).toBeLessThanOrEqual(A4.height - MARGIN + 1e-6);
      expect(bottom, line.text).toBeGreaterThanOrEqual(MARGIN - 0.25 * line.size - 1e-6);
      const clear = bottom >= qr.y + qr.side + quiet || top <= qr.y - quiet;
      expect(clear, `${line.text} overlaps the QR code`).toBe(true);
    }
    expect(qr.x).toBeCloseTo((A4.width - qr.side) / 2, 6);
    expect(qr.side).toBeLessThanOrEqual(MAX_QR_SIDE);
    expect(qr.side).toBeGreaterThanOrEqual(CONTENT_WIDTH / 3);
  });

  it('shows the brand, the names (the space’s the largest), how to check in and out, and the QR value', () => {
    const { lines: placed, qr } = layoutOf(lounge);
    expect(placed.map((l) => l.text)).toEqual([
      SERVICE_NAME,
      'リージャス丸の内',
      'ラウンジ',
      ...SCAN_TO_CHECK_IN.split('\n'),
      SCAN_TO_CHECK_OUT,
      `${QR_VALUE_LABEL} QR-REGUS-MARUNOUCHI`,
    ]);
    const size = (text: string) => placed.find((l) => l.text === text)?.size ?? 0;
    expect(size('ラウンジ')).toBeGreaterThan(size('リージャス丸の内'));
    expect(qr.side).toBe(MAX_QR_SIDE);
    // top to bottom: names above the code, instructions below it
    expect(placed.find((l) => l.text === 'ラウンジ')?.y).toBeGreaterThan(qr.y + qr.side);
    expect(placed.find((l) => l.text === SCAN_TO_CHECK_OUT)?.y).toBeLessThan(qr.y);
  });

  it('writes a name on one line of its own, whatever line breaks it holds', () => {
    const { lines: placed } = layoutOf({ ...lounge, spaceName: 'ラウンジ\nA' });
    expect(placed.map((l) => l.text)).toContain('ラウンジ A');
  });
});

describe('the rendered poster', () => {
  const fontPath = createRequire(import.meta.url).resolve(POSTER_FONT.source);
  const original = openFont(readFileSync(fontPath)) as Font;
  const lounge: PosterContent = {
    facilityName: 'リージャス丸の内',
    spaceName: 'ラウンジ',
    qrValue: 'QR-REGUS-MARUNOUCHI',
  };
  let bytes: Uint8Array;
  let pdf: ReadPdf;

  beforeAll(async () => {
    bytes = await renderPoster(lounge, Date.parse('2026-11-24T10:00:00+09:00'));
    pdf = await readPdf(bytes);
  });

  it('is one A4 page, in Japanese, titled with the names', () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages).toBe(1);
    expect([pdf.width, pdf.height]).toEqual([A4.width, A4.height]);
    expect(pdf.title).toBe('リージャス丸の内 ラウンジ チェックイン用二次元コード');
    expect(pdf.language).toBe('ja-JP');
  });

  it('reads back as the names and the instructions, drawn in the poster font', () => {
    expect(pdf.lines.map((l) => l.text)).toEqual([
      SERVICE_NAME,
      'リージャス丸の内',
      'ラウンジ',
      ...SCAN_TO_CHECK_IN.split('\n'),
      SCAN_TO_CHECK_OUT,
      `${QR_VALUE_LABEL} QR-REGUS-MARUNOUCHI`,
    ]);
    for (const line of pdf.lines) expect(line.font, line.text).toMatch(/^BIZUDPGothic-Bold/);
  });

  it('draws a QR code that decodes to the space’s QR value', () => {
    expect(pdf.qr).toBe('QR-REGUS-MARUNOUCHI');
  });

  it('embeds the font as a subset: the PDF weighs kilobytes, the font megabytes', () => {
    const [font] = pdf.fonts;
    expect(pdf.fonts).toHaveLength(1);
    expect(font?.subtype).toBe('Type0');
    const subset = openFont(Buffer.from(font?.program ?? [])) as Font;
    const used = new Set(pdf.lines.flatMap((l) => [...l.text]));
    // the glyphs drawn and .notdef, no more
    expect(subset.numGlyphs).toBe(used.size + 1);
    expect(readFileSync(fontPath).byteLength).toBeGreaterThan(4_000_000);
    expect(bytes.byteLength).toBeLessThan(40_000);
  });

  it('draws every glyph of its subset as the font does (no glyph lost to subsetting)', () => {
    const [font] = pdf.fonts;
    const subset = openFont(Buffer.from(font?.program ?? [])) as Font;
    expect(font?.toUnicode.size).toBeGreaterThan(30);
    for (const [id, text] of font?.toUnicode ?? []) {
      const drawn = subset.getGlyph(id);
      const expected = original.glyphForCodePoint(text.codePointAt(0) as number);
      expect(drawn.path.toSVG(), text).toBe(expected.path.toSVG());
      expect(drawn.advanceWidth, text).toBe(expected.advanceWidth);
    }
  });

  it('draws a character the font lacks as 〓, and still decodes', async () => {
    const read = await readPdf(
      await renderPoster({ ...lounge, spaceName: '𠮷野家側ラウンジ' }, Date.parse('2026-11-24T10:00:00+09:00')),
    );
    expect(read.lines.map((l) => l.text)).toContain('〓野家側ラウンジ');
    expect(read.qr).toBe('QR-REGUS-MARUNOUCHI');
  });
});
