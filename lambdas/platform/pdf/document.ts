/**
 * One-page PDF documents in Japanese with pdf-lib (the QR poster, the payment notice): a document with the document
 * font ({@link DOCUMENT_FONT}) embedded as a subset (the glyphs drawn only: a PDF of kilobytes, not the font's
 * megabytes), its metrics for the pure layouts (`lambdas/domain/typesetting.ts`), placed lines drawn, and the
 * document's information set. Only the functions that print import this (pdf-lib and fontkit are large).
 *
 * The metrics it gives and the lines it draws are the typesetting's `FontMetrics` and `PlacedLine`, which platform does
 * not import (it imports no domain file): they meet by their shape.
 */
import { Readable } from 'node:stream';
import { type Font, create as openFont } from 'fontkit';
import { grayscale, PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { documentFontBytes } from './font';

/**
 * pdf-lib subsets fonts through fontkit, here upstream fontkit 2 rather than the `@pdf-lib/fontkit` fork pdf-lib
 * suggests: the fork writes a subset's `loca` table in the short format without padding the glyphs, so most Japanese
 * glyphs come out blank (fixed upstream in fontkit 1.8, foliojs/fontkit#191; the fork predates it). The one difference
 * between the two is bridged here: fontkit 2 encodes a subset at once (`encode`), pdf-lib reads a stream
 * (`encodeStream`).
 */
const fontkit = {
  create(bytes: Uint8Array): Font {
    const font = openFont(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as Font;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
    };
    return font;
  },
} as unknown as Parameters<PDFDocument['registerFontkit']>[0];

/** A page's size in points (A4 portrait: 595.28 × 841.89). */
export interface PageSize {
  width: number;
  height: number;
}

/** What the layout needs of an embedded font: widths memoized (a character is measured once per document). */
function metricsOf(font: PDFFont) {
  const widths = new Map<string, number>();
  const characters = new Set(font.getCharacterSet());
  return {
    /** The advance width of one character (a grapheme) at size 1. */
    width: (character: string) => {
      let width = widths.get(character);
      if (width === undefined) {
        width = font.widthOfTextAtSize(character, 1);
        widths.set(character, width);
      }
      return width;
    },
    /** The ascent above the baseline at size 1. */
    ascent: font.heightAtSize(1, { descender: false }),
    /** Whether the font can draw `character`. */
    has: (character: string) => [...character].every((c) => characters.has(c.codePointAt(0) as number)),
  };
}

/** A one-page document being drawn: the document, its page, its font and the font's metrics. */
export interface PdfPage {
  doc: PDFDocument;
  page: PDFPage;
  font: PDFFont;
  /** The typesetting's `FontMetrics`: advance widths in em (a grapheme's at size 1), the ascent, the coverage. */
  metrics: ReturnType<typeof metricsOf>;
}

/** A new document of one page of `size`, with the document font embedded as a subset. */
export async function onePageDocument(size: PageSize): Promise<PdfPage> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await documentFontBytes(), { subset: true });
  const page = doc.addPage([size.width, size.height]);
  return { doc, page, font, metrics: metricsOf(font) };
}

/** Draws placed lines in the document font, each in its shade of gray. */
export function drawLines(
  { page, font }: Pick<PdfPage, 'page' | 'font'>,
  lines: Iterable<{ text: string; x: number; y: number; size: number; gray: number }>,
): void {
  for (const line of lines) {
    page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font, color: grayscale(line.gray) });
  }
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

/** Sets the document's information (shown in a viewer's title bar, in Japanese) and saves it. */
export function savedDocument(doc: PDFDocument, info: DocumentInfo): Promise<Uint8Array> {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setSubject(info.subject);
  doc.setCreator(info.creator);
  doc.setProducer('pdf-lib');
  doc.setLanguage('ja-JP');
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  return doc.save();
}
