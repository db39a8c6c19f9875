/**
 * A partner's answer to booking requests: approve (confirmed) or reject (rejected). Answers are final.
 */
import type { Instant, Reservation } from '../../domain/model';
import { startForcedCheckoutTimer } from '../../platform/adapters/sfn-timer-starter';
import { ApiError, notFound } from '../../platform/problems';
import type { Repositories } from '../../platform/repositories';

const STALE_RETRIES = 5;
type Repos = Pick<Repositories, 'reservations'>;

/** A request of the partner's, or 404 (another partner's is not revealed). */
async function partnerRequest(repos: Repos, partnerId: string, id: string): Promise<Reservation> {
  const reservation = await repos.reservations.get(id);
  if (!reservation || reservation.partnerId !== partnerId || reservation.bookingType !== 'request') {
    throw notFound('Booking request');
  }
  return reservation;
}

function assertOpen(reservation: Reservation, now: Instant): void {
  if (reservation.status !== 'requested') {
    throw new ApiError('INVALID_STATE', `The request was already answered (${reservation.status}); answers are final`);
  }
  if (reservation.requestExpiresAt !== null && now >= reservation.requestExpiresAt) {
    throw new ApiError('INVALID_STATE', 'The request expired and is being cancelled automatically');
  }
}

/** Requests waiting for the partner's answer, of one facility or all of theirs. */
export function listRequests(repos: Repos, partnerId: string, facilityId?: string) {
  return repos.reservations.requestsOfPartner(partnerId, facilityId);
}

/** Approves a request: it is confirmed, keeps its slot and uses, and gets its forced-checkout timer. */
export async function approveRequest(repos: Repos, partnerId: string, id: string, now: Instant): Promise<Reservation> {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await partnerRequest(repos, partnerId, id);
    assertOpen(reservation, now);
    const outcome = await repos.reservations.change(reservation, { status: 'confirmed' });
    if (outcome.ok) {
      const confirmed: Reservation = { ...reservation, status: 'confirmed', version: reservation.version + 1 };
      await startForcedCheckoutTimer(confirmed);
      return confirmed;
    }
  }
  throw new ApiError('INVALID_STATE', 'The request changed while we worked on it; try again');
}

/** Rejects a request: its slot and uses are released. */
export async function rejectRequest(repos: Repos, partnerId: string, id: string, now: Instant): Promise<Reservation> {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await partnerRequest(repos, partnerId, id);
    assertOpen(reservation, now);
    const outcome = await repos.reservations.release(reservation, {
      set: { status: 'rejected' },
      releaseFrom: reservation.start,
      consumeUses: false,
    });
    if (outcome.ok) return { ...reservation, status: 'rejected', version: reservation.version + 1 };
  }
  throw new ApiError('INVALID_STATE', 'The request changed while we worked on it; try again');
}
