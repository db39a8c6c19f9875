/**
 * The typeface of the printed documents (the QR poster, the payment notice): its file. Nothing heavier, as the route
 * rows name the file (so that CDK copies it beside those functions' bundles and no other's) and every user of the route
 * table imports the rows (document.ts reads and parses it).
 */
import type { BundledFile } from '../bundled-files';

/**
 * BIZ UDPGothic Bold (Morisawa; SIL Open Font License 1.1, which lets it be bundled and embedded), from Google Fonts
 * through the npm package @expo-google-fonts/biz-udpgothic: a universal-design Gothic made to be read at a distance,
 * with the JIS X 0213 kanji (9,575 unified ideographs), for the names partners write. A TrueType font (glyf outlines),
 * which truetype.ts subsets (glyf outlines copied as they are). One weight: the file (4.5 MB) travels beside the bundle, never inside a PDF whole.
 */
export const DOCUMENT_FONT: BundledFile = {
  source: '@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf',
  target: 'fonts/BIZUDPGothic-Bold.ttf',
};
