/**
 * Booking, cancelling and extending: load the state the core needs, let the core decide, write one
 * transaction. A write that finds the state moved (another booking of the same member, a concurrent
 * change of the reservation) is decided again on fresh state.
 */
import { randomUUID } from 'node:crypto';
import { closingTimeAfter } from '../../domain/calendar';
import { companyMonth } from '../../domain/contract';
import type { Facility, Instant, Member, OptionChoice, Reservation, Space, UsesLedger } from '../../domain/model';
import { planLimit } from '../../domain/uses';
import { startTimerFor } from '../../platform/adapters/sfn-timer-starter';
import type { TransactOutcome } from '../../platform/dynamo/transactions';
import { ApiError, notFound } from '../../platform/problems';
import type { Repositories } from '../../platform/repositories';
import type { CounterLimits } from './data/reservation';
import {
  type Balance,
  decideBooking,
  decideCancellation,
  decideExtension,
  ledgerFor,
  type MemberSituation,
  newReservation,
  type OwnHold,
} from './rules/reservation';

/** How often a write that found the state moved is decided again. */
const STALE_RETRIES = 5;

type Repos = Pick<Repositories, 'facilities' | 'members' | 'reservations' | 'slots'>;

/** The member's situation for a ledger, and the limits the write transaction must keep. */
async function situationFor(
  repos: Repos,
  member: Member,
  facility: Facility,
  ledger: UsesLedger,
  holds: readonly OwnHold[],
): Promise<{ situation: MemberSituation; limits: CounterLimits }> {
  const counters = await repos.members.countersOf(member, {
    memberPeriod: ledger.memberPeriod,
    companyMonth: ledger.companyMonth ?? companyMonth(ledger.memberPeriod),
    ...(ledger.dailyDate ? { daily: { facilityId: facility.facilityId, date: ledger.dailyDate } } : {}),
  });
  const corporate = member.plan === 'corporate';
  const companyCap = counters.company?.monthlyCap ?? null;
  const memberBalance: Balance = { limit: corporate ? null : planLimit(member.plan, null), ...counters.uses };
  const companyBalance: Balance | null =
    corporate && companyCap !== null && counters.companyUses ? { limit: companyCap, ...counters.companyUses } : null;
  return {
    situation: {
      plan: member.plan,
      member: memberBalance,
      company: companyBalance,
      usedThatDay: counters.usedThatDay,
      holds,
    },
    limits: { member: memberBalance.limit, company: companyBalance?.limit ?? null, daily: facility.dailyCheckInLimit },
  };
}

function settle(outcome: TransactOutcome): boolean {
  if (outcome.ok) return true;
  if (outcome.failed === 'stale') return false;
  throw new ApiError(outcome.failed.code, outcome.failed.detail);
}

const busy = () => new ApiError('INVALID_STATE', 'The reservation changed while we worked on it; try again');

async function loadSpace(repos: Repos, spaceId: string): Promise<{ space: Space; facility: Facility }> {
  const found = await repos.facilities.getSpaceWithFacility(spaceId);
  if (found?.space.status !== 'active') throw notFound('Space');
  return found;
}

/** A reservation of the member, or 404 (someone else's is not revealed). */
export async function ownReservation(repos: Pick<Repos, 'reservations'>, memberId: string, id: string) {
  const reservation = await repos.reservations.get(id);
  if (!reservation || reservation.memberId !== memberId) throw notFound('Reservation');
  return reservation;
}

/** Books `[start, end)` of a space for a member: instant spaces are confirmed, request spaces requested. */
export async function createReservation(
  repos: Repos,
  memberId: string,
  input: { spaceId: string; start: Instant; end: Instant; options: readonly OptionChoice[] },
  now: Instant,
): Promise<Reservation> {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const [found, record, holds] = await Promise.all([
      loadSpace(repos, input.spaceId),
      repos.members.getMember(memberId),
      repos.reservations.holdsOf(memberId, input.start),
    ]);
    if (!record) throw notFound('Member');
    const { space, facility } = found;
    const { member } = record;
    const ledger = ledgerFor(member, facility, input.start);
    const { situation, limits } = await situationFor(repos, member, facility, ledger, holds);
    const decision = decideBooking({ now, ...input, facility, space, situation });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const reservation = newReservation({
      reservationId: randomUUID(),
      member,
      facility,
      space,
      start: input.start,
      end: input.end,
      options: input.options,
      decision,
      now,
    });
    const outcome = await repos.reservations.create(
      reservation,
      decision.slots,
      space.capacity,
      record.holdsVersion,
      limits,
    );
    if (settle(outcome)) {
      await startTimerFor(reservation);
      return reservation;
    }
  }
  throw busy();
}

/** Cancels a member's requested or confirmed reservation before its start (2-hour rule, fee rules). */
export async function cancelReservation(repos: Repos, memberId: string, id: string, now: Instant) {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await ownReservation(repos, memberId, id);
    const decision = decideCancellation({ now, reservation, timeZone: reservation.timeZone });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const cancelled: Reservation = {
      ...reservation,
      status: 'cancelled',
      cancellationFee: decision.fee,
      version: reservation.version + 1,
    };
    const outcome = await repos.reservations.release(reservation, {
      set: { status: cancelled.status, cancellationFee: decision.fee },
      releaseFrom: reservation.start,
      consumeUses: decision.usesCounted,
    });
    if (settle(outcome)) return cancelled;
  }
  throw busy();
}

/** Extends a member's stay by `minutes` (instant spaces that allow it). */
export async function extendReservation(repos: Repos, memberId: string, id: string, minutes: number, now: Instant) {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await ownReservation(repos, memberId, id);
    const [{ space, facility }, record, holds] = await Promise.all([
      loadSpace(repos, reservation.spaceId),
      repos.members.getMember(memberId),
      repos.reservations.holdsOf(memberId, reservation.end),
    ]);
    if (!record) throw notFound('Member');
    const closing = closingTimeAfter(facility.calendar, reservation.end - 1) ?? reservation.end;
    const held =
      closing > reservation.end ? await repos.slots.heldBetween(space.spaceId, reservation.end, closing) : new Map();
    const full = [...held.entries()].filter(([, n]) => n >= space.capacity).map(([slot]) => slot);
    const freeUntil = full.length > 0 ? Math.min(...full) : null;
    const { situation, limits } = await situationFor(repos, record.member, facility, reservation.ledger, holds);
    const decision = decideExtension({ now, reservation, facility, space, minutes, freeUntil, situation });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const outcome = await repos.reservations.extend(reservation, decision, space.capacity, record.holdsVersion, limits);
    if (settle(outcome)) {
      return {
        ...reservation,
        end: decision.newEnd,
        uses: reservation.uses + decision.extraUses,
        price: decision.price,
        version: reservation.version + 1,
      } satisfies Reservation;
    }
  }
  throw busy();
}
