/**
 * The facility list as CSV (`GET /v1/operator/facilities` with `Accept: text/csv`; 004 §2-1-1 施設管理 「↓CSV」): one
 * line per facility of the partner, headed as the partner site labels the fields (施設情報, 利用開始/終了日時).
 */
import type { OperatorFacilityResponse } from '../http/partner-facilities';
import { type CsvSpec, siteDateTime } from './spec';

export const facilitiesCsv: CsvSpec<OperatorFacilityResponse> = {
  fileName: 'facilities',
  columns: [
    { header: '施設ID', type: 'text', cell: (f) => f.facilityId },
    { header: '施設名', type: 'text', cell: (f) => f.name },
    { header: '施設名(カナ)', type: 'text', cell: (f) => f.nameKana },
    { header: '郵便番号', type: 'text', cell: (f) => f.postalCode },
    { header: '都道府県', type: 'text', cell: (f) => f.address.prefecture },
    { header: '市区町村', type: 'text', cell: (f) => f.address.city },
    { header: '町名・番地・建物名', type: 'text', cell: (f) => f.address.street },
    { header: '連絡先', type: 'text', cell: (f) => f.contact },
    { header: 'URL', type: 'text', cell: (f) => f.url },
    { header: '利用開始日時', type: 'dateTime', cell: (f) => siteDateTime(f.publishFrom) },
    { header: '利用終了日時', type: 'dateTime', cell: (f) => siteDateTime(f.publishUntil) },
  ],
};
