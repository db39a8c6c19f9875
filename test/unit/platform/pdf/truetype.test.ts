/**
 * The TrueType subsetter (lambdas/platform/pdf/truetype.ts): a subset opens with fontkit, keeps .notdef and the glyphs
 * asked for (in the order asked) and no other, each drawn and advanced as in the original; a composite glyph keeps its
 * components, renumbered (the document font has none: a small font made here has one, of three components stored in
 * three of the encodings of a component record); the file's checksums hold. A font covers (`covers`, the character
 * map searched by halves) exactly the code points of its character set, in both of the map's formats (12 in the
 * document font, 4 in the small one).
 */
import { readFileSync } from 'node:fs';
import { type Font, create as openFont } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FONT } from '../../../../lambdas/platform/pdf/font';
import {
  componentOffsets,
  TrueTypeFont,
  TrueTypeSubset,
  trueTypeFile,
} from '../../../../lambdas/platform/pdf/truetype';
import { bundledFileSource } from '../../../../lib/bundling';

const fontBytes = readFileSync(bundledFileSource(DOCUMENT_FONT));

/** The tables of a TrueType file, by tag. */
function tablesOf(file: Uint8Array) {
  const data = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let i = 0; i < data.getUint16(4); i++) {
    const at = 12 + 16 * i;
    tables.set(Buffer.from(file.subarray(at, at + 4)).toString('latin1'), {
      checksum: data.getUint32(at + 4),
      offset: data.getUint32(at + 8),
      length: data.getUint32(at + 12),
    });
  }
  return tables;
}

/** The sum of a byte range's 32-bit words, zero-padded. */
function sum(file: Uint8Array, offset = 0, length = file.byteLength) {
  const padded = new Uint8Array((length + 3) & ~3);
  padded.set(file.subarray(offset, offset + length));
  const data = new DataView(padded.buffer);
  let total = 0;
  for (let i = 0; i < padded.byteLength; i += 4) total = (total + data.getUint32(i)) >>> 0;
  return total;
}

function expectSoundChecksums(file: Uint8Array) {
  const tables = tablesOf(file);
  const data = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const head = tables.get('head');
  if (!head) throw new Error('no head');
  const adjustment = data.getUint32(head.offset + 8);
  for (const [tag, table] of tables) {
    const expected =
      tag === 'head'
        ? (sum(file, table.offset, table.length) - adjustment) >>> 0
        : sum(file, table.offset, table.length);
    expect(table.checksum, tag).toBe(expected);
    expect(table.offset % 4, tag).toBe(0);
  }
  expect(sum(file)).toBe(0xb1b0afba);
}

/** The code points (of all, 0 to 10FFFF) that `covers` answers for otherwise than the character set's membership. */
function coverageDifferences(font: TrueTypeFont) {
  const characters = font.characterSet();
  const differences: number[] = [];
  for (let code = 0; code <= 0x10ffff; code++) if (font.covers(code) !== characters.has(code)) differences.push(code);
  return differences;
}

describe('a subset of the document font', () => {
  const font = new TrueTypeFont(fontBytes);
  const original = openFont(fontBytes) as Font;
  const text = 'リージャス丸の内 ラウンジ 支払通知書 ¥1,234,567 QR-REGUS';
  const subset = new TrueTypeSubset(font);
  const asked = [...new Set([...text].map((c) => font.glyphForCodePoint(c.codePointAt(0) as number)))];
  const ids = asked.map((gid) => subset.include(gid));
  const file = subset.encode();
  const opened = openFont(Buffer.from(file)) as Font;

  it('numbers the glyphs asked for from 1 in the order asked, .notdef 0, and keeps no other', () => {
    expect(ids).toEqual(asked.map((_, i) => i + 1));
    expect(subset.include(asked[0] as number)).toBe(1);
    expect(opened.numGlyphs).toBe(asked.length + 1);
    expect(subset.originalIds()).toEqual([0, ...asked]);
    expect(file.byteLength).toBeLessThan(40_000);
  });

  it('draws and advances every glyph as the original does, .notdef too', () => {
    for (const [id, gid] of subset.originalIds().entries()) {
      const drawn = opened.getGlyph(id);
      const expected = original.getGlyph(gid);
      expect(drawn.path.toSVG(), String(gid)).toBe(expected.path.toSVG());
      expect(drawn.advanceWidth, String(gid)).toBe(expected.advanceWidth);
      expect(drawn.bbox, String(gid)).toEqual(expected.bbox);
    }
  });

  it('chooses the glyphs of a text as fontkit’s layout does: ligatures, default ignorables as the space', () => {
    for (const text of [
      'fi',
      'office',
      'カ\u309a',
      'セ\u309aト\u309a',
      'か\u3099',
      'A\u200dB',
      'X\u00adY',
      '葛\u{e0100}',
    ]) {
      const fresh = openFont(fontBytes) as Font;
      expect(
        font.glyphsOf(text).map((g) => g.gid),
        JSON.stringify(text),
      ).toEqual(fresh.layout(text).glyphs.map((g) => g.id));
    }
    expect(font.glyphsOf('カ\u309aX')).toEqual([
      { gid: font.glyphsOf('カ\u309a')[0]?.gid, text: 'カ\u309a' },
      { gid: font.glyphForCodePoint(0x58), text: 'X' },
    ]);
  });

  it('keeps the font’s header, its metrics tables and its hinting programs, with sound checksums', () => {
    expect(opened.unitsPerEm).toBe(original.unitsPerEm);
    expect([opened.ascent, opened.descent]).toEqual([original.ascent, original.descent]);
    expect(opened.bbox).toEqual(original.bbox);
    const tables = tablesOf(file);
    expect([...tables.keys()]).toEqual(['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep']);
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const table = tables.get(tag);
      expect(
        Buffer.from(file.subarray(table?.offset, (table?.offset ?? 0) + (table?.length ?? 0))).equals(
          Buffer.from(font.table(tag) ?? []),
        ),
      ).toBe(true);
    }
    expectSoundChecksums(file);
  });

  it('covers exactly the code points of its character set, every code point asked', () => {
    expect(coverageDifferences(font)).toEqual([]);
    expect(font.characterSet().size).toBeGreaterThan(10_000);
  });
});

/** A simple glyph of one closed contour through `points` (on the curve), its coordinates as 16-bit deltas. */
function simpleGlyph(points: [number, number][]) {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const bytes = Buffer.alloc(10 + 2 + 2 + points.length * 5);
  let at = bytes.writeInt16BE(1, 0);
  for (const v of [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]) at = bytes.writeInt16BE(v, at);
  at = bytes.writeUInt16BE(points.length - 1, at);
  at = bytes.writeUInt16BE(0, at);
  for (const _ of points) at = bytes.writeUInt8(0x01, at);
  let last = 0;
  for (const x of xs) {
    at = bytes.writeInt16BE(x - last, at);
    last = x;
  }
  last = 0;
  for (const y of ys) {
    at = bytes.writeInt16BE(y - last, at);
    last = y;
  }
  return bytes;
}

/**
 * A composite glyph: glyph 1 (16-bit offsets), glyph 2 scaled by 1 (16-bit offsets, one scale), glyph 2 again
 * (8-bit offsets, x and y scales).
 */
function compositeGlyph() {
  const bytes = Buffer.alloc(10 + (2 + 2 + 4) + (2 + 2 + 4 + 2) + (2 + 2 + 2 + 4));
  let at = bytes.writeInt16BE(-1, 0);
  for (const v of [0, 0, 900, 900]) at = bytes.writeInt16BE(v, at);
  // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | MORE_COMPONENTS
  at = bytes.writeUInt16BE(0x0001 | 0x0002 | 0x0020, at);
  at = bytes.writeUInt16BE(1, at);
  at = bytes.writeInt16BE(0, at);
  at = bytes.writeInt16BE(0, at);
  // … | WE_HAVE_A_SCALE
  at = bytes.writeUInt16BE(0x0001 | 0x0002 | 0x0008 | 0x0020, at);
  at = bytes.writeUInt16BE(2, at);
  at = bytes.writeInt16BE(300, at);
  at = bytes.writeInt16BE(600, at);
  at = bytes.writeInt16BE(0x4000, at);
  // ARGS_ARE_XY_VALUES | WE_HAVE_AN_X_AND_Y_SCALE, the last
  at = bytes.writeUInt16BE(0x0002 | 0x0040, at);
  at = bytes.writeUInt16BE(2, at);
  at = bytes.writeInt8(100, at);
  at = bytes.writeInt8(-20, at);
  at = bytes.writeInt16BE(0x4000, at);
  bytes.writeInt16BE(0x4000, at);
  return bytes;
}

/** A font of five glyphs: .notdef, a triangle (A), a square (.), the composite (Á, of both), a bar (|). */
function smallFont() {
  const glyphs = [
    simpleGlyph([
      [0, 0],
      [500, 0],
      [500, 700],
      [0, 700],
    ]),
    simpleGlyph([
      [0, 0],
      [800, 0],
      [400, 700],
    ]),
    simpleGlyph([
      [0, 0],
      [200, 0],
      [200, 200],
      [0, 200],
    ]),
    compositeGlyph(),
    simpleGlyph([
      [300, -100],
      [400, -100],
      [400, 800],
      [300, 800],
    ]),
  ];
  const advances = [600, 820, 300, 820, 700];
  const loca = Buffer.alloc(4 * (glyphs.length + 1));
  let offset = 0;
  glyphs.forEach((glyph, i) => {
    loca.writeUInt32BE(offset, 4 * i);
    offset += glyph.byteLength;
  });
  loca.writeUInt32BE(offset, 4 * glyphs.length);
  const head = Buffer.alloc(54);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt32BE(0x5f0f3cf5, 12);
  head.writeUInt16BE(1000, 18);
  for (const [i, v] of [0, -100, 900, 900].entries()) head.writeInt16BE(v, 36 + 2 * i);
  head.writeInt16BE(1, 50);
  const hhea = Buffer.alloc(36);
  hhea.writeUInt32BE(0x00010000, 0);
  hhea.writeInt16BE(900, 4);
  hhea.writeInt16BE(-100, 6);
  hhea.writeUInt16BE(3, 34); // the last two glyphs' advances are the third's: their bearings stand alone
  const hmtx = Buffer.alloc(4 * 3 + 2 * 2);
  for (let i = 0; i < 3; i++) hmtx.writeUInt16BE(advances[i] as number, 4 * i);
  hmtx.writeInt16BE(0, 12);
  hmtx.writeInt16BE(300, 14);
  const maxp = Buffer.alloc(32);
  maxp.writeUInt32BE(0x00010000, 0);
  maxp.writeUInt16BE(glyphs.length, 4);
  const post = Buffer.alloc(32);
  post.writeUInt32BE(0x00030000, 0);
  // cmap format 4: A → 1, . → 2, Á → 3, | → 4, and the closing segment
  const segments: [number, number][] = [
    [0x2e, 2],
    [0x41, 1],
    [0x7c, 4],
    [0xc1, 3],
    [0xffff, 0],
  ];
  const subtable = Buffer.alloc(14 + 8 * segments.length + 2);
  subtable.writeUInt16BE(4, 0);
  subtable.writeUInt16BE(subtable.byteLength, 2);
  subtable.writeUInt16BE(2 * segments.length, 6);
  segments.forEach(([code, gid], i) => {
    subtable.writeUInt16BE(code, 14 + 2 * i);
    subtable.writeUInt16BE(code, 14 + 2 * segments.length + 2 + 2 * i);
    subtable.writeUInt16BE(code === 0xffff ? 1 : (gid - code + 0x10000) & 0xffff, 14 + 4 * segments.length + 2 + 2 * i);
  });
  const cmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), subtable]);
  return trueTypeFile([
    ['head', head],
    ['hhea', hhea],
    ['maxp', maxp],
    ['hmtx', hmtx],
    ['loca', loca],
    ['glyf', Buffer.concat(glyphs)],
    ['cmap', cmap],
    ['post', post],
  ]);
}

describe('a subset of a font with a composite glyph', () => {
  const bytes = smallFont();
  const font = new TrueTypeFont(bytes);
  const original = openFont(Buffer.from(bytes)) as Font;

  it('reads the font as fontkit does: its character map, metrics past numberOfHMetrics, components', () => {
    expect([...'A.Á|?'].map((c) => font.glyphForCodePoint(c.codePointAt(0) as number))).toEqual([1, 2, 3, 4, 0]);
    expect([...font.characterSet()]).toEqual(original.characterSet);
    expect(coverageDifferences(font)).toEqual([]);
    for (let gid = 0; gid < 5; gid++) {
      expect(font.metricsOf(gid).advance, String(gid)).toBe(original.getGlyph(gid).advanceWidth);
    }
    expect(font.metricsOf(4)).toEqual({ advance: 300, bearing: 300 });
    expect(componentOffsets(font.glyphData(3))).toHaveLength(3);
    expect(componentOffsets(font.glyphData(1))).toEqual([]);
    expect(original.getGlyph(3).path.commands.length).toBeGreaterThan(10);
  });

  it('keeps the components of a composite glyph after the glyphs asked for, its component ids renumbered', () => {
    const subset = new TrueTypeSubset(font);
    expect([subset.include(4), subset.include(3)]).toEqual([1, 2]);
    const file = subset.encode();
    const opened = openFont(Buffer.from(file)) as Font;
    // .notdef, |, Á, then Á's components: the triangle and the square
    expect(subset.originalIds()).toEqual([0, 4, 3, 1, 2]);
    expect(opened.numGlyphs).toBe(5);
    for (const [id, gid] of subset.originalIds().entries()) {
      expect(opened.getGlyph(id).path.toSVG(), String(gid)).toBe(original.getGlyph(gid).path.toSVG());
      expect(opened.getGlyph(id).advanceWidth, String(gid)).toBe(original.getGlyph(gid).advanceWidth);
    }
    const components = (glyph: unknown) =>
      (glyph as { _decode(): { components: { glyphID: number }[] } })._decode().components.map((c) => c.glyphID);
    expect(components(opened.getGlyph(2))).toEqual([3, 4, 4]);
    expect(components(original.getGlyph(3))).toEqual([1, 2, 2]);
    expectSoundChecksums(file);
  });
});
