/**
 * Draws the QR poster as a one-page PDF with pdf-lib: the layout of rules/layout.ts, its text in the poster font
 * embedded as a subset (the glyphs drawn only: a PDF of kilobytes, not the font's megabytes), and the QR code as vector
 * rectangles filled as one path (sharp at any print size, no seams between modules), in a marked-content sequence
 * tagged `/QRCode` so that a reader of the page finds it.
 */
import { Readable } from 'node:stream';
import { type Font, create as openFont } from 'fontkit';
import {
  beginMarkedContent,
  endMarkedContent,
  fill,
  grayscale,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
} from 'pdf-lib';
import { create as encodeQr } from 'qrcode';
import type { Instant } from '../../../domain/model';
import { posterFontBytes } from './font';
import { A4, type FontMetrics, type PosterContent, posterLayout, SCAN_TO_CHECK_IN, SERVICE_NAME } from './rules/layout';

/** The tag of the marked-content sequence that holds the QR symbol's modules. */
export const QR_CODE_TAG = 'QRCode';

/**
 * The QR code's error correction: Q restores a quarter of the symbol, for a poster on a wall that gets scuffed,
 * creased or glared on (M, a seventh, is for screens); the values are short, so the symbol stays coarse.
 */
const ERROR_CORRECTION = 'Q';

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

/** What the layout needs of an embedded font: widths memoized (a character is measured once per poster). */
function metricsOf(font: Awaited<ReturnType<PDFDocument['embedFont']>>): FontMetrics {
  const widths = new Map<string, number>();
  const characters = new Set(font.getCharacterSet());
  return {
    width: (character) => {
      let width = widths.get(character);
      if (width === undefined) {
        width = font.widthOfTextAtSize(character, 1);
        widths.set(character, width);
      }
      return width;
    },
    ascent: font.heightAtSize(1, { descender: false }),
    has: (character) => [...character].every((c) => characters.has(c.codePointAt(0) as number)),
  };
}

/** The poster of an open space as a PDF, dated `now`. */
export async function renderPoster(content: PosterContent, now: Instant): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await posterFontBytes(), { subset: true });
  const qr = encodeQr(content.qrValue, { errorCorrectionLevel: ERROR_CORRECTION });
  const layout = posterLayout(content, qr.modules, metricsOf(font));

  const page = doc.addPage([A4.width, A4.height]);
  for (const line of layout.lines) {
    page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font, color: grayscale(line.gray) });
  }
  page.pushOperators(
    beginMarkedContent(QR_CODE_TAG),
    pushGraphicsState(),
    setFillingGrayscaleColor(0),
    ...layout.qr.modules.map((m) => rectangle(m.x, m.y, m.width, m.height)),
    fill(),
    popGraphicsState(),
    endMarkedContent(),
  );

  const date = new Date(now);
  doc.setTitle(`${content.facilityName} ${content.spaceName} チェックイン用二次元コード`, {
    showInWindowTitleBar: true,
  });
  doc.setSubject(SCAN_TO_CHECK_IN);
  doc.setCreator(SERVICE_NAME);
  doc.setProducer('pdf-lib');
  doc.setLanguage('ja-JP');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save();
}
