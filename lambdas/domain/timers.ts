/**
 * When the system's timers fire (domain-rules §3, §5).
 */
import type { TimerAnswer, TimerTaskInput, WorkflowId } from '../../contracts/workflows';
import { addDays, atLocal, localDateOf, MINUTE_MS } from './calendar';
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

/** How long before its start the member of a confirmed booking is reminded of it (api.md "Notifications"). */
export const REMINDER_LEAD_MS = 60 * MINUTE_MS;

/** When a booking's reminder is sent: an hour before its start. */
export const reminderAt = (start: Instant): Instant => start - REMINDER_LEAD_MS;

/**
 * Whether a booking confirmed at `confirmedAt` gets a reminder: only one confirmed more than an hour before its start
 * (api.md "Reminders"); a booking made (or a request approved) within the hour is fresh in the member's mind.
 */
export const getsReminder = (start: Instant, confirmedAt: Instant): boolean => confirmedAt < reminderAt(start);

/** The reminder timer of a confirmed booking (acts an hour before its start). */
export function reminderTimer(reservation: Pick<Reservation, 'reservationId' | 'start'>): TimerStart {
  return {
    workflow: 'reminder',
    name: `reminder-${reservation.reservationId}`,
    input: { reservationId: reservation.reservationId, dueAt: new Date(reminderAt(reservation.start)).toISOString() },
  };
}

/**
 * What the reminder task does at `now`: remind a booking still `confirmed` (one checked in, cancelled or closed needs
 * none) before its start (a timer run late after the start reminds of nothing), or wait for its due time (woken early:
 * the task's clock and the Wait state's differ by a moment).
 */
export function reminderDue(
  reservation: Pick<Reservation, 'status' | 'start'>,
  now: Instant,
): { act: 'remind' } | { act: 'wait'; due: Instant } | { act: 'nothing' } {
  if (reservation.status !== 'confirmed' || now >= reservation.start) return { act: 'nothing' };
  const due = reminderAt(reservation.start);
  return now < due ? { act: 'wait', due } : { act: 'remind' };
}

/**
 * The timers a reservation needs in the status it took at `now` (a booking's creation, a request's approval): a
 * request's expiry; a confirmed booking's forced checkout, and its reminder when it was confirmed more than an hour
 * before its start; or none.
 */
export function timersFor(
  reservation: Pick<Reservation, 'reservationId' | 'status' | 'start' | 'end' | 'requestExpiresAt'>,
  now: Instant,
): TimerStart[] {
  if (reservation.status === 'confirmed') {
    return [
      forcedCheckoutTimer(reservation),
      ...(getsReminder(reservation.start, now) ? [reminderTimer(reservation)] : []),
    ];
  }
  if (reservation.status === 'requested' && reservation.requestExpiresAt !== null) {
    return [
      {
        workflow: 'request-expiry',
        name: `expiry-${reservation.reservationId}`,
        input: {
          reservationId: reservation.reservationId,
          dueAt: new Date(reservation.requestExpiresAt).toISOString(),
        },
      },
    ];
  }
  return [];
}

/** The answer that makes a timer wait until `due` and ask again (an extension moved the deadline). */
export const waitUntil = (reservation: Pick<Reservation, 'reservationId'>, due: Instant): TimerAnswer => ({
  action: 'wait',
  reservationId: reservation.reservationId,
  dueAt: new Date(due).toISOString(),
});
