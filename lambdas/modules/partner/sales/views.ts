/** Sales lines and totals as the partner's operators see them (api.md `SalesLine`, the summary's items). */
import type { SalesLineResponse, SalesTotalResponse } from '../../../../contracts/http/sales';
import type { PeriodTotal } from '../../ledger';
import type { NamedLine } from './service';

/** A line with its record's party and event; its id is unique among the partner's: `<recordId>/<line>`. */
export function salesLineView({ record, line, facilityName, spaceName }: NamedLine): SalesLineResponse {
  return {
    lineId: `${record.recordId}/${line.lineId}`,
    companyName: record.companyName,
    memberNumber: record.memberNumber,
    facilityId: record.facilityId,
    facilityName,
    spaceId: record.spaceId,
    spaceName,
    item: line.item,
    useDate: record.useDate,
    description: line.description,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    unit: line.unit,
    amount: line.amount,
    tax: line.tax,
    total: line.total,
    ...(record.reservationId === undefined ? {} : { reservationId: record.reservationId }),
    ...(record.visitId === undefined ? {} : { visitId: record.visitId }),
  };
}

/** A facility's total of one period, without the count of its lines. */
export const salesTotalView = ({ period, facilityId, amount, tax, total }: PeriodTotal): SalesTotalResponse => ({
  period,
  facilityId,
  amount,
  tax,
  total,
});
