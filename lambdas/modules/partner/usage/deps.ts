import { reservationRepository } from '../../booking';
import { catalogDeps } from '../../catalog';
import { visitRepository } from '../../dropin';
import { salesLedger } from '../../ledger';
import type { UsagePorts } from './service';

/** The usage screens: the facilities and spaces (tenancy, names), the visits, the reservations and their sales. */
export const usageDeps = (): UsagePorts => {
  const { facilities, spaces } = catalogDeps();
  return {
    facilities,
    spaces,
    visits: visitRepository(),
    reservations: reservationRepository(),
    ledger: salesLedger(),
  };
};
