import { describe, expect, it } from 'vitest';
import { facilitiesCsv } from '../../../contracts/csv/facilities.v1';
import { SITE_DATE, SITE_DATE_TIME, siteDate, siteDateTime } from '../../../contracts/csv/spec';
import type { OperatorFacilityResponse } from '../../../contracts/http/partner-facilities';

describe('siteDateTime', () => {
  it.each([
    ['2026-11-24T14:00:00+09:00', '2026/11/24 14:00'],
    ['2026-01-02T03:04:59.999+09:00', '2026/01/02 03:04'],
    ['2026-11-24T05:30:00Z', '2026/11/24 05:30'],
    [null, null],
    [undefined, null],
  ])('writes %j as %j, in the zone it is given in', (zoned, written) => {
    expect(siteDateTime(zoned)).toBe(written);
  });

  it('refuses what is not an instant of an answer', () => {
    expect(() => siteDateTime('24 Nov 2026')).toThrow('Not an instant');
  });
});

describe('siteDate', () => {
  it.each([
    ['2026-11-24', '2026/11/24'],
    ['2027-01-02', '2027/01/02'],
    [null, null],
    [undefined, null],
  ])('writes %j as %j', (date, written) => {
    expect(siteDate(date)).toBe(written);
  });

  it('refuses what is not a date of an answer', () => {
    expect(() => siteDate('2026-11-24T14:00:00+09:00')).toThrow('Not a date');
    expect(() => siteDate('2026/11/24')).toThrow('Not a date');
  });

  it('writes what the column formats accept', () => {
    expect(SITE_DATE.test(siteDate('2026-11-24') ?? '')).toBe(true);
    expect(SITE_DATE_TIME.test(siteDateTime('2026-11-24T14:00:00+09:00') ?? '')).toBe(true);
  });
});

describe('facilitiesCsv (v1)', () => {
  const facility: OperatorFacilityResponse = {
    facilityId: 'tw-shibuya',
    version: 3,
    partnerId: 'partner-tw',
    name: 'TIMEWORK渋谷',
    nameKana: 'タイムワークシブヤ',
    brand: 'TIMEWORK',
    kind: 'reservation',
    postalCode: '150-0043',
    address: { prefecture: '東京都', city: '渋谷区', street: '道玄坂1-1-1' },
    location: { lat: 35.658, lng: 139.699 },
    contact: null,
    url: 'https://example.com/shibuya',
    description: null,
    amenities: [],
    stations: [],
    publishFrom: '2026-11-30T23:55:00+09:00',
    publishUntil: null,
    notificationEmails: [],
    checkInMethod: 'app',
    dailyCheckInLimit: null,
    basicPlanAllowed: true,
    spaces: [],
  };

  it('is headed as the partner site labels the facility fields (004 §2-1-1)', () => {
    expect(facilitiesCsv.fileName).toBe('facilities');
    expect(facilitiesCsv.columns.map((c) => c.header)).toEqual([
      '施設ID',
      '施設名',
      '施設名(カナ)',
      '郵便番号',
      '都道府県',
      '市区町村',
      '町名・番地・建物名',
      '連絡先',
      'URL',
      '利用開始日時',
      '利用終了日時',
    ]);
  });

  it('types the publication window as date-times and every other column as text', () => {
    expect(facilitiesCsv.columns.map((c) => c.type)).toEqual([
      ...Array.from({ length: 9 }, () => 'text'),
      'dateTime',
      'dateTime',
    ]);
  });

  it('takes each cell from the facility as the JSON list answers it', () => {
    expect(facilitiesCsv.columns.map((c) => c.cell(facility))).toEqual([
      'tw-shibuya',
      'TIMEWORK渋谷',
      'タイムワークシブヤ',
      '150-0043',
      '東京都',
      '渋谷区',
      '道玄坂1-1-1',
      null,
      'https://example.com/shibuya',
      '2026/11/30 23:55',
      null,
    ]);
  });
});
