/**
 * The file format of a PDF, as far as a one-page document needs it: numbers and strings as PDF writes them, streams
 * compressed with Flate (node:zlib), and a file of numbered objects with its cross-reference table and trailer.
 * Everything written is ASCII but the streams' bytes, so the objects are strings and the streams bytes.
 */
import { deflateSync } from 'node:zlib';

/** A number as a PDF operand: decimal, never an exponent (JavaScript's shortest round trip otherwise). */
export function pdfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a PDF number: ${value}`);
  const text = String(value);
  if (!text.includes('e')) return text;
  // from 1e21 on a double is an integer, and toFixed writes an exponent too
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  return value
    .toFixed(20)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** A 16-bit number as 4 upper-case hex digits (a glyph id, a UTF-16 code unit). */
export const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

/** A text as UTF-16BE in hex, no byte order mark: a code unit a 4 hex digits, beyond the BMP a surrogate pair. */
export function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i));
  return hex;
}

/** A text string as UTF-16BE with its byte order mark, in hex (as pdf-lib writes the information dictionary). */
export function pdfText(text: string): string {
  return `<FEFF${utf16Hex(text)}>`;
}

/** A literal string of printable ASCII, its delimiters escaped. */
export function pdfLiteral(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`not printable ASCII: ${text}`);
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A date as a PDF date in UTC (`D:YYYYMMDDHHmmSSZ`, as pdf-lib writes it). */
export function pdfDate(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return pdfLiteral(
    `D:${String(date.getUTCFullYear()).padStart(4, '0')}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}` +
      `${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`,
  );
}

/** A stream object: its dictionary's entries (without Length and Filter) and its bytes, compressed. */
export interface PdfStream {
  dictionary: string;
  data: Uint8Array;
}

/** A stream of `data` compressed with Flate, `entries` added to its dictionary (e.g. `/Length1 1234`). */
export function flateStream(data: Uint8Array | string, entries = ''): PdfStream {
  const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  const compressed = deflateSync(raw);
  return {
    dictionary: `<< /Length ${compressed.byteLength} /Filter /FlateDecode${entries ? ` ${entries}` : ''} >>`,
    data: compressed,
  };
}

/**
 * A PDF file: objects numbered from 1 in the order they are reserved, written with a classic cross-reference table
 * (one section from object 0) and a trailer naming the catalog and the information dictionary.
 */
export class PdfFile {
  private readonly objects: (string | PdfStream | undefined)[] = [];

  /** A number for an object written later (so that objects can refer to one another). */
  reserve(): number {
    this.objects.push(undefined);
    return this.objects.length;
  }

  /** Sets object `id`: a dictionary, array or other object as text, or a stream. */
  set(id: number, object: string | PdfStream): void {
    this.objects[id - 1] = object;
  }

  /** A new object. */
  add(object: string | PdfStream): number {
    const id = this.reserve();
    this.set(id, object);
    return id;
  }

  /** The file's bytes, `root` the catalog and `info` the information dictionary. */
  bytes(root: number, info: number): Uint8Array {
    const chunks: Buffer[] = [];
    let length = 0;
    const write = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.byteLength;
    };
    // the header, then a comment of bytes above 127: the file is binary (PDF 32000-1 7.5.2)
    write(Buffer.from('%PDF-1.7\n%\x81\x81\x81\x81\n', 'latin1'));
    const offsets: number[] = [];
    this.objects.forEach((object, i) => {
      if (object === undefined) throw new Error(`object ${i + 1} was reserved and never set`);
      offsets.push(length);
      if (typeof object === 'string') {
        write(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
      } else {
        write(Buffer.from(`${i + 1} 0 obj\n${object.dictionary}\nstream\n`, 'latin1'));
        write(Buffer.from(object.data.buffer, object.data.byteOffset, object.data.byteLength));
        write(Buffer.from('\nendstream\nendobj\n', 'latin1'));
      }
    });
    const xref = length;
    const size = this.objects.length + 1;
    // each entry 20 bytes, its end of line a space and a line feed
    const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    write(
      Buffer.from(
        `xref\n0 ${size}\n0000000000 65535 f \n${entries}` +
          `trailer\n<< /Size ${size} /Root ${root} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
        'latin1',
      ),
    );
    return new Uint8Array(Buffer.concat(chunks, length));
  }
}
