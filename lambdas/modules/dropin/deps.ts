import { reservationNumberDigits, tableContext, timerStarter, uuids } from '../../platform/deps';
import { catalogDeps } from '../catalog';
import { salesLedger } from '../ledger';
import { membershipDeps } from '../membership';
import { VisitRepository } from './data/visit';
import type { DropInPorts } from './service';

export interface DropInDeps extends DropInPorts {
  visits: VisitRepository;
}

let visits: VisitRepository | undefined;

/** Visits (and what their transactions write) over the process-wide table, made once. */
export function visitRepository(): VisitRepository {
  const { doc, tableName } = tableContext();
  visits ??= new VisitRepository(doc, tableName);
  return visits;
}

let cached: DropInDeps | undefined;

/** What the visit flows need, made once over the process-wide table and ports. */
export function dropInDeps(): DropInDeps {
  if (!cached) {
    const { facilities, spaces } = catalogDeps();
    const { members, counters } = membershipDeps();
    cached = {
      visits: visitRepository(),
      facilities,
      spaces,
      members,
      counters,
      ledger: salesLedger(),
      timers: timerStarter(),
      ids: uuids,
      // twelve CSPRNG digits, as a reservation number's
      visitNumbers: reservationNumberDigits,
    };
  }
  return cached;
}
