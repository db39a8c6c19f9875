/**
 * The PDF writer's font metrics against their oracle, pdf-lib with fontkit (what drew the documents before, kept as
 * devDependencies for this): a character's width (`widthOfTextAtSize(character, 1)`), the ascent
 * (`heightAtSize(1, { descender: false })`) and the character set, equal to the last bit, for every character of the
 * poster's and the notice's texts and fixtures and a few thousand code points (ASCII, kana, JIS kanji, full-width
 * forms, characters the font lacks); and the layouts of the poster and the notice, equal whichever measures them.
 */
import { readFileSync } from 'node:fs';
import { type Font, create as openFont } from 'fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { create as encodeQr } from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { charactersOf, type FontMetrics, graphemes } from '../../../../lambdas/domain/typesetting';
import { posterLayout } from '../../../../lambdas/modules/partner/qr-poster/rules/layout';
import { noticeLayout } from '../../../../lambdas/modules/settlement/rules/notice-document';
import { metricsOf } from '../../../../lambdas/platform/pdf/document';
import { DOCUMENT_FONT } from '../../../../lambdas/platform/pdf/font';
import { TrueTypeFont } from '../../../../lambdas/platform/pdf/truetype';
import { bundledFileSource } from '../../../../lib/bundling';
import { h1tNotice } from '../../../fixtures/notice';

const fontBytes = readFileSync(bundledFileSource(DOCUMENT_FONT));
const ours = metricsOf(new TrueTypeFont(fontBytes));
let oracle: PDFFont;
let fontkitFont: Font;

/** The font as pdf-lib embedded it for a new document (a fresh fontkit font: its glyph cache empty). */
async function oracleFont(): Promise<PDFFont> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit({ create: (bytes: Uint8Array) => openFont(Buffer.from(bytes)) } as never);
  return doc.embedFont(fontBytes, { subset: true });
}

beforeAll(async () => {
  oracle = await oracleFont();
  fontkitFont = openFont(fontBytes) as Font;
});

const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** The texts the documents draw and their tests' fixtures: every grapheme of these files. */
const FIXTURE_FILES = [
  'lambdas/modules/partner/qr-poster/rules/layout.ts',
  'lambdas/modules/settlement/rules/notice-document.ts',
  'lambdas/domain/model.ts',
  'lib/local/demo-data.ts',
  'test/unit/modules/partner/qr-poster.test.ts',
  'test/unit/modules/settlement/notice-document.test.ts',
  'test/integration/partner/qr-poster.test.ts',
  'test/integration/settlement/notices.test.ts',
];

describe('the font metrics, as pdf-lib and fontkit gave them', () => {
  it('has the same ascent, to the last bit', () => {
    expect(ours.ascent).toBe(oracle.heightAtSize(1, { descender: false }));
  });

  it('has the same character set as fontkit', () => {
    const characters = fontkitFont.characterSet;
    expect(characters.length).toBeGreaterThan(10_000);
    for (const code of characters) expect(ours.has(String.fromCodePoint(code)), code.toString(16)).toBe(true);
    const sample = [...range(0, 0x3ffff, 7), 0xad, 0x200b, 0x20bb7, 0x1f600];
    const known = new Set(characters);
    for (const code of sample) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      expect(ours.has(String.fromCodePoint(code)), code.toString(16)).toBe(known.has(code));
    }
  });

  it('measures every character of the documents’ texts and fixtures as pdf-lib did', () => {
    const root = new URL('../../../../', import.meta.url);
    const characters = new Set(FIXTURE_FILES.flatMap((file) => graphemes(readFileSync(new URL(file, root), 'utf8'))));
    expect(characters.size).toBeGreaterThan(300);
    for (const character of characters) {
      expect(ours.width(character), JSON.stringify(character)).toBe(oracle.widthOfTextAtSize(character, 1));
    }
  }, 60_000);

  it('measures a few thousand code points as pdf-lib did: ASCII, kana, kanji, full-width forms, ones the font lacks', () => {
    const codes = [
      ...range(0x20, 0x7e),
      ...range(0xa0, 0xff),
      ...range(0x3000, 0x30ff),
      ...range(0x4e00, 0x9fff, 7),
      ...range(0xff01, 0xffef),
      // lacking: Hangul, Arabic, emoji, an extension B kanji (𠮷), private use; default ignorables, combining marks
      ...range(0xac00, 0xac10),
      0x627,
      0x1f600,
      0x1f468,
      0x20bb7,
      0xe000,
      0xad,
      0x301,
      0x3099,
      0x309a,
    ];
    expect(codes.length).toBeGreaterThan(3_000);
    for (const code of codes) {
      const character = String.fromCodePoint(code);
      expect(ours.width(character), code.toString(16)).toBe(oracle.widthOfTextAtSize(character, 1));
    }
  }, 60_000);

  it('measures a letter or a kana with each combining mark the font has as pdf-lib did (カ゚: one glyph, a ligature)', () => {
    const marks = [...fontkitFont.characterSet].filter((code) => /\p{M}/u.test(String.fromCodePoint(code)));
    expect(marks.length).toBeGreaterThan(30);
    const bases = [...'AaEeNnOoUuZz', ...range(0x3041, 0x30fe).map((code) => String.fromCodePoint(code))];
    for (const base of bases) {
      for (const mark of marks) {
        const character = base + String.fromCodePoint(mark);
        expect(ours.width(character), JSON.stringify(character)).toBe(oracle.widthOfTextAtSize(character, 1));
      }
    }
    expect(ours.width('カ\u309a')).not.toBe(ours.width('カ') + ours.width('\u309a'));
  }, 60_000);

  it('measures a default ignorable the font lacks as the space, as a document’s fresh fontkit font did', async () => {
    // fontkit hides a default ignorable (draws the space) by the code point its glyph was first made for, and caches
    // glyphs by id: once .notdef is made for another character, a lacking ignorable is measured as .notdef. A document
    // measures no character the font lacks (the typesetting draws 〓 for it), so a fresh font is the oracle here.
    for (const code of [0x200b, 0x200d, 0xfeff, 0x2060]) {
      const character = String.fromCodePoint(code);
      expect(ours.has(character)).toBe(false);
      expect(ours.width(character), code.toString(16)).toBe((await oracleFont()).widthOfTextAtSize(character, 1));
    }
    expect(ours.width('A\u200dB')).toBe((await oracleFont()).widthOfTextAtSize('A\u200dB', 1));
  }, 60_000);

  it('lays out the poster and the notice exactly as the oracle’s metrics do', () => {
    const theirs: FontMetrics = {
      width: (c) => oracle.widthOfTextAtSize(c, 1),
      ascent: oracle.heightAtSize(1, { descender: false }),
      has: (c) => [...c].every((x) => fontkitFont.hasGlyphForCodePoint(x.codePointAt(0) as number)),
    };
    for (const [facilityName, spaceName] of [
      ['リージャス丸の内', 'ラウンジ'],
      ['快活CLUB神田', 'ブース席'],
      ['株式会社ロングネーム・コワーキング・スペース運営'.repeat(4), '𠮷野家側ラウンジ（WiFi・電源あり）'],
    ] as const) {
      const content = { facilityName, spaceName, qrValue: 'QR-REGUS-MARUNOUCHI' };
      const matrix = encodeQr(content.qrValue, { errorCorrectionLevel: 'Q' }).modules;
      expect(posterLayout(content, matrix, ours)).toEqual(posterLayout(content, matrix, theirs));
    }
    const notice = h1tNotice;
    for (const partnerName of [notice.partnerName, '株式会社ロングネーム・コワーキング・スペース運営'.repeat(4)]) {
      const content = { ...notice, partnerName };
      expect(noticeLayout(content, ours)).toEqual(noticeLayout(content, theirs));
      expect(charactersOf(partnerName, ours)).toEqual(charactersOf(partnerName, theirs));
    }
  }, 60_000);
});
