/**
 * Draws the QR poster as a one-page PDF (lambdas/platform/pdf): the layout of rules/layout.ts, its text in the
 * document font embedded as a subset, and the QR code as vector rectangles filled as one path (sharp at any print size,
 * no seams between modules), in a marked-content sequence tagged `/QRCode` so that a reader of the page finds it.
 */
import { create as encodeQr } from 'qrcode/lib/core/qrcode';
import { type Instant, SERVICE_NAME } from '../../../domain/model';
import { A4 } from '../../../domain/typesetting';
import { drawLines, fillRectangles, onePageDocument, savedDocument } from '../../../platform/pdf/document';
import { type PosterContent, posterLayout, SCAN_TO_CHECK_IN } from './rules/layout';

/** The tag of the marked-content sequence that holds the QR symbol's modules. */
export const QR_CODE_TAG = 'QRCode';

/**
 * The QR code's error correction: Q restores a quarter of the symbol, for a poster on a wall that gets scuffed,
 * creased or glared on (M, a seventh, is for screens); the values are short, so the symbol stays coarse.
 */
const ERROR_CORRECTION = 'Q';

/** The poster of an open space as a PDF, dated `now`. */
export async function renderPoster(content: PosterContent, now: Instant): Promise<Uint8Array> {
  const pdf = await onePageDocument(A4);
  const qr = encodeQr(content.qrValue, { errorCorrectionLevel: ERROR_CORRECTION });
  const layout = posterLayout(content, qr.modules, pdf.metrics);

  drawLines(pdf, layout.lines);
  fillRectangles(pdf, layout.qr.modules, { gray: 0, tag: QR_CODE_TAG });

  return savedDocument(pdf.doc, {
    title: `${content.facilityName} ${content.spaceName} チェックイン用二次元コード`,
    subject: SCAN_TO_CHECK_IN,
    creator: SERVICE_NAME,
    date: new Date(now),
  });
}
