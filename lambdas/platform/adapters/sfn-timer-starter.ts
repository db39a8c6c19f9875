import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_ARN_ENV, type WorkflowId } from '../../../contracts/workflows';
import type { Instant, Reservation } from '../../domain/model';
import { forcedCheckoutAt } from '../../domain/stay';
import { logger } from '../instrument';

let client: SFNClient | undefined;

/** The Step Functions client, made once; `SFN_ENDPOINT` points it at the local runner. */
function sfn(): SFNClient {
  client ??= new SFNClient(process.env.SFN_ENDPOINT ? { endpoint: process.env.SFN_ENDPOINT } : {});
  return client;
}

/** Input of both timers: which reservation, and when to act. */
export interface TimerInput {
  reservationId: string;
  /** ISO 8601 UTC. */
  dueAt: string;
}

const iso = (t: Instant) => new Date(t).toISOString();

/**
 * Starts a timer execution. Names are deterministic (`<kind>-<reservation id>`), so a repeated start is
 * harmless: Step Functions answers the same execution, or ExecutionAlreadyExists, which is fine too.
 */
async function start(workflow: WorkflowId, name: string, input: TimerInput): Promise<void> {
  const variable = WORKFLOW_ARN_ENV[workflow];
  const stateMachineArn = process.env[variable];
  if (!stateMachineArn) throw new Error(`${variable} is not set`);
  try {
    await sfn().send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) return;
    throw error;
  }
}

/** The forced-checkout timer of a confirmed reservation (acts at deadline + 5 minutes). */
export function startForcedCheckoutTimer(reservation: Pick<Reservation, 'reservationId' | 'end'>): Promise<void> {
  return start('forced-checkout', `checkout-${reservation.reservationId}`, {
    reservationId: reservation.reservationId,
    dueAt: iso(forcedCheckoutAt(reservation.end)),
  });
}

/** The expiry timer of a booking request (acts at 01:00 facility time, second day after). */
export function startRequestExpiryTimer(
  reservation: Pick<Reservation, 'reservationId' | 'requestExpiresAt'>,
): Promise<void> {
  if (reservation.requestExpiresAt === null) throw new Error('A request needs its expiry instant');
  return start('request-expiry', `expiry-${reservation.reservationId}`, {
    reservationId: reservation.reservationId,
    dueAt: iso(reservation.requestExpiresAt),
  });
}

/**
 * Starts the timer a reservation needs in its status. A failure is logged, not raised: the booking stands,
 * and the sweeper closes stays whose forced checkout never ran.
 */
export async function startTimerFor(reservation: Reservation): Promise<void> {
  try {
    if (reservation.status === 'requested') await startRequestExpiryTimer(reservation);
    else if (reservation.status === 'confirmed') await startForcedCheckoutTimer(reservation);
  } catch (error) {
    logger.error('Timer start failed', { reservationId: reservation.reservationId, error: error as Error });
  }
}
