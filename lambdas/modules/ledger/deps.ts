import { tableContext } from '../../platform/deps';
import { SalesLedger } from './data/sales';

let ledger: SalesLedger | undefined;

/** The sales ledger over the process-wide table, made once. */
export function salesLedger(): SalesLedger {
  const { doc, tableName } = tableContext();
  ledger ??= new SalesLedger(doc, tableName);
  return ledger;
}
