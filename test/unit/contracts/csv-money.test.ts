/**
 * The column specs of the sales and payment-notice lists (contracts/csv/sales.v1.ts, notice-lines.v1.ts,
 * notice-offsets.v1.ts): each held to the partner site's headers (004 §3-4, §3-5), its column types, and a sample line
 * written through the platform's writer.
 */
import { describe, expect, it } from 'vitest';
import { type NoticeLineRow, noticeLinesCsv } from '../../../contracts/csv/notice-lines.v1';
import { type NoticeOffsetRow, noticeOffsetsCsv } from '../../../contracts/csv/notice-offsets.v1';
import { SALES_ITEM_LABELS, type SalesLineRow, salesCsv } from '../../../contracts/csv/sales.v1';
import type { CsvSpec } from '../../../contracts/csv/spec';
import { csvAnswer, csvHeader, csvRow, csvText } from '../../../lambdas/platform/csv';

/** The file a spec writes for items, as the route's answer would be sent (BOM, CRLF). */
function fileOf<T>(spec: CsvSpec<T>, items: readonly T[]): string {
  return csvText(csvAnswer(spec, (answer: readonly T[]) => answer).lines(items));
}

/** A spec of any rows, for reading its headers and types. */
type AnySpec = CsvSpec<never>;
const headersOf = (spec: AnySpec) => spec.columns.map((c) => c.header);
const typesOf = (spec: AnySpec) => spec.columns.map((c) => c.type);

describe('salesCsv (v1, 004 §3-4)', () => {
  const line: SalesLineRow = {
    lineId: 'l-1',
    companyName: '企業A',
    memberNumber: 'TW000123',
    facilityId: 'tw-shibuya',
    facilityName: 'TIMEWORK渋谷',
    spaceId: 'tw-shibuya-room-a',
    spaceName: '会議室A',
    item: 'meetingRoom',
    useDate: '2026-09-19',
    description: '施設予約',
    unitPrice: 11500,
    quantity: 1,
    amount: 11500,
    tax: 1150,
    total: 12650,
    reservationId: '7f0c3c2e-2d9e-4d55-9a43-000000000002',
  };

  it('is headed as the site lists sales (操作 is a button)', () => {
    expect(salesCsv.fileName).toBe('sales');
    expect(headersOf(salesCsv)).toEqual([
      '利用企業',
      'TIMEWORK会員番号',
      '施設名',
      'スペース名',
      '売上品目',
      '利用日',
      '利用内容',
      '単価',
      '数量',
      '金額(税別)',
      '消費税',
      '金額(税込)',
    ]);
    expect(typesOf(salesCsv)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'text',
      'date',
      'text',
      'number',
      'number',
      'number',
      'number',
      'number',
    ]);
  });

  it('writes the sales line of the manual (会議室利用料, ¥11,500 → 11500)', () => {
    expect(fileOf(salesCsv, [line])).toBe(
      '\uFEFF利用企業,TIMEWORK会員番号,施設名,スペース名,売上品目,利用日,利用内容,単価,数量,金額(税別),消費税,金額(税込)\r\n' +
        '企業A,TW000123,TIMEWORK渋谷,会議室A,会議室利用料,2026/09/19,施設予約,11500,1,11500,1150,12650\r\n',
    );
  });

  it('writes each item in the site words', () => {
    expect(SALES_ITEM_LABELS).toEqual({
      reservedSpace: '予約スペース利用料',
      meetingRoom: '会議室利用料',
      openSpace: 'オープンスペース利用料',
      guest: 'ゲスト利用料',
      option: 'オプション利用料',
      cancellationFee: '予約キャンセル料金',
    });
  });

  it('keeps a fractional quantity and a negative amount as numbers, and neutralizes the text around them', () => {
    const refund: SalesLineRow = {
      ...line,
      companyName: '-株式会社',
      description: '+返金',
      quantity: 0.3,
      amount: -500,
      tax: -50,
      total: -550,
    };
    expect(fileOf(salesCsv, [refund]).split('\r\n')[1]).toBe(
      "'-株式会社,TW000123,TIMEWORK渋谷,会議室A,会議室利用料,2026/09/19,'+返金,11500,0.3,-500,-50,-550",
    );
  });
});

describe('noticeLinesCsv (v1, 004 §3-5 ③ 利用明細CSV)', () => {
  const line: NoticeLineRow = {
    lineId: 'l-2',
    companyName: '企業C',
    memberNumber: 'TW000456',
    facilityId: 'tw-shibuya',
    spaceId: 'tw-shibuya-room-a',
    item: 'option',
    useDate: '2026-12-01',
    description: 'コーヒー(HC)',
    unitPrice: 300,
    quantity: 6,
    amount: 1800,
    tax: 180,
    total: 1980,
  };

  it('is headed exactly as the manual shows the file', () => {
    expect(noticeLinesCsv.fileName).toBe('payment-notice-lines');
    expect(headersOf(noticeLinesCsv)).toEqual([
      '利用者',
      '利用内容',
      '単価',
      '数量',
      '金額 (税抜)',
      '消費税額',
      '金額 (税込)',
      '備考',
    ]);
    expect(typesOf(noticeLinesCsv)).toEqual(['text', 'text', 'number', 'number', 'number', 'number', 'number', 'text']);
  });

  it('writes the user as the member number, never a name, and an empty remark', () => {
    expect(fileOf(noticeLinesCsv, [line])).toBe(
      '\uFEFF利用者,利用内容,単価,数量,金額 (税抜),消費税額,金額 (税込),備考\r\n' +
        'TW000456,コーヒー(HC),300,6,1800,180,1980,\r\n',
    );
    expect(csvRow(noticeLinesCsv, { ...line, note: '=1+2' }).at(-1)).toBe("'=1+2");
  });
});

describe('noticeOffsetsCsv (v1, 004 §3-5 ④ 相殺金CSV, derived)', () => {
  const offset: NoticeOffsetRow = { offsetId: 'o-1', month: '2026-12', amount: 5000, reason: 'ペナルティ(清掃不備)' };

  it('is headed with the month, the reason and the amount', () => {
    expect(noticeOffsetsCsv.fileName).toBe('payment-notice-offsets');
    expect(headersOf(noticeOffsetsCsv)).toEqual(['対象月', '相殺理由', '相殺金額']);
    expect(typesOf(noticeOffsetsCsv)).toEqual(['text', 'text', 'number']);
  });

  it('writes an offset with its period as the site writes months, and the amount as a number', () => {
    expect(fileOf(noticeOffsetsCsv, [offset])).toBe(
      '\uFEFF対象月,相殺理由,相殺金額\r\n2026/12,ペナルティ(清掃不備),5000\r\n',
    );
    expect(csvRow(noticeOffsetsCsv, { ...offset, amount: -500, reason: '-500円の戻し' })).toEqual([
      '2026/12',
      "'-500円の戻し",
      -500,
    ]);
  });

  it('refuses a period that is not a settlement month', () => {
    expect(() => csvRow(noticeOffsetsCsv, { ...offset, month: '2026-12-20' })).toThrow('Not a settlement month');
  });

  it('writes only the header when the notice has no offsets', () => {
    expect(csvText([csvHeader(noticeOffsetsCsv)])).toBe('\uFEFF対象月,相殺理由,相殺金額\r\n');
  });
});
