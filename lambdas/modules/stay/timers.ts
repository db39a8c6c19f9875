/**
 * What the stay's timers do when they wake: close a stay at deadline + 5 minutes, or sweep the stays a timer missed.
 * Idempotent: run twice, the state changes once (a second run finds the reservation already closed).
 */

import type { TimerAnswer } from '../../../contracts/workflows';
import { ceilToGrid } from '../../domain/calendar';
import type { Instant } from '../../domain/model';
import { forcedCheckout } from '../../domain/reservation-messages';
import { FORCED_CHECKOUT_DELAY_MS, forcedCheckoutAt } from '../../domain/stay';
import { waitUntil } from '../../domain/timers';
import type { OutboxStore } from '../../platform/outbox';
import type { DoorPublisher } from '../../platform/ports';
import { notFound } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import { type ReservationRepository, type SettlementPorts, sendKeypadCode, settlementItems } from '../booking';
import { placeOf } from '../catalog';
import { withdrawnKeypadCode } from './rules/doors';

export type StayTimerPorts = SettlementPorts & {
  reservations: Pick<ReservationRepository, 'get' | 'release' | 'checkedInBefore'>;
  /** Where a forced checkout withdraws a keypad code. */
  doors: Pick<DoorPublisher, 'publishCode'>;
  /** The member's mail of a forced checkout, written with it. */
  outbox: Pick<OutboxStore, 'written'>;
};
type Repos = StayTimerPorts;

/**
 * At deadline + 5 minutes: a stay still checked in becomes `forcedCheckout` (no door opens for it
 * afterwards, its keypad code is withdrawn in the same write and then removed from the door, and the member's mail is
 * written with it), a booking never checked in becomes `noShow`; both consume their uses. If an extension moved
 * the deadline, the answer is to wait until the new one.
 */
export function closeStay(repos: Repos, reservationId: string, now: Instant): Promise<TimerAnswer> {
  return retryOnStale<TimerAnswer>(
    async () => {
      const reservation = await repos.reservations.get(reservationId);
      if (!reservation) return { action: 'done', outcome: 'missing' };
      if (reservation.status !== 'checkedIn' && reservation.status !== 'confirmed')
        return { action: 'done', outcome: 'nothing' };
      const due = forcedCheckoutAt(reservation.end);
      if (now < due) return waitUntil(reservation, due);
      const outcome = reservation.status === 'checkedIn' ? 'forcedCheckout' : 'noShow';
      const keypad = outcome === 'forcedCheckout' ? withdrawnKeypadCode(reservation, now) : null;
      const { space, facility } = await placeOf(repos, reservation);
      if (!space || !facility) throw notFound('Space');
      const found = { space, facility };
      const written = await repos.reservations.release(reservation, {
        set:
          outcome === 'forcedCheckout'
            ? { status: outcome, checkedOutAt: now, ...(keypad ? { keypad } : {}) }
            : { status: outcome },
        releaseFrom: ceilToGrid(now, reservation.timeZone),
        consumeUses: true,
        extra: [
          // the use is settled: its sales lines (a no-show's too: reserved time is billed, §7)
          ...settlementItems(repos, reservation, now, found),
          // the member is told of a forced checkout (not of a no-show)
          ...(outcome === 'forcedCheckout' ? [repos.outbox.written(forcedCheckout(reservation, found, now), now)] : []),
        ],
      });
      if (!written.ok) return STALE;
      if (keypad) await sendKeypadCode(repos.doors, 'remove', reservation, keypad);
      return { action: 'done', outcome };
    },
    () => new Error(`Reservation ${reservationId} kept changing while its stay was being closed`),
  );
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
