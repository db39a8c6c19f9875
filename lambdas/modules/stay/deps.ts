import { doorPublisher, keypadCodes, tableContext, uuids } from '../../platform/deps';
import { outboxStore } from '../../platform/outbox';
import { reservationRepository } from '../booking';
import { catalogDeps } from '../catalog';
import { salesLedger } from '../ledger';
import { UnlockCommandRepository } from './data/unlock-command';
import type { StayPorts } from './service';
import type { StayTimerPorts } from './timers';

export interface StayDeps extends StayPorts {
  unlockCommands: UnlockCommandRepository;
}

let commands: UnlockCommandRepository | undefined;

/** Unlock commands over the process-wide table, made once. */
export function unlockCommandRepository(): UnlockCommandRepository {
  const { doc, tableName } = tableContext();
  commands ??= new UnlockCommandRepository(doc, tableName);
  return commands;
}

let cached: StayDeps | undefined;

/** What the stay flows need, made once over the process-wide table and the door channel. */
export function stayDeps(): StayDeps {
  cached ??= {
    reservations: reservationRepository(),
    spaces: catalogDeps().spaces,
    facilities: catalogDeps().facilities,
    unlockCommands: unlockCommandRepository(),
    doors: doorPublisher(),
    ledger: salesLedger(),
    ids: uuids,
    keypadCodes,
  };
  return cached;
}

let timerDeps: StayTimerPorts | undefined;

/** What closing stays needs (the forced-checkout task and the sweeper), made once. */
export function stayTimerDeps(): StayTimerPorts {
  timerDeps ??= {
    reservations: reservationRepository(),
    doors: doorPublisher(),
    ...catalogDeps(),
    ledger: salesLedger(),
    outbox: outboxStore(),
  };
  return timerDeps;
}
