/**
 * A TrueType font (glyf outlines), read as far as a PDF needs it, and subset: the character map (formats 4 and 12),
 * the horizontal metrics, the header values a font descriptor states, and a subset of its glyphs written as a
 * standalone TrueType program (the tables a PDF's FontFile2 needs, as fontkit's TTFSubset writes them).
 *
 * Glyphs for a text are chosen as fontkit's layout chooses them: one glyph a code point by the Unicode character map,
 * a variation selector dropped, the ligatures of the font's GSUB (a kana with a combining semi-voiced mark, カ゚, that
 * Unicode has no precomposed character for; fi), a default ignorable code point drawn as the space glyph (fontkit's
 * `hideDefaultIgnorables`). test/unit/platform/pdf/metrics.test.ts holds the widths to fontkit's.
 */

/** A table's bytes, found in the table directory. */
type Tables = Map<string, Uint8Array>;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function tablesOf(bytes: Uint8Array): Tables {
  const data = view(bytes);
  const tables: Tables = new Map();
  const count = data.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    const offset = data.getUint32(at + 8);
    tables.set(tag, bytes.subarray(offset, offset + data.getUint32(at + 12)));
  }
  return tables;
}

/** Whether fontkit's layout hides `code` (drawn as the space glyph): Unicode's default ignorables, as HarfBuzz. */
export function isDefaultIgnorable(code: number): boolean {
  const plane = code >> 16;
  if (plane === 0) {
    switch (code >> 8) {
      case 0x00:
        return code === 0x00ad;
      case 0x03:
        return code === 0x034f;
      case 0x06:
        return code === 0x061c;
      case 0x17:
        return 0x17b4 <= code && code <= 0x17b5;
      case 0x18:
        return 0x180b <= code && code <= 0x180e;
      case 0x20:
        return (
          (0x200b <= code && code <= 0x200f) || (0x202a <= code && code <= 0x202e) || (0x2060 <= code && code <= 0x206f)
        );
      case 0xfe:
        return (0xfe00 <= code && code <= 0xfe0f) || code === 0xfeff;
      case 0xff:
        return 0xfff0 <= code && code <= 0xfff8;
      default:
        return false;
    }
  }
  if (plane === 0x01) return (0x1bca0 <= code && code <= 0x1bca3) || (0x1d173 <= code && code <= 0x1d17a);
  return plane === 0x0e && 0xe0000 <= code && code <= 0xe0fff;
}

const isVariationSelector = (code: number) =>
  (0xfe00 <= code && code <= 0xfe0f) || (0xe0100 <= code && code <= 0xe01ef);

/** A code point → glyph id map and the code points it covers. */
interface CharacterMap {
  glyphOf(code: number): number;
  /** Whether `code` is among {@link codes}, found by halves (the ranges are sorted). */
  covers(code: number): boolean;
  codes(): number[];
}

/** Format 12 (segmented coverage, 32-bit), groups searched by halves as fontkit does. */
function format12(table: DataView, at: number): CharacterMap {
  const groups = table.getUint32(at + 12);
  const group = (i: number) => at + 16 + 12 * i;
  /** The group whose range holds `code`, or -1. */
  const groupOf = (code: number) => {
    let min = 0;
    let max = groups - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const g = group(mid);
      if (code < table.getUint32(g)) max = mid - 1;
      else if (code > table.getUint32(g + 4)) min = mid + 1;
      else return mid;
    }
    return -1;
  };
  return {
    glyphOf(code) {
      const i = groupOf(code);
      if (i < 0) return 0;
      const g = group(i);
      return table.getUint32(g + 8) + (code - table.getUint32(g));
    },
    covers: (code) => groupOf(code) >= 0,
    codes() {
      const codes: number[] = [];
      for (let i = 0; i < groups; i++) {
        for (let c = table.getUint32(group(i)); c <= table.getUint32(group(i) + 4); c++) codes.push(c);
      }
      return codes;
    },
  };
}

/** Format 4 (segment mapping to delta values, 16-bit), as fontkit reads it (every segment's codes are covered). */
function format4(table: DataView, at: number): CharacterMap {
  const segments = table.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  /** The segment whose range holds `code`, or -1. */
  const segmentOf = (code: number) => {
    let min = 0;
    let max = segments - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (code < table.getUint16(starts + 2 * mid)) max = mid - 1;
      else if (code > table.getUint16(ends + 2 * mid)) min = mid + 1;
      else return mid;
    }
    return -1;
  };
  return {
    glyphOf(code) {
      const i = segmentOf(code);
      if (i < 0) return 0;
      const rangeOffset = table.getUint16(rangeOffsets + 2 * i);
      const delta = table.getInt16(deltas + 2 * i);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const index = rangeOffset / 2 + (code - table.getUint16(starts + 2 * i)) - (segments - i);
      const where = rangeOffsets + 2 * segments + 2 * index;
      const gid = where + 2 <= table.byteLength ? table.getUint16(where) : 0;
      return gid === 0 ? 0 : (gid + delta) & 0xffff;
    },
    covers: (code) => segmentOf(code) >= 0,
    codes() {
      const codes: number[] = [];
      for (let i = 0; i < segments; i++) {
        for (let c = table.getUint16(starts + 2 * i); c <= table.getUint16(ends + 2 * i); c++) codes.push(c);
      }
      return codes;
    },
  };
}

/** The Unicode subtable fontkit picks (the first of its preferred platform/encoding pairs the font has). */
function characterMapOf(cmap: Uint8Array): CharacterMap {
  const data = view(cmap);
  const subtables = new Map<string, number>();
  for (let i = 0; i < data.getUint16(2); i++) {
    const key = `${data.getUint16(4 + 8 * i)},${data.getUint16(6 + 8 * i)}`;
    if (!subtables.has(key)) subtables.set(key, data.getUint32(8 + 8 * i));
  }
  for (const pair of ['3,10', '0,6', '0,4', '3,1', '0,3', '0,2', '0,1', '0,0']) {
    const at = subtables.get(pair);
    if (at === undefined) continue;
    const format = data.getUint16(at);
    if (format === 12) return format12(data, at);
    if (format === 4) return format4(data, at);
    throw new Error(`cmap format ${format} is not supported`);
  }
  throw new Error('the font has no Unicode cmap');
}

/** The PostScript name (name id 6), from the Windows (UTF-16BE) or Macintosh (Roman) record. */
function postscriptNameOf(name: Uint8Array | undefined): string | undefined {
  if (!name) return undefined;
  const data = view(name);
  const strings = data.getUint16(4);
  for (let i = 0; i < data.getUint16(2); i++) {
    const at = 6 + 12 * i;
    if (data.getUint16(at + 6) !== 6) continue;
    const platform = data.getUint16(at);
    const bytes = name.subarray(
      strings + data.getUint16(at + 10),
      strings + data.getUint16(at + 10) + data.getUint16(at + 8),
    );
    if (platform === 3 || platform === 0) {
      let text = '';
      for (let j = 0; j + 1 < bytes.length; j += 2)
        text += String.fromCharCode((bytes[j] as number) * 256 + (bytes[j + 1] as number));
      return text;
    }
    if (platform === 1) return String.fromCharCode(...bytes);
  }
  return undefined;
}

/** What the PDF's font descriptor states (font units) and what the layout measures with. */
export interface FontHeader {
  unitsPerEm: number;
  /** hhea's ascender and descender (fontkit's `ascent`, `descent`). */
  ascent: number;
  descent: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  isFixedPitch: boolean;
  familyClass: number;
  italic: boolean;
  weightClass: number;
  postscriptName: string | undefined;
}

/** A parsed TrueType font: its header values, its glyphs by code point, their advances, subsets of it. */
export class TrueTypeFont {
  readonly header: FontHeader;
  private readonly tables: Tables;
  private readonly characterMap: CharacterMap;
  private readonly numberOfHMetrics: number;
  private readonly hmtx: DataView;
  private readonly loca: DataView;
  private readonly longLoca: boolean;
  private readonly glyf: Uint8Array;
  readonly numGlyphs: number;
  private characters: Set<number> | undefined;
  private ligatures: LigatureLookup[] | undefined;

  constructor(bytes: Uint8Array) {
    this.tables = tablesOf(bytes);
    const table = (tag: string) => {
      const found = this.tables.get(tag);
      if (!found) throw new Error(`the font has no ${tag} table`);
      return found;
    };
    const head = view(table('head'));
    const hhea = view(table('hhea'));
    const os2Bytes = this.tables.get('OS/2');
    const os2 = os2Bytes ? view(os2Bytes) : undefined;
    const post = view(table('post'));
    this.numGlyphs = view(table('maxp')).getUint16(4);
    this.numberOfHMetrics = hhea.getUint16(34);
    this.hmtx = view(table('hmtx'));
    this.loca = view(table('loca'));
    this.longLoca = head.getInt16(50) === 1;
    this.glyf = table('glyf');
    this.characterMap = characterMapOf(table('cmap'));
    const ascent = hhea.getInt16(4);
    this.header = {
      unitsPerEm: head.getUint16(18),
      ascent,
      descent: hhea.getInt16(6),
      bbox: { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) },
      capHeight: os2 && os2.byteLength >= 90 ? os2.getInt16(88) : ascent,
      xHeight: os2 && os2.byteLength >= 88 ? os2.getInt16(86) : 0,
      italicAngle: post.getInt32(4) / 65536,
      isFixedPitch: post.getUint32(12) !== 0,
      familyClass: os2 ? os2.getInt16(30) : 0,
      italic: (head.getUint16(44) & 2) !== 0,
      weightClass: os2 ? os2.getUint16(4) : 400,
      postscriptName: postscriptNameOf(this.tables.get('name')),
    };
  }

  /** The code points the font maps (fontkit's `characterSet`, as a set). */
  characterSet(): Set<number> {
    this.characters ??= new Set(this.characterMap.codes());
    return this.characters;
  }

  /** Whether the font maps `code` (a member of {@link characterSet}, found without making the set). */
  covers(code: number): boolean {
    return this.characterMap.covers(code);
  }

  /** The glyph of one code point (0, .notdef, when the font lacks it). */
  glyphForCodePoint(code: number): number {
    return this.characterMap.glyphOf(code);
  }

  /**
   * The glyphs that draw `text` (one grapheme, or a run of graphemes each shaped apart), each with the text it stands
   * for: fontkit's `glyphsForString` (a variation selector dropped, as this font maps none), its GSUB ligatures (see
   * {@link ligatureLookupsOf}), and its layout's hiding of default ignorables (drawn as the space glyph).
   */
  glyphsOf(text: string): { gid: number; text: string }[] {
    const glyphs: { gid: number; text: string }[] = [];
    for (const character of text) {
      const code = character.codePointAt(0) as number;
      if (!isVariationSelector(code)) glyphs.push({ gid: this.glyphForCodePoint(code), text: character });
    }
    this.ligatures ??= ligatureLookupsOf(this.tables.get('GSUB'));
    for (const lookup of this.ligatures) applyLigatures(lookup, glyphs);
    return glyphs.map((glyph) =>
      isDefaultIgnorable(glyph.text.codePointAt(0) as number)
        ? { gid: this.glyphForCodePoint(0x20), text: ' ' }
        : glyph,
    );
  }

  /** A glyph's advance width and left side bearing, in font units. */
  metricsOf(gid: number): { advance: number; bearing: number } {
    const last = this.numberOfHMetrics - 1;
    if (gid <= last) return { advance: this.hmtx.getUint16(4 * gid), bearing: this.hmtx.getInt16(4 * gid + 2) };
    const bearingAt = 4 * this.numberOfHMetrics + 2 * (gid - this.numberOfHMetrics);
    return {
      advance: this.hmtx.getUint16(4 * last),
      bearing: bearingAt + 2 <= this.hmtx.byteLength ? this.hmtx.getInt16(bearingAt) : 0,
    };
  }

  /** A glyph's outline, as the glyf table holds it (empty for a glyph without contours). */
  glyphData(gid: number): Uint8Array {
    const offset = (i: number) => (this.longLoca ? this.loca.getUint32(4 * i) : this.loca.getUint16(2 * i) * 2);
    return this.glyf.subarray(offset(gid), offset(gid + 1));
  }

  /** A table's bytes, when the font has it. */
  table(tag: string): Uint8Array | undefined {
    return this.tables.get(tag);
  }
}

/** A ligature substitution lookup: its subtables, each its first glyphs' ligatures (components after the first). */
type LigatureLookup = Map<number, { components: number[]; glyph: number }[]>[];

/** The features fontkit's default shaper applies to a horizontal run, in one stage (their lookups by index). */
const SHAPING_FEATURES = new Set([
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
]);

/** The glyphs a coverage table covers, by coverage index. */
function coverageOf(data: DataView, at: number): number[] {
  const glyphs: number[] = [];
  const count = data.getUint16(at + 2);
  if (data.getUint16(at) === 1) {
    for (let i = 0; i < count; i++) glyphs.push(data.getUint16(at + 4 + 2 * i));
  } else {
    for (let i = 0; i < count; i++) {
      const record = at + 4 + 6 * i;
      const start = data.getUint16(record);
      for (let g = start; g <= data.getUint16(record + 2); g++) glyphs[data.getUint16(record + 4) + g - start] = g;
    }
  }
  return glyphs;
}

/**
 * The ligature substitutions (GSUB lookup type 4, or 7 wrapping 4) of the features fontkit's layout applies by default,
 * in the order it applies them (ascending lookup index), from the default language system of the DFLT script (or the
 * first script). This font's scripts (DFLT, cyrl, grek, hani, kana, latn) share the same two lookups, ccmp's and liga's,
 * both ligatures, both without lookup flags and the font without GDEF: no glyph is skipped when matching. Lookups of
 * other types are not applied (the font has none among these features).
 */
export function ligatureLookupsOf(gsub: Uint8Array | undefined): LigatureLookup[] {
  if (!gsub) return [];
  const data = view(gsub);
  const scripts = data.getUint16(4);
  const features = data.getUint16(6);
  const lookupList = data.getUint16(8);
  let script: number | undefined;
  for (let i = 0; i < data.getUint16(scripts); i++) {
    const record = scripts + 2 + 6 * i;
    const tag = String.fromCharCode(...gsub.subarray(record, record + 4));
    if (tag === 'DFLT' || script === undefined) script = scripts + data.getUint16(record + 4);
    if (tag === 'DFLT') break;
  }
  if (script === undefined || data.getUint16(script) === 0) return [];
  const langSys = script + data.getUint16(script);
  const indices = new Set<number>();
  for (let i = 0; i < data.getUint16(langSys + 4); i++) {
    const record = features + 2 + 6 * data.getUint16(langSys + 6 + 2 * i);
    if (!SHAPING_FEATURES.has(String.fromCharCode(...gsub.subarray(record, record + 4)))) continue;
    const feature = features + data.getUint16(record + 4);
    for (let j = 0; j < data.getUint16(feature + 2); j++) indices.add(data.getUint16(feature + 4 + 2 * j));
  }
  const lookups: LigatureLookup[] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const lookup = lookupList + data.getUint16(lookupList + 2 + 2 * index);
    const subtables: LigatureLookup = [];
    for (let i = 0; i < data.getUint16(lookup + 4); i++) {
      let type = data.getUint16(lookup);
      let subtable = lookup + data.getUint16(lookup + 6 + 2 * i);
      if (type === 7) {
        type = data.getUint16(subtable + 2);
        subtable += data.getUint32(subtable + 4);
      }
      if (type !== 4) continue;
      const firsts = coverageOf(data, subtable + data.getUint16(subtable + 2));
      const ligatures = new Map<number, { components: number[]; glyph: number }[]>();
      for (let set = 0; set < data.getUint16(subtable + 4); set++) {
        const at = subtable + data.getUint16(subtable + 6 + 2 * set);
        const list: { components: number[]; glyph: number }[] = [];
        for (let l = 0; l < data.getUint16(at); l++) {
          const ligature = at + data.getUint16(at + 2 + 2 * l);
          const components = Array.from({ length: data.getUint16(ligature + 2) - 1 }, (_, c) =>
            data.getUint16(ligature + 4 + 2 * c),
          );
          list.push({ components, glyph: data.getUint16(ligature) });
        }
        ligatures.set(firsts[set] as number, list);
      }
      subtables.push(ligatures);
    }
    if (subtables.length > 0) lookups.push(subtables);
  }
  return lookups;
}

/** Applies a ligature lookup to a run of glyphs, as fontkit does: at each glyph, the first subtable that ligates it. */
function applyLigatures(lookup: LigatureLookup, glyphs: { gid: number; text: string }[]): void {
  for (let i = 0; i < glyphs.length; i++) {
    for (const subtable of lookup) {
      const ligature = subtable
        .get((glyphs[i] as { gid: number }).gid)
        ?.find(({ components }) => components.every((gid, c) => glyphs[i + 1 + c]?.gid === gid));
      if (!ligature) continue;
      const parts = glyphs.splice(i, 1 + ligature.components.length, { gid: ligature.glyph, text: '' });
      (glyphs[i] as { text: string }).text = parts.map((part) => part.text).join('');
      break;
    }
  }
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Where a composite glyph's component glyph ids stand in its data (none for a simple glyph). */
export function componentOffsets(glyph: Uint8Array): number[] {
  if (glyph.byteLength < 10 || view(glyph).getInt16(0) >= 0) return [];
  const data = view(glyph);
  const offsets: number[] = [];
  let at = 10;
  for (;;) {
    const flags = data.getUint16(at);
    offsets.push(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return offsets;
  }
}

/** The checksum of a table (its big-endian 32-bit words summed, zero-padded). */
function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.byteLength + 3) & ~3);
  padded.set(bytes);
  const data = view(padded);
  let sum = 0;
  for (let i = 0; i < padded.byteLength; i += 4) sum = (sum + data.getUint32(i)) >>> 0;
  return sum;
}

const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

/**
 * A subset of a font: the glyphs asked for get ids in the order they are asked for (0 is .notdef, always kept), the
 * components of composite glyphs are added after them when the subset is written, with the composites' component ids
 * rewritten to the new ones.
 */
export class TrueTypeSubset {
  /** New id → original id. */
  private readonly glyphs: number[] = [0];
  /** Original id → new id. */
  private readonly ids = new Map<number, number>([[0, 0]]);

  constructor(private readonly font: TrueTypeFont) {}

  /** The new id of an original glyph, kept in the subset. */
  include(gid: number): number {
    let id = this.ids.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.ids.set(gid, id);
    }
    return id;
  }

  /** The original ids of the glyphs kept so far, by new id. */
  originalIds(): readonly number[] {
    return this.glyphs;
  }

  /** The subset as a TrueType program: head, hhea, maxp, hmtx, loca (long), glyf, and cvt, fpgm, prep as they are. */
  encode(): Uint8Array {
    const outlines: Uint8Array[] = [];
    for (let i = 0; i < this.glyphs.length; i++) {
      const original = this.font.glyphData(this.glyphs[i] as number);
      const offsets = componentOffsets(original);
      if (offsets.length === 0) {
        outlines.push(original);
        continue;
      }
      const glyph = copy(original);
      const data = view(glyph);
      for (const at of offsets) data.setUint16(at, this.include(data.getUint16(at)));
      outlines.push(glyph);
    }
    const count = this.glyphs.length;
    const loca = new Uint8Array(4 * (count + 1));
    const hmtx = new Uint8Array(4 * count);
    let length = 0;
    for (let i = 0; i < count; i++) {
      view(loca).setUint32(4 * i, length);
      const { advance, bearing } = this.font.metricsOf(this.glyphs[i] as number);
      view(hmtx).setUint16(4 * i, advance);
      view(hmtx).setInt16(4 * i + 2, bearing);
      length += ((outlines[i] as Uint8Array).byteLength + 3) & ~3;
    }
    view(loca).setUint32(4 * count, length);
    const glyf = new Uint8Array(length);
    let at = 0;
    for (const outline of outlines) {
      glyf.set(outline, at);
      at += (outline.byteLength + 3) & ~3;
    }
    const required = (tag: string) => copy(this.font.table(tag) as Uint8Array);
    const head = required('head');
    view(head).setInt16(50, 1);
    const hhea = required('hhea');
    view(hhea).setUint16(34, count);
    const maxp = required('maxp');
    view(maxp).setUint16(4, count);
    const tables: [string, Uint8Array][] = [
      ['head', head],
      ['hhea', hhea],
      ['maxp', maxp],
      ['hmtx', hmtx],
      ['loca', loca],
      ['glyf', glyf],
    ];
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const table = this.font.table(tag);
      if (table) tables.push([tag, table]);
    }
    return trueTypeFile(tables);
  }
}

/** A TrueType file of `tables` (written sorted by tag), head's checkSumAdjustment set (head is copied first). */
export function trueTypeFile(entries: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const tables = entries.map(([tag, bytes]): [string, Uint8Array] => [tag, tag === 'head' ? copy(bytes) : bytes]);
  const head = tables.find(([tag]) => tag === 'head')?.[1];
  if (!head) throw new Error('a TrueType file needs a head table');
  view(head).setUint32(8, 0);
  tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const count = tables.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const directory = 12 + 16 * count;
  const size = tables.reduce((sum, [, bytes]) => sum + ((bytes.byteLength + 3) & ~3), directory);
  const file = new Uint8Array(size);
  const data = view(file);
  data.setUint32(0, 0x00010000);
  data.setUint16(4, count);
  data.setUint16(6, power * 16);
  data.setUint16(8, Math.log2(power));
  data.setUint16(10, count * 16 - power * 16);
  let offset = directory;
  let headAt = 0;
  tables.forEach(([tag, bytes], i) => {
    const entry = 12 + 16 * i;
    for (let j = 0; j < 4; j++) data.setUint8(entry + j, tag.charCodeAt(j));
    data.setUint32(entry + 4, checksum(bytes));
    data.setUint32(entry + 8, offset);
    data.setUint32(entry + 12, bytes.byteLength);
    file.set(bytes, offset);
    if (bytes === head) headAt = offset;
    offset += (bytes.byteLength + 3) & ~3;
  });
  data.setUint32(headAt + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
