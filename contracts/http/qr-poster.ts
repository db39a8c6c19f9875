/**
 * Contract of an open space's printable QR poster (api.md "Partner routes": `GET …/qr`; 004 §2-2 店舗掲示用二次元コード):
 * an A4 PDF with the QR code members scan to check in and out, the space's and its facility's names, and how to scan.
 * The answer is a file, not JSON: it has no schema to name (contracts/http/names.ts), only its media type.
 */
import * as z from '../zod';
import { id } from './common';

export const qrPosterPath = z.strictObject({ spaceId: id });

/**
 * The poster as the partner site's "ダウンロード" button saves it (004 §2-2: "PDFファイルがダウンロードされます"): an
 * attachment, as the CSV answers are; the console fetches it with its bearer token anyway, so the disposition only
 * names the file it saves.
 */
export const QR_POSTER_FILE = {
  mediaType: 'application/pdf',
  disposition: 'attachment',
  description:
    'The printable poster of the open space: one A4 page with its QR code (its qrValue), its name and its ' +
    'facility’s, and how members scan it; saved as qr-<spaceId>.pdf.',
} as const;

/** The name the poster is saved as. */
export const qrPosterFileName = (spaceId: string): string => `qr-${spaceId}.pdf`;
