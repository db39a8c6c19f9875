/**
 * qrcode's encoder alone (`create`, the symbol as a matrix of modules), without the package's index and its renderers
 * (PNG through pngjs, SVG, terminal), which a poster drawn as vector rectangles does not use. The package types only
 * its index; the core module's `create` is the one the index re-exports.
 */
declare module 'qrcode/lib/core/qrcode' {
  export { create } from 'qrcode';
}
