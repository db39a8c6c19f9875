/**
 * When the system's timers fire (domain-rules §3, §5).
 */
import type { TimerAnswer, TimerTaskInput, WorkflowId } from '../../contracts/workflows';
import { addDays, atLocal, localDateOf } from './calendar';
import type { Instant, Reservation } from './model';
import { forcedCheckoutAt } from './stay';

/** The local time at which unanswered requests are cancelled. */
export const REQUEST_EXPIRY_TIME = '01:00';

/**
 * When an unanswered booking request is cancelled automatically (004 p.20, §3-3-5): the earlier of 01:00
 * (facility time) on the second day after the local date it was made (made 2020-12-10 14:24 Tokyo →
 * 2020-12-12 01:00 Tokyo) and the booking's start (a request is answered only before it starts).
 */
export function requestExpiresAt(requestedAt: Instant, zone: string, start: Instant): Instant {
  return Math.min(atLocal(addDays(localDateOf(requestedAt, zone), 2), REQUEST_EXPIRY_TIME, zone), start);
}

/** A timer execution to start: which state machine, its deterministic name, its input. */
export interface TimerStart {
  workflow: WorkflowId;
  /** `<kind>-<reservation id>`: a repeated start of the same timer is the same execution. */
  name: string;
  input: TimerTaskInput;
}

/** The forced-checkout timer of a confirmed reservation (acts at deadline + 5 minutes). */
export function forcedCheckoutTimer(reservation: Pick<Reservation, 'reservationId' | 'end'>): TimerStart {
  return {
    workflow: 'forced-checkout',
    name: `checkout-${reservation.reservationId}`,
    input: {
      reservationId: reservation.reservationId,
      dueAt: new Date(forcedCheckoutAt(reservation.end)).toISOString(),
    },
  };
}

/** The timer a reservation needs in its status: a request's expiry, a confirmed booking's forced checkout, or none. */
export function timerFor(
  reservation: Pick<Reservation, 'reservationId' | 'status' | 'end' | 'requestExpiresAt'>,
): TimerStart | null {
  if (reservation.status === 'confirmed') return forcedCheckoutTimer(reservation);
  if (reservation.status === 'requested' && reservation.requestExpiresAt !== null) {
    return {
      workflow: 'request-expiry',
      name: `expiry-${reservation.reservationId}`,
      input: { reservationId: reservation.reservationId, dueAt: new Date(reservation.requestExpiresAt).toISOString() },
    };
  }
  return null;
}

/** The answer that makes a timer wait until `due` and ask again (an extension moved the deadline). */
export const waitUntil = (reservation: Pick<Reservation, 'reservationId'>, due: Instant): TimerAnswer => ({
  action: 'wait',
  reservationId: reservation.reservationId,
  dueAt: new Date(due).toISOString(),
});
