import { catalogDeps } from '../../catalog';
import { salesLedger } from '../../ledger';
import type { SalesPorts } from './service';

/** The sales screens: the catalog (tenancy, names) and the sales ledger. */
export const salesDeps = (): SalesPorts => {
  const { facilities, spaces } = catalogDeps();
  return { facilities, spaces, ledger: salesLedger() };
};
