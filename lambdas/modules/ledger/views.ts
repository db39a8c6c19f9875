/** Sales lines as the partner's operators see them (api.md `SalesLine`), without the facility's and space's names. */
import type { SalesLineResponse as ReservationSalesLine } from '../../../contracts/http/usage';
import type { SalesLine, SalesRecord } from './rules/lines';

/** One line with its record's party and event; its id is unique among the partner's: `<recordId>/<line>`. */
export function salesLineView(record: SalesRecord, line: SalesLine): ReservationSalesLine {
  const view: ReservationSalesLine = {
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
  };
  // set rather than spread in: a CSV makes a thousand of these, and each spread is an object made and copied
  if (record.reservationId !== undefined) view.reservationId = record.reservationId;
  if (record.visitId !== undefined) view.visitId = record.visitId;
  return view;
}
