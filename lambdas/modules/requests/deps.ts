import { timerStarter } from '../../platform/deps';
import { outboxStore } from '../../platform/outbox';
import { reservationRepository } from '../booking';
import { catalogDeps } from '../catalog';
import type { RequestPorts } from './service';

let cached: RequestPorts | undefined;

/** What the request flows need, made once over the process-wide table and Step Functions. */
export function requestDeps(): RequestPorts {
  if (!cached) {
    const { facilities, spaces } = catalogDeps();
    cached = {
      reservations: reservationRepository(),
      timers: timerStarter(),
      facilities,
      spaces,
      outbox: outboxStore(),
    };
  }
  return cached;
}

/** What answering without starting timers needs (the rejection, the expiry step): no Step Functions client. */
export function answerDeps(): Omit<RequestPorts, 'timers'> {
  const { facilities, spaces } = catalogDeps();
  return { reservations: reservationRepository(), facilities, spaces, outbox: outboxStore() };
}
