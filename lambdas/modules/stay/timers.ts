/**
 * What the timers do when they wake: close a stay at deadline + 5 minutes, cancel an unanswered request.
 * Idempotent: run twice, the state changes once (a second run finds the reservation already closed).
 */
import { ceilToGrid } from '../../domain/calendar';
import type { Instant, Reservation } from '../../domain/model';
import { FORCED_CHECKOUT_DELAY_MS, forcedCheckoutAt } from '../../domain/stay';
import type { Repositories } from '../../platform/repositories';

const STALE_RETRIES = 5;
type Repos = Pick<Repositories, 'reservations'>;

export type TimerAnswer =
  | { action: 'done'; outcome: 'forcedCheckout' | 'noShow' | 'autoCancelled' | 'nothing' | 'missing' }
  | { action: 'wait'; reservationId: string; dueAt: string };

const waitUntil = (reservation: Reservation, due: Instant): TimerAnswer => ({
  action: 'wait',
  reservationId: reservation.reservationId,
  dueAt: new Date(due).toISOString(),
});

/**
 * At deadline + 5 minutes: a stay still checked in becomes `forcedCheckout` (no door opens for it
 * afterwards), a booking never checked in becomes `noShow`; both consume their uses. If an extension moved
 * the deadline, the answer is to wait until the new one.
 */
export async function closeStay(repos: Repos, reservationId: string, now: Instant): Promise<TimerAnswer> {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await repos.reservations.get(reservationId);
    if (!reservation) return { action: 'done', outcome: 'missing' };
    if (reservation.status !== 'checkedIn' && reservation.status !== 'confirmed')
      return { action: 'done', outcome: 'nothing' };
    const due = forcedCheckoutAt(reservation.end);
    if (now < due) return waitUntil(reservation, due);
    const outcome = reservation.status === 'checkedIn' ? 'forcedCheckout' : 'noShow';
    const written = await repos.reservations.release(reservation, {
      set: outcome === 'forcedCheckout' ? { status: outcome, checkedOutAt: now } : { status: outcome },
      releaseFrom: ceilToGrid(now, reservation.timeZone),
      consumeUses: true,
    });
    if (written.ok) return { action: 'done', outcome };
  }
  throw new Error(`Reservation ${reservationId} kept changing while its stay was being closed`);
}

/** At 01:00 on the second day after a request: an unanswered request becomes `autoCancelled`, its slot and uses released. */
export async function expireRequest(repos: Repos, reservationId: string, now: Instant): Promise<TimerAnswer> {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await repos.reservations.get(reservationId);
    if (!reservation) return { action: 'done', outcome: 'missing' };
    if (reservation.status !== 'requested' || reservation.requestExpiresAt === null)
      return { action: 'done', outcome: 'nothing' };
    if (now < reservation.requestExpiresAt) return waitUntil(reservation, reservation.requestExpiresAt);
    const written = await repos.reservations.release(reservation, {
      set: { status: 'autoCancelled' },
      releaseFrom: reservation.start,
      consumeUses: false,
    });
    if (written.ok) return { action: 'done', outcome: 'autoCancelled' };
  }
  throw new Error(`Request ${reservationId} kept changing while it was being cancelled`);
}

/** Closes every checked-in stay past deadline + 5 minutes that a failed timer missed. */
export async function sweepStays(repos: Repos, now: Instant): Promise<{ closed: number }> {
  // Deadline + 5 minutes ≤ now ⇔ deadline < now − 5 minutes + 1 ms.
  const missed = await repos.reservations.checkedInBefore(now - FORCED_CHECKOUT_DELAY_MS + 1);
  let closed = 0;
  for (const { reservationId } of missed) {
    const answer = await closeStay(repos, reservationId, now);
    if (answer.action === 'done' && answer.outcome === 'forcedCheckout') closed++;
  }
  return { closed };
}
