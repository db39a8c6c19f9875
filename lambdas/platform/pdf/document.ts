/**
 * One-page PDF documents in Japanese (the QR poster, the payment notice), written by our own small writer: a document
 * with the document font ({@link DOCUMENT_FONT}) embedded as a subset (the glyphs drawn only: a PDF of kilobytes, not
 * the font's megabytes), its metrics for the pure layouts (`lambdas/domain/typesetting.ts`), placed lines and filled
 * rectangles drawn, and the document's information set. Only the functions that print import this.
 *
 * The metrics are those pdf-lib gave with fontkit (test/unit/platform/pdf/metrics.test.ts holds them to it): a
 * character's width is its glyphs' advances scaled to 1000 units and back (`widthOfTextAtSize(character, 1)`), the
 * ascent pdf-lib's `heightAtSize(1, { descender: false })`, quirk included (the descent is taken off unscaled).
 *
 * The metrics it gives and the lines it draws are the typesetting's `FontMetrics` and `PlacedLine`, which platform does
 * not import (it imports no domain file): they meet by their shape.
 */
import { createHash } from 'node:crypto';
import { readBundledFile } from '../bundled-files';
import { DOCUMENT_FONT } from './font';
import { TrueTypeFont, TrueTypeSubset } from './truetype';
import { flateStream, hex4, PdfFile, pdfDate, pdfLiteral, pdfNumber, pdfText, utf16Hex } from './writer';

/** A page's size in points (A4 portrait: 595.28 × 841.89). */
export interface PageSize {
  width: number;
  height: number;
}

let documentFont: Promise<{ font: TrueTypeFont; metrics: PdfFontMetrics }> | undefined;

/**
 * The document font and its metrics, made once per container (read again after a failure): a warm container measures
 * each character once, not once a document.
 */
function theDocumentFont(): Promise<{ font: TrueTypeFont; metrics: PdfFontMetrics }> {
  documentFont ??= readBundledFile(DOCUMENT_FONT).then(
    (bytes) => {
      const font = new TrueTypeFont(bytes);
      return { font, metrics: metricsOf(font) };
    },
    (error: unknown) => {
      documentFont = undefined;
      throw error;
    },
  );
  return documentFont;
}

/**
 * How many characters' widths a font's metrics keep: more than the document font has (11,741), so that a container
 * keeps every character it draws, yet a bound on what it holds (a grapheme may combine marks without end).
 */
const WIDTHS_KEPT = 16_384;

/** A font's metrics, the typesetting's `FontMetrics` by their shape: advance widths in em, the ascent, the coverage. */
export type PdfFontMetrics = ReturnType<typeof metricsOf>;

/** The metrics the layout needs of a font, as pdf-lib computed them with fontkit (widths kept once measured). */
export function metricsOf(font: TrueTypeFont) {
  const widths = new Map<string, number>();
  const { unitsPerEm, ascent, descent, bbox } = font.header;
  const scale = 1000 / unitsPerEm;
  // pdf-lib's heightOfFontAtSize(1, { descender: false }), to the last bit
  let height = (ascent || bbox.maxY) * scale - (descent || bbox.minY) * scale;
  height -= Math.abs(descent) || 0;
  return {
    /** The advance width of one character (a grapheme) at size 1. */
    width: (character: string) => {
      let width = widths.get(character);
      if (width === undefined) {
        let total = 0;
        for (const { gid } of font.glyphsOf(character)) total += font.metricsOf(gid).advance * scale;
        width = total * (1 / 1000);
        if (widths.size < WIDTHS_KEPT) widths.set(character, width);
      }
      return width;
    },
    /** The ascent above the baseline at size 1. */
    ascent: (height / 1000) * 1,
    /** Whether the font can draw `character`. */
    has: (character: string) => [...character].every((c) => font.covers(c.codePointAt(0) as number)),
  };
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** The document being drawn: its page's size and content, the font subset and the text each glyph stands for. */
export class PdfDocument {
  /** The page's content stream, an operator a line. */
  readonly content: string[] = [];
  readonly subset: TrueTypeSubset;
  /** New glyph id → the text it draws (the ToUnicode map). */
  readonly texts = new Map<number, string>();

  constructor(
    readonly size: PageSize,
    readonly font: TrueTypeFont,
  ) {
    this.subset = new TrueTypeSubset(font);
  }

  /**
   * The hex string of the new glyph ids drawing `text` (the glyphs kept in the subset), each grapheme shaped apart as
   * the layout measured it (a ligature within a grapheme, none across two).
   */
  encode(text: string): string {
    let hex = '';
    for (const { segment } of graphemes.segment(text)) {
      for (const glyph of this.font.glyphsOf(segment)) {
        const id = this.subset.include(glyph.gid);
        if (id !== 0 && !this.texts.has(id)) this.texts.set(id, glyph.text);
        hex += hex4(id);
      }
    }
    return hex;
  }
}

/** A one-page document being drawn: the document and the font's metrics. */
export interface PdfPage {
  doc: PdfDocument;
  /** The document font's metrics, shared by the documents of a container. */
  metrics: PdfFontMetrics;
}

/** A new document of one page of `size`, with the document font embedded as a subset. */
export async function onePageDocument(size: PageSize): Promise<PdfPage> {
  const { font, metrics } = await theDocumentFont();
  return { doc: new PdfDocument(size, font), metrics };
}

/** The font resource's name in the page's resources. */
const FONT_RESOURCE = '/F1';

/** Draws placed lines in the document font, each in its shade of gray. */
export function drawLines(
  { doc }: Pick<PdfPage, 'doc'>,
  lines: Iterable<{ text: string; x: number; y: number; size: number; gray: number }>,
): void {
  for (const line of lines) {
    doc.content.push(
      'q',
      'BT',
      `${pdfNumber(line.gray)} g`,
      `${FONT_RESOURCE} ${pdfNumber(line.size)} Tf`,
      `1 0 0 1 ${pdfNumber(line.x)} ${pdfNumber(line.y)} Tm`,
      `<${doc.encode(line.text)}> Tj`,
      'ET',
      'Q',
    );
  }
}

/** A rectangle in points from the page's bottom left corner. */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Fills rectangles as one path in a shade of gray (0 black, 1 white), in a marked-content sequence tagged `tag` when
 * one is given (`/tag BMC … EMC`, so that a reader of the page finds what they draw).
 */
export function fillRectangles(
  { doc }: Pick<PdfPage, 'doc'>,
  rectangles: Iterable<Rectangle>,
  options: { gray: number; tag?: string },
): void {
  if (options.tag !== undefined && !/^[A-Za-z0-9]+$/.test(options.tag)) throw new Error(`bad tag: ${options.tag}`);
  if (options.tag !== undefined) doc.content.push(`/${options.tag} BMC`);
  doc.content.push('q', `${pdfNumber(options.gray)} g`);
  for (const r of rectangles) {
    doc.content.push(`${pdfNumber(r.x)} ${pdfNumber(r.y)} ${pdfNumber(r.width)} ${pdfNumber(r.height)} re`);
  }
  doc.content.push('f', 'Q');
  if (options.tag !== undefined) doc.content.push('EMC');
}

/** What a document says of itself (its information dictionary), in Japanese. */
export interface DocumentInfo {
  title: string;
  subject: string;
  /** Who made it (the service). */
  creator: string;
  /** When it was made: its creation and modification dates. */
  date: Date;
}

/** The 6 capital letters that tag a subset's font name (`ABCDEF+Name`), from the glyphs it keeps. */
function subsetTag(gids: readonly number[]): string {
  const digest = createHash('sha256').update(Uint32Array.from(gids)).digest();
  return [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** The W array of the glyphs drawn (new ids 1…): runs of consecutive ids with their widths in 1000ths of an em. */
function widthsArray(doc: PdfDocument, scale: number): string {
  const original = doc.subset.originalIds();
  const ids = [...doc.texts.keys()].sort((a, b) => a - b);
  const runs: string[] = [];
  let run: number[] = [];
  ids.forEach((id, i) => {
    if (i > 0 && id !== (ids[i - 1] as number) + 1) {
      runs.push(`${ids[i - run.length]} [${run.map(pdfNumber).join(' ')}]`);
      run = [];
    }
    run.push(doc.font.metricsOf(original[id] as number).advance * scale);
  });
  if (run.length > 0) runs.push(`${ids[ids.length - run.length]} [${run.map(pdfNumber).join(' ')}]`);
  return `[${runs.join(' ')}]`;
}

/** The ToUnicode CMap: each glyph drawn → the text it stands for (UTF-16BE). */
function toUnicode(doc: PdfDocument): string {
  const entries = [...doc.texts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, text]) => `<${hex4(id)}> <${utf16Hex(text)}>`);
  const blocks: string[] = [];
  // at most 100 entries a block (PDF 32000-1 9.10.3)
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar`, ...block, 'endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** The flags of the font descriptor (PDF 32000-1 9.8.2), as pdf-lib derives them (after pdfkit). */
function fontFlags(font: TrueTypeFont): number {
  const { isFixedPitch, familyClass, italic } = font.header;
  let flags = 1 << 2; // symbolic: the glyphs are outside the standard Latin set
  if (isFixedPitch) flags |= 1 << 0;
  if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (italic) flags |= 1 << 6;
  return flags;
}

/** Sets the document's information (shown in a viewer's title bar, in Japanese) and saves it. */
export function savedDocument(doc: PdfDocument, info: DocumentInfo): Promise<Uint8Array> {
  const file = new PdfFile();
  const catalog = file.reserve();
  const pages = file.reserve();
  const page = file.reserve();
  const content = file.add(flateStream(doc.content.join('\n')));

  const { font } = doc;
  const { header } = font;
  const scale = 1000 / header.unitsPerEm;
  const program = doc.subset.encode();
  const name = `/${subsetTag(doc.subset.originalIds())}+${header.postscriptName ?? 'Font'}`;
  const fontFile = file.add(flateStream(program, `/Length1 ${program.byteLength}`));
  const { minX, minY, maxX, maxY } = header.bbox;
  const descriptor = file.add(
    [
      '<< /Type /FontDescriptor',
      `/FontName ${name}`,
      `/Flags ${fontFlags(font)}`,
      `/FontBBox [${[minX, minY, maxX, maxY].map((v) => pdfNumber(v * scale)).join(' ')}]`,
      `/ItalicAngle ${pdfNumber(header.italicAngle)}`,
      `/Ascent ${pdfNumber(header.ascent * scale)}`,
      `/Descent ${pdfNumber(header.descent * scale)}`,
      `/CapHeight ${pdfNumber((header.capHeight || header.ascent) * scale)}`,
      `/XHeight ${pdfNumber(header.xHeight * scale)}`,
      // the thickness of vertical stems, estimated from the weight class as common practice does (none is stored)
      `/StemV ${Math.round(50 + (header.weightClass / 65) ** 2)}`,
      `/FontFile2 ${fontFile} 0 R >>`,
    ].join('\n'),
  );
  const cidFont = file.add(
    [
      '<< /Type /Font /Subtype /CIDFontType2',
      `/BaseFont ${name}`,
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>',
      `/FontDescriptor ${descriptor} 0 R`,
      `/W ${widthsArray(doc, scale)}`,
      '/CIDToGIDMap /Identity >>',
    ].join('\n'),
  );
  const unicode = file.add(flateStream(toUnicode(doc)));
  const type0 = file.add(
    `<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H ` +
      `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${unicode} 0 R >>`,
  );

  file.set(
    catalog,
    `<< /Type /Catalog /Pages ${pages} 0 R /Lang ${pdfLiteral('ja-JP')} /ViewerPreferences << /DisplayDocTitle true >> >>`,
  );
  file.set(pages, `<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  file.set(
    page,
    [
      `<< /Type /Page /Parent ${pages} 0 R`,
      `/MediaBox [0 0 ${pdfNumber(doc.size.width)} ${pdfNumber(doc.size.height)}]`,
      `/Resources << /Font << ${FONT_RESOURCE} ${type0} 0 R >> >>`,
      `/Contents ${content} 0 R >>`,
    ].join('\n'),
  );
  const information = file.add(
    [
      `<< /Title ${pdfText(info.title)}`,
      `/Subject ${pdfText(info.subject)}`,
      `/Creator ${pdfText(info.creator)}`,
      `/Producer ${pdfText(info.creator)}`,
      `/CreationDate ${pdfDate(info.date)}`,
      `/ModDate ${pdfDate(info.date)} >>`,
    ].join('\n'),
  );
  return Promise.resolve(file.bytes(catalog, information));
}
