/** The drop-in rules (domain-rules §6, §4, §7): who checks in and what it takes, the automatic end, guests, charges. */
import { describe, expect, it } from 'vitest';
import { visitEndTimer } from '../../../../lambdas/modules/dropin/rules/timer';
import {
  addGuests,
  automaticEnd,
  checkOutGuest,
  correctVisitEnd,
  decideCheckIn,
  endVisit,
  isInAt,
  isOpenForScans,
  usesOfCheckIn,
  type Visit,
  type VisitorSituation,
  visitPrice15,
} from '../../../../lambdas/modules/dropin/rules/visit';
import { allDayCalendar, HOUR, MIN, makeFacility, makeSpace, spaceCalendarOf, tokyo } from '../../../fixtures/domain';

const facility = makeFacility({ kind: 'dropin', dailyCheckInLimit: null, basicPlanAllowed: false });
const lounge = makeSpace({ type: 'openSpace', capacity: 20, price15: 250, perCheckInLimitMinutes: 240, guestLimit: 2 });
const situation = (overrides: Partial<VisitorSituation> = {}): VisitorSituation => ({
  plan: 'premium',
  member: { limit: null, used: 0, held: 0 },
  company: null,
  checkInsThatDay: 0,
  ...overrides,
});
// Monday 2024-06-10 on the office calendar: open 09:00–18:00
const MON = (time: string) => tokyo(`2024-06-10T${time}`);

function visitAt(checkedInAt: number, fields: Partial<Visit> = {}): Visit {
  return {
    visitId: '00000000-0000-4000-8000-000000000001',
    number: 'V-0000-0000-0001',
    memberId: 'm-1',
    memberNumber: 'TW900001',
    companyName: null,
    partnerId: 'partner-1',
    facilityId: 'fac-1',
    spaceId: 'space-1',
    timeZone: 'Asia/Tokyo',
    status: 'in',
    checkedInAt,
    checkedOutAt: null,
    limitEndsAt: checkedInAt + 240 * MIN,
    closesAt: MON('18:00'),
    uses: 1,
    guests: [],
    charge: null,
    ledger: { memberPeriod: '2024-06-01', companyId: null, companyMonth: null, dailyDate: '2024-06-10' },
    via: 'qr',
    version: 1,
    ...fields,
  };
}

describe('decideCheckIn', () => {
  it('takes 1 use, with the limit’s end and the closing', () => {
    expect(decideCheckIn({ now: MON('10:00'), facility, space: lounge, situation: situation() })).toEqual({
      ok: true,
      uses: 1,
      limitEndsAt: MON('14:00'),
      closesAt: MON('18:00'),
    });
  });

  it.each([
    ['before opening', MON('08:59'), 'OUTSIDE_BUSINESS_HOURS'],
    ['at closing', MON('18:00'), 'OUTSIDE_BUSINESS_HOURS'],
    ['on a day closed all day', tokyo('2024-06-12T10:00'), 'OUTSIDE_BUSINESS_HOURS'],
    ['in a closure of hours', tokyo('2024-06-13T12:30'), 'OUTSIDE_BUSINESS_HOURS'],
  ])('refuses %s', (_, now, code) => {
    expect(decideCheckIn({ now, facility, space: lounge, situation: situation() })).toMatchObject({ ok: false, code });
  });

  it('refuses the basic plan where the facility excludes it, and takes it elsewhere', () => {
    const basic = situation({ plan: 'basic', member: { limit: 31, used: 0, held: 0 } });
    expect(decideCheckIn({ now: MON('10:00'), facility, space: lounge, situation: basic })).toMatchObject({
      code: 'PLAN_NOT_ELIGIBLE',
    });
    const open = makeFacility({ basicPlanAllowed: true, dailyCheckInLimit: null });
    expect(decideCheckIn({ now: MON('10:00'), facility: open, space: lounge, situation: basic }).ok).toBe(true);
  });

  it('refuses at congestion full, not at crowded', () => {
    const at = (level: 'full' | 'crowded') => ({
      ...lounge,
      congestion: { level, comment: null, updatedAt: MON('09:00') },
    });
    expect(decideCheckIn({ now: MON('10:00'), facility, space: at('full'), situation: situation() })).toMatchObject({
      code: 'SPACE_FULL',
    });
    expect(decideCheckIn({ now: MON('10:00'), facility, space: at('crowded'), situation: situation() }).ok).toBe(true);
  });

  it('refuses when the plan or the company cannot afford the use', () => {
    const spent = situation({ plan: 'basic', member: { limit: 31, used: 30, held: 1 } });
    const open = makeFacility({ basicPlanAllowed: true, dailyCheckInLimit: null });
    expect(decideCheckIn({ now: MON('10:00'), facility: open, space: lounge, situation: spent })).toMatchObject({
      code: 'INSUFFICIENT_TICKETS',
    });
    const capped = situation({ plan: 'corporate', company: { limit: 10, used: 10, held: 0 } });
    expect(decideCheckIn({ now: MON('10:00'), facility, space: lounge, situation: capped })).toMatchObject({
      code: 'INSUFFICIENT_TICKETS',
    });
  });

  it('counts check-ins toward the daily limit (快活CLUB: 1 a day), a visit taking no use included', () => {
    const kaikatsu = makeFacility({ dailyCheckInLimit: 1 });
    const noLimit = { ...lounge, perCheckInLimitMinutes: null };
    expect(
      decideCheckIn({ now: MON('10:00'), facility: kaikatsu, space: noLimit, situation: situation() }),
    ).toMatchObject({ ok: true, uses: 1 });
    expect(
      decideCheckIn({
        now: MON('10:00'),
        facility: kaikatsu,
        space: noLimit,
        situation: situation({ checkInsThatDay: 1 }),
      }),
    ).toMatchObject({ code: 'DAILY_LIMIT_REACHED' });
  });

  it('a later visit the same day at a store without a limit takes no use, even with no uses left', () => {
    const noLimit = { ...lounge, perCheckInLimitMinutes: null };
    const spent = situation({ member: { limit: 31, used: 31, held: 0 }, checkInsThatDay: 1 });
    expect(decideCheckIn({ now: MON('10:00'), facility, space: noLimit, situation: spent })).toEqual({
      ok: true,
      uses: 0,
      limitEndsAt: null,
      closesAt: MON('18:00'),
    });
  });

  it('a store open around the clock closes where its hours end (a closure), within the lookahead', () => {
    const allDay = { ...lounge, calendar: spaceCalendarOf(allDayCalendar) };
    const decision = decideCheckIn({ now: tokyo('2024-06-19T22:00'), facility, space: allDay, situation: situation() });
    expect(decision).toMatchObject({ ok: true, closesAt: tokyo('2024-06-20T00:00') });
  });
});

describe('usesOfCheckIn (001 Q1–Q2)', () => {
  it.each([
    [240, 0, 1],
    [240, 3, 1],
    [null, 0, 1],
    [null, 1, 0],
  ])('limit %s, %s check-ins before that day → %s', (limit, before, uses) => {
    expect(usesOfCheckIn({ perCheckInLimitMinutes: limit }, before)).toBe(uses);
  });
});

describe('the automatic end', () => {
  it('is the limit when it comes first (out), the closing otherwise (closedAtClosing), the limit on a tie', () => {
    expect(automaticEnd({ limitEndsAt: MON('14:00'), closesAt: MON('18:00') })).toEqual({
      at: MON('14:00'),
      status: 'out',
    });
    expect(automaticEnd({ limitEndsAt: MON('20:00'), closesAt: MON('18:00') })).toEqual({
      at: MON('18:00'),
      status: 'closedAtClosing',
    });
    expect(automaticEnd({ limitEndsAt: MON('18:00'), closesAt: MON('18:00') })).toMatchObject({ status: 'out' });
    expect(automaticEnd({ limitEndsAt: null, closesAt: MON('18:00') })).toMatchObject({ status: 'closedAtClosing' });
    expect(automaticEnd({ limitEndsAt: null, closesAt: null })).toBeNull();
  });

  it('starts a timer named after the visit, at that end; none without one', () => {
    const visit = visitAt(MON('10:00'));
    expect(visitEndTimer(visit)).toEqual({
      workflow: 'visit-end',
      name: `visit-${visit.visitId}`,
      input: { visitId: visit.visitId, dueAt: '2024-06-10T05:00:00.000Z' },
    });
    expect(visitEndTimer({ ...visit, limitEndsAt: null, closesAt: null })).toBeNull();
  });

  it('a visit is in until its automatic end, whether or not the timer ran', () => {
    const visit = visitAt(MON('10:00'));
    expect(isInAt(visit, MON('13:59'))).toBe(true);
    expect(isInAt(visit, MON('14:00'))).toBe(false);
    expect(isInAt({ ...visit, status: 'out' }, MON('11:00'))).toBe(false);
  });
});

describe('endVisit and the charges (§7)', () => {
  it('charges 004 資料1’s example: 250 yen/15 min, 10:53:18–12:26:50 → 94 min → 1,566 yen', () => {
    const visit = visitAt(tokyo('2024-06-10T10:53:18'));
    const ended = endVisit(visit, { at: tokyo('2024-06-10T12:26:50'), status: 'out' }, 250);
    expect(ended).toMatchObject({
      status: 'out',
      checkedOutAt: tokyo('2024-06-10T12:26:50'),
      charge: { amount: 1566, tax: 156, total: 1722 },
      version: 2,
    });
  });

  it('a scan after the automatic end ends the visit there, as the timer would', () => {
    const visit = visitAt(MON('10:00'));
    const late = endVisit(visit, { at: MON('15:30'), status: 'out' }, 250);
    expect(late).toMatchObject({ status: 'out', checkedOutAt: MON('14:00'), charge: { amount: 4000 } });
    const closing = visitAt(MON('16:00'), { limitEndsAt: MON('20:00') });
    expect(endVisit(closing, { at: MON('19:00'), status: 'out' }, 250)).toMatchObject({
      status: 'closedAtClosing',
      checkedOutAt: MON('18:00'),
      charge: { amount: 2000 },
    });
  });

  it('takes the guests still in out with the member, each charged; those out keep theirs', () => {
    const leftEarly = {
      guestId: 'g1',
      checkedInAt: MON('10:00'),
      checkedOutAt: MON('10:30'),
      charge: { amount: 500, tax: 50, total: 550 },
    };
    const stillIn = { guestId: 'g2', checkedInAt: MON('10:15'), checkedOutAt: null, charge: null };
    const ended = endVisit(
      visitAt(MON('10:00'), { guests: [leftEarly, stillIn] }),
      { at: MON('11:00'), status: 'out' },
      250,
    );
    expect(ended.guests).toEqual([
      leftEarly,
      { ...stillIn, checkedOutAt: MON('11:00'), charge: { amount: 750, tax: 75, total: 825 } },
    ]);
  });

  it('prices the use date as in force that day (a change applies from its day)', () => {
    const space = {
      ...lounge,
      price15: 300,
      priceHistory: [
        { from: '2000-01-01', price15: 250, priceDay: null },
        { from: '2024-06-11', price15: 300, priceDay: null },
      ],
    };
    expect(visitPrice15(visitAt(MON('10:00')), space)).toBe(250);
    expect(visitPrice15(visitAt(tokyo('2024-06-11T10:00')), space)).toBe(300);
  });
});

describe('guests', () => {
  it('adds guests within the limit of guests in at a time, numbering on', () => {
    const visit = visitAt(MON('10:00'));
    const two = addGuests(visit, lounge, 2, MON('10:15'));
    expect(two).toMatchObject({ ok: true });
    if (!two.ok) return;
    expect(two.visit.guests.map((g) => g.guestId)).toEqual(['g1', 'g2']);
    expect(addGuests(two.visit, lounge, 1, MON('10:20'))).toMatchObject({ code: 'GUEST_LIMIT_REACHED' });
    const out = checkOutGuest(two.visit, 'g1', MON('10:45'), 250);
    expect(out).toMatchObject({ ok: true });
    if (!out?.ok) return;
    expect(out.visit.guests[0]).toMatchObject({ checkedOutAt: MON('10:45'), charge: { amount: 500 } });
    const third = addGuests(out.visit, lounge, 1, MON('10:50'));
    expect(third.ok && third.visit.guests.map((g) => g.guestId)).toEqual(['g1', 'g2', 'g3']);
  });

  it.each([
    [0, 1, 'GUEST_LIMIT_REACHED'],
    [null, 20, null],
    [undefined, 20, null],
  ])('guest limit %s, %s guests → %s', (guestLimit, count, code) => {
    const answer = addGuests(visitAt(MON('10:00')), { guestLimit }, count, MON('10:15'));
    if (code) expect(answer).toMatchObject({ code });
    else expect(answer.ok).toBe(true);
  });

  it('refuses guests after the visit’s end, and a guest out twice; an unknown guest is null', () => {
    const visit = visitAt(MON('10:00'));
    expect(addGuests(visit, lounge, 1, MON('14:00'))).toMatchObject({ code: 'INVALID_STATE' });
    expect(checkOutGuest(visit, 'g7', MON('11:00'), 250)).toBeNull();
    const withGuest = addGuests(visit, lounge, 1, MON('10:15'));
    if (!withGuest.ok) throw new Error('expected a guest');
    const out = checkOutGuest(withGuest.visit, 'g1', MON('10:30'), 250);
    if (!out?.ok) throw new Error('expected the guest out');
    expect(checkOutGuest(out.visit, 'g1', MON('10:40'), 250)).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('isOpenForScans', () => {
  it('is an active open space of a published facility', () => {
    const now = MON('10:00');
    expect(isOpenForScans(facility, lounge, now)).toBe(true);
    expect(isOpenForScans(facility, { ...lounge, status: 'inactive' }, now)).toBe(false);
    expect(isOpenForScans(facility, { ...lounge, type: 'seat' }, now)).toBe(false);
    expect(isOpenForScans({ ...facility, publishUntil: now }, lounge, now)).toBe(false);
    expect(isOpenForScans({ ...facility, publishFrom: now + HOUR }, lounge, now)).toBe(false);
  });
});

describe('correctVisitEnd (§7: a missing exit time)', () => {
  // in at 10:00 with a guest from 10:30 and one who left at 11:00; all out at 13:00 (limit 14:00, closing 18:00)
  const over = (fields: Partial<Visit> = {}) =>
    endVisit(
      visitAt(MON('10:00'), {
        guests: [
          { guestId: 'g1', checkedInAt: MON('10:30'), checkedOutAt: null, charge: null },
          {
            guestId: 'g2',
            checkedInAt: MON('10:30'),
            checkedOutAt: MON('11:00'),
            charge: { amount: 500, tax: 50, total: 550 },
          },
        ],
        ...fields,
      }),
      { at: MON('13:00'), status: 'out' },
      250,
    );
  const NOW = MON('20:00');

  it('moves the member’s exit and the guests who left with them, charged again; a guest who left before stays', () => {
    const corrected = correctVisitEnd(over(), MON('12:00'), 250, NOW);
    expect(corrected).toMatchObject({ ok: true, unchanged: false });
    if (!corrected.ok) throw new Error('refused');
    expect(corrected.visit).toMatchObject({
      status: 'out',
      checkedOutAt: MON('12:00'),
      charge: { amount: 2000, tax: 200, total: 2200 },
      version: 3,
      guests: [
        { guestId: 'g1', checkedOutAt: MON('12:00'), charge: { amount: 1500, tax: 150, total: 1650 } },
        { guestId: 'g2', checkedOutAt: MON('11:00'), charge: { amount: 500, tax: 50, total: 550 } },
      ],
    });
  });

  it('moves the exit later (up to the automatic end), and a guest who left after the new exit leaves at it', () => {
    const later = correctVisitEnd(over(), MON('14:00'), 250, NOW);
    expect(later).toMatchObject({
      ok: true,
      visit: { status: 'out', checkedOutAt: MON('14:00'), charge: { amount: 4000 } },
    });
    const earlier = correctVisitEnd(over(), MON('10:45'), 250, NOW);
    expect(earlier).toMatchObject({
      ok: true,
      visit: {
        checkedOutAt: MON('10:45'),
        guests: [{ checkedOutAt: MON('10:45') }, { checkedOutAt: MON('10:45'), charge: { amount: 250 } }],
      },
    });
  });

  it('is closedAtClosing when the exit is the closing (the automatic end there)', () => {
    const visit = over({ limitEndsAt: null });
    expect(correctVisitEnd(visit, MON('18:00'), 250, NOW)).toMatchObject({
      ok: true,
      visit: { status: 'closedAtClosing', checkedOutAt: MON('18:00') },
    });
  });

  it('changes nothing for the exit the visit has already', () => {
    const visit = over();
    expect(correctVisitEnd(visit, MON('13:00'), 250, NOW)).toEqual({ ok: true, visit, unchanged: true });
  });

  it('refuses a visit still in (409) and exits the visit could not have had (422)', () => {
    expect(correctVisitEnd(visitAt(MON('10:00')), MON('11:00'), 250, NOW)).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
    const visit = over();
    for (const at of [MON('10:00'), MON('09:00'), MON('10:15'), MON('14:00') + 1]) {
      expect(correctVisitEnd(visit, at, 250, NOW), String(at)).toMatchObject({ ok: false, code: 'INVALID_DURATION' });
    }
    // not after now
    expect(correctVisitEnd(visit, MON('12:00'), 250, MON('11:59'))).toMatchObject({
      ok: false,
      code: 'INVALID_DURATION',
    });
  });
});
