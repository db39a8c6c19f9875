/** Sales lines and totals as the partner's operators see them (api.md `SalesLine`, the summary's items). */
import type { SalesLineResponse, SalesTotalResponse } from '../../../../contracts/http/sales';
import { type PeriodTotal, salesLineView } from '../../ledger';
import type { NamedLine } from './service';

/** A line with its record's party and event, and the names the partner site lists it with. */
export function salesLineViewWithNames({ record, line, facilityName, spaceName }: NamedLine): SalesLineResponse {
  // the line's view is a fresh object: the names are added to it rather than copied with it into another
  return Object.assign(salesLineView(record, line), { facilityName, spaceName });
}

/** A facility's total of one period, without the count of its lines. */
export const salesTotalView = ({ period, facilityId, amount, tax, total }: PeriodTotal): SalesTotalResponse => ({
  period,
  facilityId,
  amount,
  tax,
  total,
});
