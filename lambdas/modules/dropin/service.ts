/**
 * Drop-in visits: check in by the QR posted at an open space (or a ticket staff scan at reception), guests, checkout
 * by scanning again, and the end a visit reaches by itself (its per-check-in limit, or the space's closing) through
 * its timer or the sweeper. Each change is one transaction on the version it was decided on; a write that finds the
 * state moved is decided again, so a checkout racing the timer ends the visit once and charges it once.
 */

import type { VisitTimerAnswer } from '../../../contracts/workflows';
import { localDateOf } from '../../domain/calendar';
import { companyMonth } from '../../domain/contract';
import { type Facility, type Instant, SERVICE_TIME_ZONE, type Space } from '../../domain/model';
import { visitNumber } from '../../domain/reservation-number';
import { isSettlementOpen, type PeriodName, settlementPeriodOf } from '../../domain/settlement-periods';
import { usagePeriod } from '../../domain/usage-period';
import { balancesOf } from '../../domain/uses';
import { badCursor, decodeCursor, encodeCursor } from '../../platform/cursor';
import type { TaggedItem } from '../../platform/dynamo/transactions';
import { logger } from '../../platform/instrument';
import type { Ids, TimerStarter } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import { withPlanInForce } from '../booking';
import { type CatalogReads, spaceWithFacility } from '../catalog';
import { type SalesLedger, visitCorrectionRecord, visitRecord } from '../ledger';
import type { MemberRepository, UseCounterRepository } from '../membership';
import type { VisitPosition, VisitRepository } from './data/visit';
import { visitEndTimer } from './rules/timer';
import {
  addGuests,
  automaticEnd,
  checkOutGuest,
  correctVisitEnd,
  decideCheckIn,
  endVisit,
  isOpenForScans,
  type Visit,
  type VisitorSituation,
  visitDateOf,
  visitPrice15,
} from './rules/visit';

/** What the visit flows read and write, and the ports they use. */
export interface DropInPorts extends CatalogReads {
  spaces: CatalogReads['spaces'] & { spaceIdOfQr(qrValue: string): Promise<string | undefined> };
  visits: Pick<
    VisitRepository,
    'get' | 'openVisitOf' | 'checkIn' | 'end' | 'changeGuests' | 'correct' | 'pageOfMember'
  >;
  members: Pick<MemberRepository, 'getMember'>;
  counters: Pick<UseCounterRepository, 'countersOf' | 'updates' | 'checkIn'>;
  /** Where a visit's end writes its sales lines (in its own transaction). */
  ledger: Pick<SalesLedger, 'recordItems'>;
  timers: TimerStarter;
  ids: Ids;
  /** Twelve random digits a try (CSPRNG): the visit number's. */
  visitNumbers: Ids;
}

/** The refusal when a visit kept changing under a flow. */
const busy = () => new ApiError('INVALID_STATE', 'The visit changed while we worked on it; try again');

/**
 * Where a check-in points: the QR scanned at the space, or the space reception staff check the member in to (read
 * already by the reception flow, which checked it is its partner's).
 */
export type CheckInTarget = { qrValue: string } | { space: Space; facility: Facility };

/** How a check-in came: by the member's scan, or by a ticket (whose single use goes first in the transaction). */
export interface CheckInWay {
  via: Visit['via'];
  first?: readonly TaggedItem[];
}

const notRecognized = () => new ApiError('QR_NOT_RECOGNIZED', 'No open space has this QR code.');

async function openSpaceOf(
  deps: DropInPorts,
  target: CheckInTarget,
  now: Instant,
): Promise<{ space: Space; facility: Facility }> {
  if (!('qrValue' in target)) {
    if (!isOpenForScans(target.facility, target.space, now)) throw notFound('Space');
    return target;
  }
  const spaceId = await deps.spaces.spaceIdOfQr(target.qrValue);
  const found = spaceId ? await spaceWithFacility(deps, spaceId) : undefined;
  if (!found || !isOpenForScans(found.facility, found.space, now)) throw notRecognized();
  return found;
}

/** Starts the timer of a visit that ends by itself; a failure is logged (the sweeper ends the visit then). */
async function startTimerOf(timers: TimerStarter, visit: Visit): Promise<void> {
  const timer = visitEndTimer(visit);
  if (!timer) return;
  try {
    await timers.start(timer.workflow, timer.name, timer.input);
  } catch (error) {
    logger.error('Visit timer start failed', { visitId: visit.visitId, error: error as Error });
  }
}

/**
 * Checks the member in at an open space now: 1 use (none for a later visit the same day at a store without a limit),
 * the day's check-in, a place within capacity; then the timer of its limit or the space's closing. A member whose
 * last visit passed its end before its timer ran is first checked out of it, as the timer would.
 */
export function checkInVisit(
  deps: DropInPorts,
  memberId: string,
  target: CheckInTarget,
  now: Instant,
  way: CheckInWay = { via: 'qr' },
): Promise<Visit> {
  return retryOnStale(async () => {
    const [{ space, facility }, record] = await Promise.all([
      openSpaceOf(deps, target, now),
      deps.members.getMember(memberId),
    ]);
    if (!record) throw notFound('Member');
    const today = localDateOf(now, SERVICE_TIME_ZONE);
    const member = withPlanInForce(record.member, now);
    const date = visitDateOf(facility, now);
    const usesLedger = {
      memberPeriod: usagePeriod(member, today).start,
      companyId: member.companyId,
      companyMonth: member.companyId ? companyMonth(today) : null,
      dailyDate: date,
    };
    const counters = await deps.counters.countersOf(member, {
      memberPeriod: usesLedger.memberPeriod,
      companyMonth: usesLedger.companyMonth ?? companyMonth(today),
      daily: { facilityId: facility.facilityId, date },
    });
    const corporate = member.plan === 'corporate';
    const situation: VisitorSituation = {
      plan: member.plan,
      ...balancesOf(member.plan, counters),
      checkInsThatDay: counters.checkInsThatDay,
    };
    const decision = decideCheckIn({ now, facility, space, situation });
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const visit: Visit = {
      visitId: deps.ids.next(),
      number: visitNumber(deps.visitNumbers.next()),
      memberId,
      memberNumber: member.memberNumber,
      companyName: corporate ? (counters.company?.name ?? member.companyName) : null,
      partnerId: facility.partnerId,
      facilityId: facility.facilityId,
      spaceId: space.spaceId,
      timeZone: facility.timeZone,
      status: 'in',
      checkedInAt: now,
      checkedOutAt: null,
      limitEndsAt: decision.limitEndsAt,
      closesAt: decision.closesAt,
      uses: decision.uses,
      guests: [],
      charge: null,
      ledger: usesLedger,
      via: way.via,
      version: 1,
    };
    const counterItems = [
      // the day's counter is the check-in's own item below: the period's and the company's counters here
      ...deps.counters.updates(
        { memberId, facilityId: facility.facilityId, ledger: { ...usesLedger, dailyDate: null } },
        { held: 0, used: decision.uses, total: decision.uses },
        decision.uses,
        { member: situation.member.limit, company: situation.company?.limit ?? null, daily: null },
      ),
      deps.counters.checkIn(
        { memberId, facilityId: facility.facilityId, date },
        decision.uses,
        facility.dailyCheckInLimit,
      ),
    ];
    const outcome = await deps.visits.checkIn(visit, {
      capacity: space.capacity,
      counters: counterItems,
      ...(way.first ? { first: way.first } : {}),
    });
    if (!outcome.ok) {
      if (outcome.failed === 'stale') return STALE;
      if (outcome.failed.code === 'INVALID_STATE' && (await endedPastVisit(deps, memberId, now))) return STALE;
      throw new ApiError(outcome.failed.code, outcome.failed.detail);
    }
    await startTimerOf(deps.timers, visit);
    return visit;
  }, busy);
}

/** Ends the member's visit in when it passed its automatic end (its timer not run yet): whether it did. */
async function endedPastVisit(deps: DropInPorts, memberId: string, now: Instant): Promise<boolean> {
  const visitId = await deps.visits.openVisitOf(memberId);
  if (!visitId) return true; // it ended meanwhile: decide again
  const answer = await endDueVisit(deps, visitId, now);
  return answer.action === 'done' && answer.outcome !== 'nothing';
}

/** A visit of the member's, or 404 (someone else's is not revealed). */
export async function ownVisit(deps: Pick<DropInPorts, 'visits'>, memberId: string, visitId: string): Promise<Visit> {
  const visit = await deps.visits.get(visitId);
  if (!visit || visit.memberId !== memberId) throw notFound('Visit');
  return visit;
}

async function spaceOfVisit(deps: Pick<DropInPorts, 'spaces'>, visit: Visit): Promise<Space> {
  const space = await deps.spaces.getSpace(visit.spaceId);
  if (!space) throw notFound('Space');
  return space;
}

/**
 * Ends a visit (at `ending`, or at its automatic end when that came first) with its sales lines in the same
 * transaction, charged at the price of its use date: the ended visit, or `null` when it moved meanwhile (stale).
 */
async function ended(
  deps: Pick<DropInPorts, 'visits' | 'ledger'>,
  visit: Visit,
  space: Space,
  ending: Parameters<typeof endVisit>[1],
  now: Instant,
): Promise<Visit | null> {
  const price15 = visitPrice15(visit, space);
  const after = endVisit(visit, ending, price15);
  const record = visitRecord(
    {
      ...after,
      checkedOutAt: after.checkedOutAt as Instant,
      guests: after.guests.map((g) => ({ ...g, checkedOutAt: g.checkedOutAt as Instant })),
    },
    { ...after, companyId: after.ledger.companyId },
    { name: space.name, price15 },
    now,
  );
  const outcome = await deps.visits.end(visit, after, deps.ledger.recordItems(record));
  return outcome.ok ? after : null;
}

/**
 * Checkout by scanning the space's QR on the way out: the member and every guest still in leave now (or at the
 * visit's automatic end, when that passed before the scan), each charged per minute.
 */
export function checkoutVisit(
  deps: DropInPorts,
  memberId: string,
  visitId: string,
  qrValue: string,
  now: Instant,
): Promise<Visit> {
  return retryOnStale(async () => {
    const visit = await ownVisit(deps, memberId, visitId);
    const space = await spaceOfVisit(deps, visit);
    if (space.qrValue !== qrValue) {
      throw new ApiError('QR_NOT_RECOGNIZED', 'This is not the QR code of the space of this visit.');
    }
    if (visit.status !== 'in') throw new ApiError('INVALID_STATE', 'The visit is over already.');
    const after = await ended(deps, visit, space, { at: now, status: 'out' }, now);
    return after ?? STALE;
  }, busy);
}

/**
 * What a visit's timer (or the sweeper) does at its automatic end: a visit still in ends at its limit (`out`) or at
 * closing (`closedAtClosing`), guests with it. Run twice, or racing the member's checkout, the visit ends once.
 */
export function endDueVisit(
  deps: Pick<DropInPorts, 'visits' | 'spaces' | 'ledger'>,
  visitId: string,
  now: Instant,
): Promise<VisitTimerAnswer> {
  return retryOnStale<VisitTimerAnswer>(
    async () => {
      const visit = await deps.visits.get(visitId);
      if (!visit) return { action: 'done', outcome: 'missing' };
      const end = automaticEnd(visit);
      if (visit.status !== 'in' || end === null) return { action: 'done', outcome: 'nothing' };
      if (now < end.at) return { action: 'wait', visitId, dueAt: new Date(end.at).toISOString() };
      const after = await ended(deps, visit, await spaceOfVisit(deps, visit), end, now);
      if (!after) return STALE;
      return { action: 'done', outcome: after.status === 'closedAtClosing' ? 'closedAtClosing' : 'limitReached' };
    },
    () => new Error(`Visit ${visitId} kept changing while it was being ended`),
  );
}

/** `count` guests come in with the member now, within the space's guest limit and capacity. */
export function addGuestsToVisit(
  deps: DropInPorts,
  memberId: string,
  visitId: string,
  count: number,
  now: Instant,
): Promise<Visit> {
  return retryOnStale(async () => {
    const visit = await ownVisit(deps, memberId, visitId);
    const space = await spaceOfVisit(deps, visit);
    const decision = addGuests(visit, space, count, now);
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const outcome = await deps.visits.changeGuests(visit, decision.visit, space.capacity);
    if (!outcome.ok) {
      if (outcome.failed === 'stale') return STALE;
      throw new ApiError(outcome.failed.code, outcome.failed.detail);
    }
    return decision.visit;
  }, busy);
}

/** One guest leaves now, charged to now; the member stays. */
export function checkOutGuestOfVisit(
  deps: DropInPorts,
  memberId: string,
  visitId: string,
  guestId: string,
  now: Instant,
): Promise<Visit> {
  return retryOnStale(async () => {
    const visit = await ownVisit(deps, memberId, visitId);
    const space = await spaceOfVisit(deps, visit);
    const decision = checkOutGuest(visit, guestId, now, visitPrice15(visit, space));
    if (decision === null) throw notFound('Guest');
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    const outcome = await deps.visits.changeGuests(visit, decision.visit, space.capacity);
    if (!outcome.ok) return STALE;
    return decision.visit;
  }, busy);
}

/** What a correction writes besides the visit: the settlement module's check that a period's run has not started. */
export interface OpenPeriodCheck {
  /** In the correction's transaction: the period's settlement run is absent (409 `INVALID_STATE` when it is there). */
  stillOpen(period: PeriodName): TaggedItem;
}

const periodClosed = (period: PeriodName) =>
  new ApiError('INVALID_STATE', `The settlement period ${period} of this visit is closed: it takes no correction.`);

/**
 * The back office corrects the instant a visit that is over ended (domain-rules §7, api.md `POST
 * /v1/admin/visits/{visitId}/correction`): see {@link correctVisitEnd} for what moves and what is refused. The sales
 * ledger is not rebuilt: a correction record holds the differences of the charges (negative when a stay shrinks), on
 * the visit's use date, written with the visit in one transaction that also checks the period's settlement run has not
 * started. Refused with 409 `INVALID_STATE` once the period of the visit's use date closed (24:00 of its 20th in the
 * facility's zone) or its run started. The same correction again answers the visit as it is and writes nothing.
 */
export function correctVisitCheckout(
  deps: Pick<DropInPorts, 'visits' | 'spaces' | 'ledger'> & { runs: OpenPeriodCheck },
  visitId: string,
  checkedOutAt: Instant,
  now: Instant,
): Promise<Visit> {
  return retryOnStale(async () => {
    const visit = await deps.visits.get(visitId);
    if (!visit) throw notFound('Visit');
    const useDate = localDateOf(visit.checkedInAt, visit.timeZone);
    const period = settlementPeriodOf(useDate);
    if (!isSettlementOpen(useDate, now, visit.timeZone)) throw periodClosed(period);
    const space = await spaceOfVisit(deps, visit);
    const price15 = visitPrice15(visit, space);
    const decision = correctVisitEnd(visit, checkedOutAt, price15, now);
    if (!decision.ok) throw new ApiError(decision.code, decision.detail);
    if (decision.unchanged) return visit;
    const after = decision.visit;
    const billed = (v: Visit) => ({
      ...v,
      checkedOutAt: v.checkedOutAt as Instant,
      guests: v.guests.map((g) => ({ ...g, checkedOutAt: (g.checkedOutAt ?? v.checkedOutAt) as Instant })),
    });
    const record = visitCorrectionRecord(
      billed(visit),
      billed(after),
      { ...visit, companyId: visit.ledger.companyId },
      { name: space.name, price15 },
      now,
    );
    const outcome = await deps.visits.correct(visit, after, [
      deps.runs.stillOpen(period),
      ...(record ? deps.ledger.recordItems(record) : []),
    ]);
    if (outcome.ok) return after;
    if (outcome.failed === 'stale') return STALE;
    throw outcome.failed.code === 'INVALID_STATE'
      ? periodClosed(period)
      : new ApiError(outcome.failed.code, outcome.failed.detail);
  }, busy);
}

/** Past visits one answer lists when the client does not say (and at most). */
export const VISITS_PER_PAGE = 100;

/**
 * The member's visit in now (`current`), or a page of their visits that are over (`past`, newest first, after `after`);
 * `next` is where the following page starts, absent on the last.
 */
export async function listVisits(
  deps: Pick<DropInPorts, 'visits'>,
  memberId: string,
  scope: 'current' | 'past',
  page: { limit: number; after?: VisitPosition } = { limit: VISITS_PER_PAGE },
): Promise<{ items: Visit[]; next?: VisitPosition }> {
  if (scope === 'current') {
    const visitId = await deps.visits.openVisitOf(memberId);
    const visit = visitId ? await deps.visits.get(visitId) : undefined;
    return { items: visit?.status === 'in' ? [visit] : [] };
  }
  // a member is in one visit at most: two more than the page needs tell whether another page follows
  const read = await deps.visits.pageOfMember(memberId, {
    limit: page.limit + 2,
    ...(page.after ? { after: page.after } : {}),
  });
  const past = read.items.filter((visit) => visit.status !== 'in');
  const items = past.slice(0, page.limit);
  const last = items.at(-1);
  return past.length > page.limit && last
    ? { items, next: { checkedInAt: last.checkedInAt, visitId: last.visitId } }
    : { items };
}

/** The opaque `nextCursor` of past visits: the last visit listed. */
export const encodeVisitCursor = (position: VisitPosition): string =>
  encodeCursor([new Date(position.checkedInAt).toISOString(), position.visitId]);

/** The position a cursor names; 400 `VALIDATION_FAILED` for one {@link encodeVisitCursor} did not make. */
export function decodeVisitCursor(cursor: string): VisitPosition {
  const [checkedInAt, visitId] = decodeCursor(cursor, 2) as [string, string];
  if (Number.isNaN(Date.parse(checkedInAt)) || !/^[0-9a-f-]{36}$/.test(visitId)) {
    throw badCursor('Not a cursor of this API');
  }
  return { checkedInAt: Date.parse(checkedInAt), visitId };
}

/** Ends every visit still in past its automatic end that a failed timer missed. */
export async function sweepVisits(
  deps: Pick<DropInPorts, 'spaces' | 'ledger'> & { visits: DropInPorts['visits'] & Pick<VisitRepository, 'inEndedBy'> },
  now: Instant,
): Promise<{ ended: number }> {
  let ended = 0;
  for (const { visitId } of await deps.visits.inEndedBy(now)) {
    const answer = await endDueVisit(deps, visitId, now);
    if (answer.action === 'done' && (answer.outcome === 'limitReached' || answer.outcome === 'closedAtClosing'))
      ended++;
  }
  return { ended };
}
