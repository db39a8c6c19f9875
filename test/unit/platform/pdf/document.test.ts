/**
 * The PDF writer (lambdas/platform/pdf/document.ts, writer.ts): a document drawn with it loads in pdf-lib and reads
 * back through test/fixtures/pdf.ts as drawn (lines, rectangles, the title and the language); its cross-reference
 * table points at every object exactly (read here by hand, not by pdf-lib, which forgives a wrong offset); the font is a
 * tagged subset with its widths, descriptor and ToUnicode map; the same drawing gives the same bytes; a container
 * parses the font and makes its metrics once, for all its documents.
 */
import { inflateSync } from 'node:zlib';
import { type Font, create as openFont } from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawLines, fillRectangles, onePageDocument, savedDocument } from '../../../../lambdas/platform/pdf/document';
import { pdfDate, pdfNumber, pdfText } from '../../../../lambdas/platform/pdf/writer';
import { type ReadPdf, readPdf } from '../../../fixtures/pdf';

const lines = [
  { text: '支払通知書', x: 56, y: 760.5, size: 22, gray: 0 },
  { text: 'Coworking ¥1,234 〓', x: 56.25, y: 700.125, size: 10.5, gray: 0.35 },
  { text: '支払', x: 1e-7, y: 12, size: 9, gray: 1 },
  // カ゚: a ligature glyph for two code points; fi: two glyphs (graphemes are shaped apart, as measured)
  { text: 'カ\u309aフィ office', x: 100, y: 100, size: 12, gray: 0 },
];
const rects = [
  { x: 56, y: 650, width: 483.28, height: 0.75 },
  { x: 10, y: 20, width: 3.5, height: 3.5 },
];
const info = {
  title: '支払通知書 2026年12月分',
  subject: 'テスト (1)',
  creator: 'NIKKEI',
  date: new Date(Date.UTC(2027, 1, 1, 3, 4, 5)),
};

async function drawn(): Promise<Uint8Array> {
  const pdf = await onePageDocument({ width: 595.28, height: 841.89 });
  drawLines(pdf, lines);
  fillRectangles(pdf, rects, { gray: 0, tag: 'QRCode' });
  fillRectangles(pdf, [rects[0] as (typeof rects)[0]], { gray: 0.55 });
  return savedDocument(pdf.doc, info);
}

describe('a document written by the PDF writer', () => {
  let bytes: Uint8Array;
  let read: ReadPdf;
  let doc: PDFDocument;
  const latin1 = () => Buffer.from(bytes).toString('latin1');

  beforeAll(async () => {
    bytes = await drawn();
    read = await readPdf(bytes);
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  });

  it('reads back through pdf-lib as drawn: the page, each line, the rectangles of the marked content, title and language', () => {
    expect([read.pages, read.width, read.height]).toEqual([1, 595.28, 841.89]);
    expect(read.lines).toEqual(lines.map(({ text, x, y, size }) => ({ text, x, y, size, font: 'BIZUDPGothic-Bold' })));
    expect(read.qrRects).toEqual(rects);
    expect([read.title, read.language]).toEqual([info.title, 'ja-JP']);
    expect(doc.getSubject()).toBe(info.subject);
    expect(doc.getCreator()).toBe(info.creator);
    expect(doc.getCreationDate()).toEqual(info.date);
    expect(doc.getModificationDate()).toEqual(info.date);
    const preferences = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
  });

  it('writes each operator on a line of its own, a number never with an exponent', () => {
    const page = doc.getPage(0);
    const content = Buffer.from(
      inflateSync((doc.context.lookup(page.node.get(PDFName.of('Contents'))) as PDFRawStream).contents),
    ).toString('latin1');
    const ops = content.split('\n');
    expect(ops.slice(0, 8)).toEqual([
      'q',
      'BT',
      '0 g',
      '/F1 22 Tf',
      '1 0 0 1 56 760.5 Tm',
      expect.stringMatching(/^<(0001)(0002)(0003)(0004)(0005)> Tj$/),
      'ET',
      'Q',
    ]);
    expect(ops).toContain('1 0 0 1 0.0000001 12 Tm');
    expect(ops.slice(-13)).toEqual([
      '/QRCode BMC',
      'q',
      '0 g',
      '56 650 483.28 0.75 re',
      '10 20 3.5 3.5 re',
      'f',
      'Q',
      'EMC',
      'q',
      '0.55 g',
      '56 650 483.28 0.75 re',
      'f',
      'Q',
    ]);
    expect([pdfNumber(1e21), pdfNumber(-2.5e-7), pdfNumber(0.1 + 0.2)]).toEqual([
      '1000000000000000000000',
      '-0.00000025',
      '0.30000000000000004',
    ]);
    expect([pdfText('A支'), pdfText('𠮷')]).toEqual(['<FEFF0041652F>', '<FEFFD842DFB7>']);
    expect(pdfDate(info.date)).toBe('(D:20270201030405Z)');
  });

  it('has a cross-reference table whose every offset is its object’s, and a trailer naming the catalog and the information', () => {
    const text = latin1();
    expect(text.startsWith('%PDF-1.7\n%')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref)) ?? [];
    expect(Number(first)).toBe(0);
    const entriesAt = startxref + `xref\n0 ${count}\n`.length;
    const entries = Array.from({ length: Number(count) }, (_, i) =>
      text.slice(entriesAt + 20 * i, entriesAt + 20 * (i + 1)),
    );
    expect(entries[0]).toBe('0000000000 65535 f \n');
    for (const [i, entry] of entries.entries()) {
      if (i === 0) continue;
      expect(entry, String(i)).toMatch(/^\d{10} 00000 n \n$/);
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i} 0 obj\n`.length), String(i)).toBe(`${i} 0 obj\n`);
    }
    const trailer = text.slice(entriesAt + 20 * Number(count));
    expect(trailer).toMatch(new RegExp(`^trailer\\n<< /Size ${count} /Root \\d+ 0 R /Info \\d+ 0 R >>\\nstartxref\\n`));
    // every object the file holds is in the table, once
    expect([...text.matchAll(/^(\d+) 0 obj$/gm)].map((m) => Number(m[1]))).toEqual(
      Array.from({ length: Number(count) - 1 }, (_, i) => i + 1),
    );
    // a stream's Length is its data's
    for (const match of text.matchAll(/<< \/Length (\d+) [^\n]*>>\nstream\n/g)) {
      const start = (match.index ?? 0) + match[0].length;
      expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe('\nendstream');
    }
  });

  it('embeds the font as a tagged subset: Type0 over CIDFontType2, Identity maps, widths and descriptor', () => {
    const page = doc.getPage(0);
    const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const type0 = doc.context.lookup(fonts?.get(PDFName.of('F1')), PDFDict);
    const name = type0.get(PDFName.of('BaseFont'))?.toString() ?? '';
    expect(name).toMatch(/^\/[A-Z]{6}\+BIZUDPGothic-Bold$/);
    expect(read.fonts[0]?.subsetTag).toBe(name.slice(1, 7));
    expect(type0.get(PDFName.of('Encoding'))?.toString()).toBe('/Identity-H');
    const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    expect(cid.get(PDFName.of('Subtype'))?.toString()).toBe('/CIDFontType2');
    expect(cid.get(PDFName.of('CIDToGIDMap'))?.toString()).toBe('/Identity');
    expect(cid.get(PDFName.of('BaseFont'))?.toString()).toBe(name);
    const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict);
    expect(descriptor.get(PDFName.of('FontName'))?.toString()).toBe(name);
    const number = (key: string) => descriptor.lookup(PDFName.of(key), PDFNumber).asNumber();
    expect([number('Flags'), number('ItalicAngle'), number('Ascent'), number('Descent')]).toEqual([
      4, 0, 879.8828125, -120.1171875,
    ]);
    expect(number('CapHeight')).toBeGreaterThan(700);
    expect(number('StemV')).toBeGreaterThan(0);
    const program = descriptor.lookup(PDFName.of('FontFile2')) as PDFRawStream;
    const decoded = inflateSync(program.contents);
    expect(program.dict.lookup(PDFName.of('Length1'), PDFNumber).asNumber()).toBe(decoded.byteLength);
    // the widths of the glyphs drawn, ids 1… in 1000ths of an em, as the subset advances them
    const subset = openFont(decoded) as Font;
    const w = cid.lookup(PDFName.of('W'), PDFArray);
    const widths = new Map<number, number>();
    for (let i = 0; i < w.size(); i += 2) {
      const start = w.lookup(i, PDFNumber).asNumber();
      for (const [j, width] of w
        .lookup(i + 1, PDFArray)
        .asArray()
        .entries()) {
        widths.set(start + j, (width as PDFNumber).asNumber());
      }
    }
    expect([...widths.keys()]).toEqual(Array.from({ length: subset.numGlyphs - 1 }, (_, i) => i + 1));
    for (const [id, width] of widths) expect(width, String(id)).toBe((subset.getGlyph(id).advanceWidth * 1000) / 2048);
    expect(read.fonts[0]?.toUnicode.size).toBe(subset.numGlyphs - 1);
    expect(type0.get(PDFName.of('ToUnicode'))).toBeInstanceOf(PDFRef);
    const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect(infoDict.get(PDFName.of('Title'))).toBeInstanceOf(PDFHexString);
  });

  it('writes the same bytes for the same drawing', async () => {
    expect(Buffer.from(await drawn()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('gives every document of a container the same font and metrics (a character measured once, not once a document)', async () => {
    const size = { width: 595.28, height: 841.89 };
    const [first, second] = [await onePageDocument(size), await onePageDocument(size)];
    expect(second.doc).not.toBe(first.doc);
    expect(second.doc.font).toBe(first.doc.font);
    expect(second.metrics).toBe(first.metrics);
  });
});
