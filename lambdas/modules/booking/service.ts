/**
 * Booking, cancelling and extending: load the state the rules need, let the rules decide, write one
 * transaction. A write that finds the state moved (another booking of the same member, a concurrent
 * change of the reservation) is decided again on fresh state.
 */
import { calendarOf, closingTimeAfter, localDateOf } from '../../domain/calendar';
import { companyMonth } from '../../domain/contract';
import { extendedKeypadCode, keypadCodeMessage } from '../../domain/keypad';
import {
  type Facility,
  type Instant,
  type KeypadCode,
  type Member,
  type OptionChoice,
  type Plan,
  type Reservation,
  SERVICE_TIME_ZONE,
  type Space,
  type UsesLedger,
} from '../../domain/model';
import { checkPlanInForce, effectivePlan } from '../../domain/plans';
import { bookingMade, reservationExtended } from '../../domain/reservation-messages';
import { reservationNumber } from '../../domain/reservation-number';
import { timersFor } from '../../domain/timers';
import { balancesOf } from '../../domain/uses';
import type { TransactOutcome } from '../../platform/dynamo/transactions';
import { logger } from '../../platform/instrument';
import type { OutboxStore } from '../../platform/outbox';
import type { DoorPublisher, Ids, TimerStarter } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { retryOnStale, STALE, type Stale } from '../../platform/retry';
import { type CatalogReads, spaceWithFacility } from '../catalog';
import type { SalesLedger } from '../ledger';
import type { CounterLimits, MemberRepository, UseCounterRepository } from '../membership';
import type { ReservationRepository } from './data/reservation';
import type { SlotCounterRepository } from './data/slot-counter';
import {
  decideAgreedExtension,
  decideBooking,
  decideCancellation,
  decideExtension,
  type ExtensionDecision,
  type ExtensionState,
  ledgerFor,
  type MemberSituation,
  newReservation,
  type OwnHold,
  type Refusal,
} from './rules/reservation';
import { cancellationFeeItems } from './settlement';

/** What the booking flows read and write, and the ports they use. */
export interface BookingPorts extends CatalogReads {
  reservations: Pick<
    ReservationRepository,
    'get' | 'holdsOf' | 'create' | 'extend' | 'release' | 'change' | 'whileInStatus'
  >;
  slots: Pick<SlotCounterRepository, 'heldBetween'>;
  members: Pick<MemberRepository, 'getMember'>;
  counters: Pick<UseCounterRepository, 'countersOf'>;
  timers: TimerStarter;
  /** Where a cancellation's fee writes its sales line (in its own transaction). */
  ledger: Pick<SalesLedger, 'recordItems'>;
  ids: Ids;
  /** Twelve random digits a try (CSPRNG): the reservation number's. */
  reservationNumbers: Ids;
  /** The mails of a booking made and of an extension, written in their transactions. */
  outbox: Pick<OutboxStore, 'written'>;
}

/** A member with the plan in force at `now`, or 403 `PLAN_REQUIRED` (no plan yet, or it lapsed). */
export function withPlanInForce(member: Member, now: Instant): Member & { plan: Plan } {
  const today = localDateOf(now, SERVICE_TIME_ZONE);
  const verdict = checkPlanInForce(member, today);
  if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
  return { ...member, plan: effectivePlan(member, today) as Plan };
}

/** The member's situation for a ledger, and the limits the write transaction must keep. */
async function situationFor(
  deps: Pick<BookingPorts, 'counters'>,
  member: Member & { plan: Plan },
  facility: Facility,
  ledger: UsesLedger,
  holds: readonly OwnHold[],
): Promise<{ situation: MemberSituation; limits: CounterLimits }> {
  const counters = await deps.counters.countersOf(member, {
    memberPeriod: ledger.memberPeriod,
    companyMonth: ledger.companyMonth ?? companyMonth(ledger.memberPeriod),
    ...(ledger.dailyDate ? { daily: { facilityId: facility.facilityId, date: ledger.dailyDate } } : {}),
  });
  const { member: memberBalance, company: companyBalance } = balancesOf(member.plan, counters);
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

/** The outcome of a write: written, stale (decide again), or a refusal its condition names. */
export function settle(outcome: TransactOutcome): true | Stale {
  if (outcome.ok) return true;
  if (outcome.failed === 'stale') return STALE;
  throw new ApiError(outcome.failed.code, outcome.failed.detail);
}

/** The refusal when a reservation kept changing under a flow. */
export const busy = () => new ApiError('INVALID_STATE', 'The reservation changed while we worked on it; try again');

async function loadSpace(deps: CatalogReads, spaceId: string): Promise<{ space: Space; facility: Facility }> {
  const found = await spaceWithFacility(deps, spaceId);
  if (found?.space.status !== 'active') throw notFound('Space');
  return found;
}

/** A reservation of the member, or 404 (someone else's is not revealed). */
export async function ownReservation(
  deps: { reservations: Pick<BookingPorts['reservations'], 'get'> },
  memberId: string,
  id: string,
) {
  const reservation = await deps.reservations.get(id);
  if (!reservation || reservation.memberId !== memberId) throw notFound('Reservation');
  return reservation;
}

/**
 * Starts the timers a reservation needs in the status it took at `now` (`timersFor`), each on its own and at once (the
 * answer waits for one round trip, not one per timer). A failure is logged, not raised: the booking stands, and the
 * sweeper closes stays whose forced checkout never ran (a reminder that could not be started is not sent).
 */
export async function startTimersOf(timers: TimerStarter, reservation: Reservation, now: Instant): Promise<void> {
  await Promise.all(
    timersFor(reservation, now).map(async (timer) => {
      try {
        await timers.start(timer.workflow, timer.name, timer.input);
      } catch (error) {
        logger.error('Timer start failed', {
          reservationId: reservation.reservationId,
          workflow: timer.workflow,
          error: error as Error,
        });
      }
    }),
  );
}

/**
 * Publishes a keypad code's `add` or `remove`. A failed publish is logged, not thrown: the change it belongs to is
 * written, and a code the door never removes still ends at its `validUntil` (the forced-checkout instant).
 */
export async function sendKeypadCode(
  doors: Pick<DoorPublisher, 'publishCode'>,
  action: 'add' | 'remove',
  reservation: Pick<Reservation, 'reservationId' | 'timeZone'>,
  keypad: KeypadCode,
): Promise<void> {
  try {
    await doors.publishCode(keypad.doorId, keypadCodeMessage(action, reservation, keypad));
  } catch (error) {
    logger.error('Keypad code publish failed', {
      reservationId: reservation.reservationId,
      doorId: keypad.doorId,
      action,
      error: error as Error,
    });
  }
}

/**
 * Books `[start, end)` of a space for a member: instant spaces are confirmed, request spaces requested. Each
 * try draws a new reservation number: one another reservation has makes the write stale, and the next try
 * draws again.
 */
export function createReservation(
  deps: BookingPorts,
  memberId: string,
  input: { spaceId: string; start: Instant; end: Instant; options: readonly OptionChoice[] },
  now: Instant,
): Promise<Reservation> {
  return retryOnStale(async () => {
    const [found, record, holds] = await Promise.all([
      loadSpace(deps, input.spaceId),
      deps.members.getMember(memberId),
      deps.reservations.holdsOf(memberId, input.start),
    ]);
    if (!record) throw notFound('Member');
    const { space, facility } = found;
    const member = withPlanInForce(record.member, now);
    const ledger = ledgerFor(member, facility, input.start);
    const { situation, limits } = await situationFor(deps, member, facility, ledger, holds);
    const decision = decideBooking({ now, ...input, facility, space, situation });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const reservation = newReservation({
      reservationId: deps.ids.next(),
      number: reservationNumber(deps.reservationNumbers.next()),
      member,
      facility,
      space,
      start: input.start,
      end: input.end,
      options: input.options,
      decision,
      now,
    });
    // the member's and the facility's mails, written with the booking
    const mail = deps.outbox.written(bookingMade(reservation, { facility, space }), now);
    const outcome = await deps.reservations.create(reservation, decision.slots, space, record.holdsVersion, limits, [
      mail,
    ]);
    if (settle(outcome) === STALE) return STALE;
    await startTimersOf(deps.timers, reservation, now);
    return reservation;
  }, busy);
}

/** Cancels a member's requested or confirmed reservation before its start (2-hour rule, fee rules). */
export function cancelReservation(
  deps: Pick<BookingPorts, 'reservations' | 'spaces' | 'ledger'>,
  memberId: string,
  id: string,
  now: Instant,
): Promise<Reservation> {
  return retryOnStale(async () => {
    const reservation = await ownReservation(deps, memberId, id);
    const decision = decideCancellation({ now, reservation, timeZone: reservation.timeZone });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    // a fee is a sales line, on the reservation's date, written with the cancellation
    const space = decision.fee ? await deps.spaces.getSpace(reservation.spaceId) : undefined;
    const outcome = await deps.reservations.release(reservation, {
      set: { status: 'cancelled', cancellationFee: decision.fee },
      releaseFrom: reservation.start,
      consumeUses: decision.usesCounted,
      extra: cancellationFeeItems(deps, reservation, space ?? { name: reservation.spaceId }, decision.fee, now),
    });
    if (settle(outcome) === STALE) return STALE;
    return {
      ...reservation,
      status: 'cancelled',
      cancellationFee: decision.fee,
      version: reservation.version + 1,
    } satisfies Reservation;
  }, busy);
}

type ExtensionDeps = Omit<BookingPorts, 'timers' | 'ids' | 'reservationNumbers' | 'ledger'> & {
  doors: Pick<DoorPublisher, 'publishCode'>;
};

/**
 * Extends a reservation as `decide` says, on fresh state each try: the slots after the end taken within capacity,
 * the uses counted, the price re-estimated, and a keypad door's live code valid to the new forced-checkout instant
 * (written with the extension, then sent to the door again).
 */
function extendAsDecided(
  deps: ExtensionDeps,
  load: () => Promise<Reservation>,
  decide: (state: ExtensionState) => ExtensionDecision | Refusal,
  now: Instant,
): Promise<Reservation> {
  return retryOnStale(async () => {
    const reservation = await load();
    const [{ space, facility }, record, holds] = await Promise.all([
      loadSpace(deps, reservation.spaceId),
      deps.members.getMember(reservation.memberId),
      deps.reservations.holdsOf(reservation.memberId, reservation.end),
    ]);
    if (!record) throw notFound('Member');
    const closing = closingTimeAfter(calendarOf(facility, space), reservation.end - 1) ?? reservation.end;
    const held =
      closing > reservation.end ? await deps.slots.heldBetween(space.spaceId, reservation.end, closing) : new Map();
    const full = [...held.entries()].filter(([, n]) => n >= space.capacity).map(([slot]) => slot);
    const freeUntil = full.length > 0 ? Math.min(...full) : null;
    const member = withPlanInForce(record.member, now);
    const { situation, limits } = await situationFor(deps, member, facility, reservation.ledger, holds);
    const decision = decide({ reservation, space, facility, freeUntil, situation });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const keypad = extendedKeypadCode(reservation, decision.newEnd);
    const extended = {
      ...reservation,
      end: decision.newEnd,
      uses: reservation.uses + decision.extraUses,
      price: decision.price,
      version: reservation.version + 1,
      ...(keypad ? { keypad } : {}),
    } satisfies Reservation;
    // the facility's mail (004 p.21), written with the extension
    const mail = deps.outbox.written(reservationExtended(reservation, extended, { facility, space }), now);
    const outcome = await deps.reservations.extend(
      reservation,
      { ...decision, keypad },
      space,
      record.holdsVersion,
      limits,
      [mail],
    );
    if (settle(outcome) === STALE) return STALE;
    if (keypad) await sendKeypadCode(deps.doors, 'add', extended, keypad);
    return extended;
  }, busy);
}

/** Extends a member's stay by `minutes` (instant spaces that allow it; the space's in-app extension rules). */
export function extendReservation(
  deps: ExtensionDeps,
  memberId: string,
  id: string,
  minutes: number,
  now: Instant,
): Promise<Reservation> {
  return extendAsDecided(
    deps,
    () => ownReservation(deps, memberId, id),
    (state) => decideExtension({ now, minutes, ...state }),
    now,
  );
}

/**
 * Records an extension agreed on site (004 p.22), as the service's staff enter it: to `end`, whatever the space's
 * in-app extension rules, within its hours and capacity (`decideAgreedExtension`). The forced-checkout timer
 * follows the new end by itself (it waits again when it finds the end moved).
 */
export function recordAgreedExtension(
  deps: ExtensionDeps,
  id: string,
  end: Instant,
  now: Instant,
): Promise<Reservation> {
  return extendAsDecided(
    deps,
    async () => {
      const reservation = await deps.reservations.get(id);
      if (!reservation) throw notFound('Reservation');
      return reservation;
    },
    (state) => decideAgreedExtension({ now, newEnd: end, ...state }),
    now,
  );
}
