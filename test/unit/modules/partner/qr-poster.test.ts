/**
 * The QR poster's layout rules (pure: the page's zones, the QR modules; the typesetting is domain/typesetting's) and its
 * renderer (the real font and libraries, no stack): what it draws reads back as the names, the instructions and a QR
 * code that decodes to the space's value, in a PDF of kilobytes whose font subset draws every glyph as the font does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Font, create as openFont } from 'fontkit';
import { create as encodeQr } from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAME } from '../../../../lambdas/domain/model';
import { A4, charactersOf } from '../../../../lambdas/domain/typesetting';
import { renderPoster } from '../../../../lambdas/modules/partner/qr-poster/poster';
import {
  CONTENT_WIDTH,
  MARGIN,
  MAX_QR_SIDE,
  type PosterContent,
  posterLayout,
  QR_VALUE_LABEL,
  QUIET_ZONE_MODULES,
  qrModules,
  SCAN_TO_CHECK_IN,
  SCAN_TO_CHECK_OUT,
} from '../../../../lambdas/modules/partner/qr-poster/rules/layout';
import { DOCUMENT_FONT } from '../../../../lambdas/platform/pdf/font';
import { type ReadPdf, readPdf } from '../../../fixtures/pdf';
import { mono } from '../../../fixtures/typesetting';

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
  const fontPath = createRequire(import.meta.url).resolve(DOCUMENT_FONT.source);
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
