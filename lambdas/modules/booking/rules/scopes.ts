import { HOLDING_STATUSES, type Instant, type Reservation } from '../../../domain/model';

export type ReservationScope = 'upcoming' | 'current' | 'past';

/**
 * Which list a reservation belongs in at `now`: `current` while checked in or while a holding booking's
 * time runs; `upcoming` for a holding booking not started yet; `past` for everything else (ended, or in a
 * final state such as cancelled, even if its time is still ahead).
 */
export function scopeOf(reservation: Pick<Reservation, 'status' | 'start' | 'end'>, now: Instant): ReservationScope {
  if (reservation.status === 'checkedIn') return 'current';
  if (!HOLDING_STATUSES.includes(reservation.status) || reservation.end <= now) return 'past';
  return reservation.start <= now ? 'current' : 'upcoming';
}
