/**
 * Drop-in visits (domain-rules §6, §4, §7; 001 §3 and Q1–Q6; 004 §2-2, 資料1): who may check in at an open space and
 * what it takes, when a visit ends by itself, guests, and the per-minute charges. Pure: time comes in as `now`.
 */
import type { VisitStatus } from '../../../../contracts/http/visits';
import { openSpaceCharge, pricesOn, withTax } from '../../../domain/billing';
import { checkPlanEligibility } from '../../../domain/booking-rules';
import { calendarOf, closingTimeAfter, localDateOf, MINUTE_MS } from '../../../domain/calendar';
import {
  type Facility,
  type Instant,
  type LocalDate,
  type Plan,
  type Price,
  refuse,
  type Space,
  type UsesLedger,
  type Verdict,
} from '../../../domain/model';
import { checkAffordable, checkDailyLimit, type UsesBalance } from '../../../domain/uses';

export type { VisitStatus };

/** A guest the member brought in: their own in and out, and their own charge once out. */
export interface VisitGuest {
  guestId: string;
  checkedInAt: Instant;
  checkedOutAt: Instant | null;
  charge: Price | null;
}

export interface Visit {
  visitId: string;
  /** `V-XXXX-XXXX-XXXX`, unique: what the partner's screens show. */
  number: string;
  memberId: string;
  memberNumber: string;
  /** The company of a corporate member at check-in (operators see it, never the member's name). */
  companyName: string | null;
  partnerId: string;
  facilityId: string;
  spaceId: string;
  timeZone: string;
  status: VisitStatus;
  checkedInAt: Instant;
  checkedOutAt: Instant | null;
  /** The per-check-in limit's end (stores with a limit); the visit ends there. */
  limitEndsAt: Instant | null;
  /** The space's closing after check-in (its calendar then); the visit is closed there if still in. */
  closesAt: Instant | null;
  /** Uses the check-in took (0: a later visit the same day at a store without a limit). */
  uses: number;
  guests: VisitGuest[];
  /** The member's own charge, once out. */
  charge: Price | null;
  /** Where its uses were counted. */
  ledger: UsesLedger;
  /** How the member checked in: the QR at the space, or a ticket staff scanned at reception. */
  via: 'qr' | 'ticket';
  version: number;
}

/** What the stored state says about the member when they scan. */
export interface VisitorSituation {
  plan: Plan;
  member: UsesBalance;
  /** A corporate member's company, when it has a monthly cap. */
  company: UsesBalance | null;
  /** The member's check-ins at this facility on its local day so far. */
  checkInsThatDay: number;
}

export type VisitRefusal = Extract<Verdict, { ok: false }>;

export interface CheckInDecision {
  ok: true;
  uses: number;
  limitEndsAt: Instant | null;
  closesAt: Instant | null;
}

/** Whether a facility is published at `t` (outside its window it is hidden: a scan there finds nothing). */
export const isPublished = (facility: Pick<Facility, 'publishFrom' | 'publishUntil'>, t: Instant): boolean =>
  (facility.publishFrom === null || facility.publishFrom <= t) &&
  (facility.publishUntil === null || t < facility.publishUntil);

/** Whether a space is one a drop-in scan may check into: an active open space of a published facility. */
export const isOpenForScans = (facility: Facility, space: Space, now: Instant): boolean =>
  space.type === 'openSpace' && space.status === 'active' && isPublished(facility, now);

/**
 * Uses a check-in takes (§6, 001 Q1–Q2): 1; at a store without a per-check-in limit, none for a later visit the
 * same day at the same store.
 */
export const usesOfCheckIn = (space: Pick<Space, 'perCheckInLimitMinutes'>, checkInsThatDay: number): number =>
  space.perCheckInLimitMinutes === null && checkInsThatDay > 0 ? 0 : 1;

/**
 * Decides a check-in at an open space (the member's plan is in force; the space is one scans may check into), in
 * order: the space's hours now, the plan's eligibility, congestion `full`, the uses (member, company) and the
 * facility's daily check-in limit. Capacity and "already in" are decided by the write's conditions.
 *
 * The daily limit counts check-ins (快活CLUB: 1 a day, 001), a later visit that takes no use included.
 */
export function decideCheckIn({
  now,
  facility,
  space,
  situation,
}: {
  now: Instant;
  facility: Facility;
  space: Space;
  situation: VisitorSituation;
}): CheckInDecision | VisitRefusal {
  const closesAt = closingTimeAfter(calendarOf(facility, space), now);
  if (closesAt === null) return refuse('OUTSIDE_BUSINESS_HOURS', 'The space is closed now.') as VisitRefusal;
  const eligible = checkPlanEligibility(situation.plan, facility);
  if (!eligible.ok) return eligible;
  if (space.congestion?.level === 'full') {
    return refuse('SPACE_FULL', 'The space takes no one in now (its staff set it full).') as VisitRefusal;
  }
  const uses = usesOfCheckIn(space, situation.checkInsThatDay);
  for (const balance of [situation.member, situation.company]) {
    if (!balance || uses === 0) continue;
    const verdict = checkAffordable({ ...balance, requested: uses });
    if (!verdict.ok) return verdict;
  }
  const daily = checkDailyLimit({
    limit: facility.dailyCheckInLimit,
    usedThatDay: situation.checkInsThatDay,
    requested: 1,
  });
  if (!daily.ok) return daily;
  const limit = space.perCheckInLimitMinutes;
  return { ok: true, uses, limitEndsAt: limit === null ? null : now + limit * MINUTE_MS, closesAt };
}

/** The facility's local date a check-in counts on (its daily limit, and "the same day" of §6). */
export const visitDateOf = (facility: Pick<Facility, 'timeZone'>, t: Instant): LocalDate =>
  localDateOf(t, facility.timeZone);

/**
 * When a visit still in ends by itself, and how: at its limit (`out`, api.md: `checkedOutAt` = `limitEndsAt`) or at
 * the space's closing (`closedAtClosing`), whichever comes first (the limit when both fall together); `null` when
 * neither is known (a store open around the clock without a limit).
 */
export function automaticEnd(
  visit: Pick<Visit, 'limitEndsAt' | 'closesAt'>,
): { at: Instant; status: Exclude<VisitStatus, 'in'> } | null {
  const { limitEndsAt, closesAt } = visit;
  if (limitEndsAt !== null && (closesAt === null || limitEndsAt <= closesAt)) return { at: limitEndsAt, status: 'out' };
  if (closesAt !== null) return { at: closesAt, status: 'closedAtClosing' };
  return null;
}

/** The per-minute price of the visit's use date (004 資料1 ※1: the price in force on that day). */
export const visitPrice15 = (visit: Pick<Visit, 'checkedInAt' | 'timeZone'>, space: Space): number =>
  pricesOn(space, localDateOf(visit.checkedInAt, visit.timeZone)).price15;

/** One person's charge from `from` to `to`: per minute, seconds up, yen down, nothing after closing (§7). */
const chargeOf = (price15: number, from: Instant, to: Instant, closesAt: Instant | null): Price =>
  withTax(openSpaceCharge({ price15, checkIn: from, checkOut: to, closesAt }).amount);

/**
 * The visit ended at `at` with `status`: the member out, every guest still in out with them, each charged. A visit
 * scanned out after its automatic end ends as the timer ends it (at its limit or at closing), so the member's
 * checkout and the timer write the same thing and only one of them writes it.
 */
export function endVisit(visit: Visit, ending: { at: Instant; status: Exclude<VisitStatus, 'in'> }, price15: number) {
  const automatic = automaticEnd(visit);
  const { at, status } = automatic && automatic.at <= ending.at ? automatic : ending;
  const ended: Visit = {
    ...visit,
    status,
    checkedOutAt: at,
    charge: chargeOf(price15, visit.checkedInAt, at, visit.closesAt),
    guests: visit.guests.map((guest) =>
      guest.checkedOutAt === null
        ? { ...guest, checkedOutAt: at, charge: chargeOf(price15, guest.checkedInAt, at, visit.closesAt) }
        : guest,
    ),
    version: visit.version + 1,
  };
  return ended;
}

/** Guests in now. */
export const guestsIn = (visit: Pick<Visit, 'guests'>): number =>
  visit.guests.filter((guest) => guest.checkedOutAt === null).length;

/** Whether the visit is in at `now`: status `in` and its automatic end not passed (the timer may not have run yet). */
export function isInAt(visit: Visit, now: Instant): boolean {
  const automatic = automaticEnd(visit);
  return visit.status === 'in' && (automatic === null || now < automatic.at);
}

/**
 * `count` guests come in with the member now (§6, 004 §2-2): the visit must be in, and the guests in stay within the
 * space's guest limit (`null`/absent = unlimited, 0 = none). Guest ids go on from the visit's last (`g1`, `g2`, …).
 */
export function addGuests(
  visit: Visit,
  space: Pick<Space, 'guestLimit'>,
  count: number,
  now: Instant,
): { ok: true; visit: Visit } | VisitRefusal {
  if (!isInAt(visit, now)) return refuse('INVALID_STATE', 'The visit is over.') as VisitRefusal;
  const limit = space.guestLimit ?? null;
  if (limit !== null && guestsIn(visit) + count > limit) {
    return refuse(
      'GUEST_LIMIT_REACHED',
      limit === 0 ? 'This space takes no guests.' : `This space takes at most ${limit} guests at a time.`,
    ) as VisitRefusal;
  }
  const first = visit.guests.length + 1;
  const added: VisitGuest[] = Array.from({ length: count }, (_, i) => ({
    guestId: `g${first + i}`,
    checkedInAt: now,
    checkedOutAt: null,
    charge: null,
  }));
  return { ok: true, visit: { ...visit, guests: [...visit.guests, ...added], version: visit.version + 1 } };
}

/** A guest leaves now, charged to now (the visit stays in). `null` when the visit has no such guest. */
export function checkOutGuest(
  visit: Visit,
  guestId: string,
  now: Instant,
  price15: number,
): { ok: true; visit: Visit } | VisitRefusal | null {
  const guest = visit.guests.find((g) => g.guestId === guestId);
  if (!guest) return null;
  if (guest.checkedOutAt !== null) return refuse('INVALID_STATE', 'The guest has left already.') as VisitRefusal;
  if (!isInAt(visit, now)) return refuse('INVALID_STATE', 'The visit is over.') as VisitRefusal;
  const out: VisitGuest = {
    ...guest,
    checkedOutAt: now,
    charge: chargeOf(price15, guest.checkedInAt, now, visit.closesAt),
  };
  return {
    ok: true,
    visit: {
      ...visit,
      guests: visit.guests.map((g) => (g.guestId === guestId ? out : g)),
      version: visit.version + 1,
    },
  };
}

/**
 * A back-office correction of the instant a visit that is over ended (domain-rules §7: a missing exit time): the
 * member leaves at `at`, and so does every guest who left with them (a guest who left before `at` keeps their own
 * exit; one who left after it leaves at `at`), each charged again at `price15`. The status is `closedAtClosing` when
 * `at` is the space's closing (as the timer would have ended it there), `out` otherwise.
 *
 * Refused: a visit still in (409 `INVALID_STATE`: its member's checkout or its timer ends it); `at` not after the
 * check-in, before a guest came in, after the visit's automatic end (its limit or closing) or after `now` (422
 * `INVALID_DURATION`: the stay it makes is not one the visit could have had). `unchanged` when the visit ended at `at`
 * already: a correction sent twice changes nothing the second time.
 */
export function correctVisitEnd(
  visit: Visit,
  at: Instant,
  price15: number,
  now: Instant,
): { ok: true; visit: Visit; unchanged: boolean } | VisitRefusal {
  if (visit.status === 'in' || visit.checkedOutAt === null) {
    return refuse('INVALID_STATE', 'The visit is not over: its checkout or its timer ends it.') as VisitRefusal;
  }
  if (at === visit.checkedOutAt) return { ok: true, visit, unchanged: true };
  const automatic = automaticEnd(visit);
  if (at <= visit.checkedInAt) {
    return refuse('INVALID_DURATION', 'checkedOutAt must be after the check-in.') as VisitRefusal;
  }
  if (visit.guests.some((guest) => at < guest.checkedInAt)) {
    return refuse('INVALID_DURATION', 'checkedOutAt must not be before a guest of the visit came in.') as VisitRefusal;
  }
  if (automatic !== null && at > automatic.at) {
    return refuse(
      'INVALID_DURATION',
      `checkedOutAt must not be after the visit's automatic end (${automatic.status === 'out' ? 'its limit' : 'closing'}).`,
    ) as VisitRefusal;
  }
  if (at > now) return refuse('INVALID_DURATION', 'checkedOutAt must not be in the future.') as VisitRefusal;
  const previousEnd = visit.checkedOutAt;
  const corrected: Visit = {
    ...visit,
    status: automatic !== null && at === automatic.at ? automatic.status : 'out',
    checkedOutAt: at,
    charge: chargeOf(price15, visit.checkedInAt, at, visit.closesAt),
    guests: visit.guests.map((guest) => {
      const left = guest.checkedOutAt ?? previousEnd;
      const out = left === previousEnd || left > at ? at : left;
      return out === guest.checkedOutAt
        ? guest
        : { ...guest, checkedOutAt: out, charge: chargeOf(price15, guest.checkedInAt, out, visit.closesAt) };
    }),
    version: visit.version + 1,
  };
  return { ok: true, visit: corrected, unchanged: false };
}
