/**
 * The sales ledger (domain-rules §7): the lines each chargeable event writes in its own transaction, and the totals
 * kept beside them. What other modules may use of it.
 */
export {
  type LinesBound,
  type LinesRead,
  PAST_LAST_LINE,
  type PeriodTotal,
  type RecordLine,
  SalesLedger,
  type SalesLineFilter,
  type SalesPosition,
  type SalesTotal,
  salesRecordKey,
  type TotalUnit,
} from './data/sales';
export { salesRecordsOfPartner } from './data/sales-of-partner';
export { salesLedger } from './deps';
export { decodeSalesPosition, encodeSalesPosition } from './position-cursor';
export {
  type BilledVisit,
  cancellationFeeRecord,
  feeRecordId,
  recordTotal,
  reservationRecord,
  reservationRecordId,
  SALES_ITEMS,
  type SalesItem,
  type SalesLine,
  type SalesParty,
  type SalesRecord,
  visitCorrectionRecord,
  visitCorrectionRecordId,
  visitRecord,
  visitRecordId,
} from './rules/lines';
export { salesLineView } from './views';
