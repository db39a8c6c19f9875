/**
 * A partner's answer to booking requests: approve (confirmed) or reject (rejected). Answers are final and
 * given before the booking starts (004 §3-3-5). An unanswered request is cancelled by its expiry timer at
 * the earlier of 01:00 on the second day and its start.
 */
import type { RequestAnswerMessage } from '../../../contracts/events';
import type { TimerAnswer } from '../../../contracts/workflows';
import type { Instant, Reservation } from '../../domain/model';
import { reservationFields } from '../../domain/reservation-messages';
import { waitUntil } from '../../domain/timers';
import type { OutboxStore } from '../../platform/outbox';
import type { TimerStarter } from '../../platform/ports';
import { ApiError } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import { ownedBy } from '../../platform/tenancy';
import { type ReservationRepository, startTimersOf } from '../booking';
import { type FacilityRepository, placeOf, type SpaceRepository } from '../catalog';
import { matchesFilter, type RequestFilter } from './rules/list';

export interface RequestPorts {
  reservations: Pick<ReservationRepository, 'get' | 'change' | 'release' | 'requestsOfPartner'>;
  timers: TimerStarter;
  /** The names the member's mail shows. */
  facilities: Pick<FacilityRepository, 'getFacility'>;
  spaces: Pick<SpaceRepository, 'getSpace'>;
  /** The member's mail of each answer, written in the answer's transaction. */
  outbox: Pick<OutboxStore, 'written'>;
}

/** What an answer needs besides the reservations: the names for the member's mail, and the outbox. */
export type AnswerPorts = Pick<RequestPorts, 'reservations' | 'facilities' | 'spaces' | 'outbox'>;

/**
 * The member's mail of an answer to their request (api.md "Notifications"): the reservation as the member sees it
 * (number, facility and space by name, start and end in the facility's zone).
 */
async function answerMessage(
  deps: Pick<RequestPorts, 'facilities' | 'spaces'>,
  reservation: Reservation,
  kind: RequestAnswerMessage['kind'],
): Promise<RequestAnswerMessage> {
  return { kind, ...reservationFields(reservation, await placeOf(deps, reservation)) };
}

const changed = () => new ApiError('INVALID_STATE', 'The request changed while we worked on it; try again');

/** A request of the partner's, or 404 (another partner's is not revealed). */
async function partnerRequest(deps: Pick<RequestPorts, 'reservations'>, partnerId: string, id: string) {
  const reservation = await deps.reservations.get(id);
  // a reservation that is not a request is not one either
  return ownedBy(partnerId, reservation?.bookingType === 'request' ? reservation : undefined, 'Booking request');
}

function assertOpen(reservation: Reservation, now: Instant): void {
  if (reservation.status !== 'requested') {
    throw new ApiError('INVALID_STATE', `The request was already answered (${reservation.status}); answers are final`);
  }
  if (now >= reservation.start) {
    throw new ApiError('INVALID_STATE', 'The booking has started: a request is answered only before its start');
  }
  if (reservation.requestExpiresAt !== null && now >= reservation.requestExpiresAt) {
    throw new ApiError('INVALID_STATE', 'The request expired and is being cancelled automatically');
  }
}

/** When an unanswered request is cancelled: its stored expiry, never after its start (requests stored before that rule). */
const expiryOf = (reservation: Reservation): Instant =>
  Math.min(reservation.requestExpiresAt ?? reservation.start, reservation.start);

/**
 * Requests waiting for the partner's answer, of one facility or all of theirs, of one space, starting on a
 * facility date in `[from, to]`. One query on the requests index: the facility in its key condition, the
 * space in its filter expression; the start dates here (the index is sorted by request time, not start).
 */
export async function listRequests(
  deps: Pick<RequestPorts, 'reservations'>,
  partnerId: string,
  filter: RequestFilter = {},
): Promise<Reservation[]> {
  const found = await deps.reservations.requestsOfPartner(partnerId, {
    ...(filter.facilityId === undefined ? {} : { facilityId: filter.facilityId }),
    ...(filter.spaceId === undefined ? {} : { spaceId: filter.spaceId }),
  });
  return found.filter((r) => matchesFilter(r, filter));
}

/**
 * Approves a request: it is confirmed, keeps its slot and uses, and gets its forced-checkout timer, and its reminder when
 * approved more than an hour before its start.
 */
export function approveRequest(deps: RequestPorts, partnerId: string, id: string, now: Instant): Promise<Reservation> {
  return retryOnStale(async () => {
    const reservation = await partnerRequest(deps, partnerId, id);
    assertOpen(reservation, now);
    const mail = await answerMessage(deps, reservation, 'requestApproved');
    const outcome = await deps.reservations.change(reservation, { status: 'confirmed' }, [
      deps.outbox.written(mail, now),
    ]);
    if (!outcome.ok) return STALE;
    const confirmed: Reservation = { ...reservation, status: 'confirmed', version: reservation.version + 1 };
    await startTimersOf(deps.timers, confirmed, now);
    return confirmed;
  }, changed);
}

/** Rejects a request: its slot and uses are released; the member's mail quotes `reason` when one is given. */
export function rejectRequest(
  deps: AnswerPorts,
  partnerId: string,
  id: string,
  now: Instant,
  reason?: string,
): Promise<Reservation> {
  return retryOnStale(async () => {
    const reservation = await partnerRequest(deps, partnerId, id);
    assertOpen(reservation, now);
    const answer = await answerMessage(deps, reservation, 'requestRejected');
    const mail = reason === undefined ? answer : { ...answer, reason };
    // the reservation, its holds, slots (at most MAX_SLOTS_PER_BOOKING) and counters, and this one: within 100 items
    const outcome = await deps.reservations.release(reservation, {
      set: { status: 'rejected' },
      releaseFrom: reservation.start,
      consumeUses: false,
      extra: [deps.outbox.written(mail, now)],
    });
    if (!outcome.ok) return STALE;
    return { ...reservation, status: 'rejected', version: reservation.version + 1 } satisfies Reservation;
  }, changed);
}

/**
 * At the earlier of 01:00 on the second day after a request and its start: an unanswered request becomes
 * `autoCancelled`, its slot and uses released.
 */
export function expireRequest(deps: AnswerPorts, reservationId: string, now: Instant): Promise<TimerAnswer> {
  return retryOnStale<TimerAnswer>(
    async () => {
      const reservation = await deps.reservations.get(reservationId);
      if (!reservation) return { action: 'done', outcome: 'missing' };
      if (reservation.status !== 'requested') return { action: 'done', outcome: 'nothing' };
      const due = expiryOf(reservation);
      if (now < due) return waitUntil(reservation, due);
      const mail = await answerMessage(deps, reservation, 'requestAutoCancelled');
      const written = await deps.reservations.release(reservation, {
        set: { status: 'autoCancelled' },
        releaseFrom: reservation.start,
        consumeUses: false,
        extra: [deps.outbox.written(mail, now)],
      });
      return written.ok ? { action: 'done', outcome: 'autoCancelled' } : STALE;
    },
    () => new Error(`Request ${reservationId} kept changing while it was being cancelled`),
  );
}
