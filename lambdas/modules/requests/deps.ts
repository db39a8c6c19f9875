import { timerStarter } from '../../platform/deps';
import { reservationRepository } from '../booking';
import type { RequestPorts } from './service';

let cached: RequestPorts | undefined;

/** What the request flows need, made once over the process-wide table and Step Functions. */
export function requestDeps(): RequestPorts {
  cached ??= { reservations: reservationRepository(), timers: timerStarter() };
  return cached;
}
