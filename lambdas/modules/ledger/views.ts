/** Sales lines as the partner's operators see them (api.md `SalesLine`), without the facility's and space's names. */
import type { SalesLineResponse as ReservationSalesLine } from '../../../contracts/http/usage';
import type { SalesLine, SalesRecord } from './rules/lines';

/** One line with its record's party and event; its id is unique among the partner's: `<recordId>/<line>`. */
export function salesLineView(record: SalesRecord, line: SalesLine): ReservationSalesLine {
  return {
    lineId: `${record.recordId}/${line.lineId}`,
    companyName: record.companyName,
    memberNumber: record.memberNumber,
    facilityId: record.facilityId,
    spaceId: record.spaceId,
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
