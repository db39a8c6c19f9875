/**
 * The member's reminder an hour before a confirmed booking's start (api.md "Notifications"; 004 §2-1 ④: the space's
 * booking-mail message is quoted in it). The reminder timer's task writes a `bookingReminder` outbox message while the
 * booking is still as it read it; the notifications consumer sends it with the space's message as it is then.
 */
import { outboxIdOf } from '../../../contracts/outbox';
import type { TimerAnswer } from '../../../contracts/workflows';
import type { Instant } from '../../domain/model';
import { bookingReminder } from '../../domain/reservation-messages';
import { reminderDue, waitUntil } from '../../domain/timers';
import type { OutboxStore } from '../../platform/outbox';
import { retryOnStale, STALE } from '../../platform/retry';
import { type CatalogReads, placeOf } from '../catalog';
import type { ReservationRepository } from './data/reservation';

/** What the reminder reads and writes. */
export interface ReminderPorts extends CatalogReads {
  reservations: Pick<ReservationRepository, 'get' | 'whileInStatus'>;
  /** The reminder's outbox item: written with the check on the booking, read when that write finds it there. */
  outbox: Pick<OutboxStore, 'written' | 'get'>;
}

/**
 * An hour before a booking's start: if it is still `confirmed` (not cancelled, not checked in already) and has not
 * started, its reminder is written, once. The outbox item is put only if absent and only while the booking is still
 * confirmed at the version read (no change of its own: its version stays, so a cancellation or an extension at the
 * same moment is not made stale by it); a retried task finds the item there
 * and writes nothing. Woken early, the answer is to wait until the due time.
 */
export function sendReminder(deps: ReminderPorts, reservationId: string, now: Instant): Promise<TimerAnswer> {
  return retryOnStale<TimerAnswer>(
    async () => {
      const reservation = await deps.reservations.get(reservationId);
      if (!reservation) return { action: 'done', outcome: 'missing' };
      const due = reminderDue(reservation, now);
      if (due.act === 'nothing') return { action: 'done', outcome: 'nothing' };
      if (due.act === 'wait') return waitUntil(reservation, due.due);
      // the names as they are now; a facility or space gone since is named by its id rather than losing the mail
      const message = bookingReminder(reservation, await placeOf(deps, reservation));
      const written = await deps.reservations.whileInStatus(
        reservation,
        'confirmed',
        [deps.outbox.written(message, now)],
        { version: reservation.version },
      );
      if (written.ok) return { action: 'done', outcome: 'reminded' };
      // the booking moved (decide again on fresh state), or an earlier try of this task wrote the reminder
      if (await deps.outbox.get(outboxIdOf(message))) return { action: 'done', outcome: 'reminded' };
      return STALE;
    },
    () => new Error(`Reservation ${reservationId} kept changing while its reminder was being written`),
  );
}
