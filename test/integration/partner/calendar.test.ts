/**
 * Calendars belong to spaces (domain-rules §2, api.md "Partner routes": calendar; 004 §2-5): weekly hours, special
 * open days and closures per space, on the member routes at once; a change that would strand held bookings is 409
 * CALENDAR_CONFLICT naming them; If-Match as for every edit; bad input named and nothing written; and no booking
 * can slip past a change being checked.
 */
import { describe, expect, it } from 'vitest';
import { reservationRepository } from '../../../lambdas/modules/booking';
import { SpaceRepository } from '../../../lambdas/modules/catalog';
import { membershipDeps } from '../../../lambdas/modules/membership';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { transact } from '../../../lambdas/platform/dynamo/transactions';
import { operatorToken } from '../support/local-stack';
import { h1t, member, NOW, partnerStack, tw } from './support';

const FACILITY = 'tw-shibuya';
const DESK = 'tw-shibuya-desk';
const ROOM = 'tw-shibuya-room-a';
const calendarPath = (spaceId: string) => `/v1/operator/spaces/${spaceId}/calendar`;
const at = (date: string, time: string) => `${date}T${time}:00+09:00`;
const WEEKDAYS_9_21 = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, { open: '09:00', close: '21:00' }]),
);

const stackApi = partnerStack();

const calendar = (spaceId: string) => stackApi().get(calendarPath(spaceId), tw('full'));
const ifMatch = async (spaceId: string) => ({ 'if-match': String((await calendar(spaceId)).etag) });
const setHours = async (spaceId: string, hours: unknown) =>
  stackApi().put(`${calendarPath(spaceId)}/hours`, hours, tw('full'), await ifMatch(spaceId));
const addClosure = (spaceId: string, closure: unknown) =>
  stackApi().post(`${calendarPath(spaceId)}/closures`, closure, tw('full'));
const memberFacility = async () => (await stackApi().get(`/v1/facilities/${FACILITY}`, member)).body;
const memberSpace = async (spaceId: string) =>
  (await memberFacility()).spaces.find((s: { spaceId: string }) => s.spaceId === spaceId);
const availability = async (spaceId: string, date: string) =>
  (await stackApi().get(`/v1/spaces/${spaceId}/availability?date=${date}`, member)).body.slots as Array<{
    start: string;
    remaining: number;
    symbol: string;
  }>;
const openSlots = async (spaceId: string, date: string) =>
  (await availability(spaceId, date)).filter((s) => s.symbol !== '×').map((s) => s.start.slice(11, 16));
const book = (spaceId: string, date: string, from: string, to: string, token = member) =>
  stackApi().post('/v1/reservations', { spaceId, start: at(date, from), end: at(date, to) }, token);

describe('reading a space’s calendar', () => {
  it('answers hours, special days and closures with the calendar’s version as ETag, to full and staff', async () => {
    for (const role of ['full', 'staff'] as const) {
      const answer = await stackApi().get(calendarPath(DESK), tw(role));
      expect(answer.status, role).toBe(200);
      expect(answer.etag).toBe(`"${answer.body.version}"`);
      expect(answer.body).toMatchObject({
        spaceId: DESK,
        timeZone: 'Asia/Tokyo',
        hours: { ...WEEKDAYS_9_21, sat: null, sun: null },
        specialDays: [],
      });
    }
    expect((await stackApi().get(calendarPath(DESK), tw('usage'))).status).toBe(403);
    for (const role of ['full', 'staff'] as const) {
      expect((await stackApi().get(calendarPath(DESK), h1t(role))).status).toBe(404);
    }
  });
});

describe('a meeting room keeps other hours than the seats of its facility', () => {
  it('sets the room’s week; members see it on the room, the facility shows the union, search finds it', async () => {
    const week = { ...WEEKDAYS_9_21, mon: { open: '10:00', close: '18:00' }, sat: { open: '10:00', close: '17:00' } };
    const before = await calendar(ROOM);
    const answer = await setHours(ROOM, week);
    expect(answer.status).toBe(200);
    expect(answer.body.hours).toEqual({ ...week, sun: null });
    expect(answer.body.version).toBeGreaterThan(before.body.version);
    expect(answer.etag).toBe(`"${answer.body.version}"`);
    // the room's own calendar, the desk's unchanged
    expect((await memberSpace(ROOM)).calendar.hours.sat).toEqual({ open: '10:00', close: '17:00' });
    expect((await memberSpace(DESK)).calendar.hours.sat).toBeNull();
    // the facility: the union (Monday 09:00–21:00 from the desk, Saturday from the room)
    const facility = await memberFacility();
    expect(facility.hours.regular).toEqual(
      expect.arrayContaining([
        { weekday: 1, open: '09:00', close: '21:00' },
        { weekday: 6, open: '10:00', close: '17:00' },
      ]),
    );
    const found = await stackApi().get('/v1/facilities?weekends=true', member);
    expect(found.body.items.map((f: { facilityId: string }) => f.facilityId)).toContain(FACILITY);
    // Saturday 2026-11-28: the room has slots 10:00–17:00, the desk none
    const saturday = await openSlots(ROOM, '2026-11-28');
    expect(saturday[0]).toBe('10:00');
    expect(saturday.at(-1)).toBe('16:45');
    expect(await openSlots(DESK, '2026-11-28')).toEqual([]);
  });
});

describe('closures', () => {
  it('show on availability and refuse bookings at once; the member sees them without the partner’s title', async () => {
    expect(await openSlots(DESK, '2026-11-25')).toContain('12:00');
    const made = await addClosure(DESK, { title: '床清掃', date: '2026-11-25', from: '12:00', to: '13:00' });
    expect(made.status).toBe(201);
    expect(made.body.closureId).toEqual(expect.any(String));
    expect(made.body.closures).toEqual(
      expect.arrayContaining([
        {
          closureId: made.body.closureId,
          title: '床清掃',
          date: '2026-11-25',
          allDay: false,
          from: '12:00',
          to: '13:00',
        },
      ]),
    );
    const open = await openSlots(DESK, '2026-11-25');
    expect(open).toContain('11:45');
    expect(open).not.toContain('12:00');
    expect(open).not.toContain('12:45');
    expect(open).toContain('13:00');
    expect(await book(DESK, '2026-11-25', '12:30', '13:30')).toMatchObject({
      status: 422,
      body: { code: 'OUTSIDE_BUSINESS_HOURS' },
    });
    expect((await memberSpace(DESK)).calendar.closures).toEqual(
      expect.arrayContaining([{ date: '2026-11-25', allDay: false, from: '12:00', to: '13:00' }]),
    );
    expect(JSON.stringify(await memberFacility())).not.toContain('床清掃');
  });

  it('are all day without times', async () => {
    const made = await addClosure(DESK, { date: '2026-12-02' });
    expect(made.status).toBe(201);
    expect(made.body.closures).toEqual(
      expect.arrayContaining([{ closureId: made.body.closureId, title: null, date: '2026-12-02', allDay: true }]),
    );
    expect(await openSlots(DESK, '2026-12-02')).toEqual([]);
  });
});

describe('special open days', () => {
  it('open a closed day of a reservable space', async () => {
    expect(await openSlots(ROOM, '2026-11-29')).toEqual([]);
    const answer = await stackApi().put(
      `${calendarPath(ROOM)}/special-days/2026-11-29`,
      { title: '日曜臨時営業', open: '13:00', close: '17:00' },
      tw('full'),
      await ifMatch(ROOM),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.specialDays).toEqual([
      { date: '2026-11-29', title: '日曜臨時営業', open: '13:00', close: '17:00' },
    ]);
    expect((await openSlots(ROOM, '2026-11-29'))[0]).toBe('13:00');
    expect((await memberSpace(ROOM)).calendar.specialDays).toEqual([
      { date: '2026-11-29', open: '13:00', close: '17:00' },
    ]);
  });

  it('are refused for an open space (422, nothing written)', async () => {
    const regus = operatorToken('op-regus-full', 'partner-regus', 'full');
    const path = '/v1/operator/spaces/regus-marunouchi-lounge/calendar';
    const before = await stackApi().get(path, regus);
    const answer = await stackApi().put(`${path}/special-days/2026-11-29`, { open: '10:00', close: '15:00' }, regus, {
      'if-match': String(before.etag),
    });
    expect(answer).toMatchObject({ status: 422, body: { code: 'INVALID_SPACE_CONFIG' } });
    expect(answer.body.errors).toEqual([{ field: 'path.spaceId', message: expect.any(String) }]);
    expect(await stackApi().get(path, regus)).toEqual(before);
  });
});

describe('deleting special days and closures', () => {
  it('reopens what a closure closed, at once; 204, then 404; If-Match as for every edit', async () => {
    const made = await addClosure(DESK, { date: '2026-12-01', from: '15:00', to: '16:00' });
    expect(await openSlots(DESK, '2026-12-01')).not.toContain('15:00');
    const path = `${calendarPath(DESK)}/closures/${made.body.closureId}`;
    expect(await stackApi().delete(path, tw('full'))).toMatchObject({
      status: 428,
      body: { code: 'PRECONDITION_REQUIRED' },
    });
    expect(await stackApi().delete(path, tw('full'), { 'if-match': '"1"' })).toMatchObject({
      status: 412,
      body: { code: 'VERSION_MISMATCH' },
    });
    expect(await stackApi().delete(path, h1t('full'), await ifMatch(DESK))).toMatchObject({ status: 404 });
    const deleted = await stackApi().delete(path, tw('full'), await ifMatch(DESK));
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(await openSlots(DESK, '2026-12-01')).toContain('15:00');
    const listed = (await calendar(DESK)).body.closures.map((c: { closureId: string }) => c.closureId);
    expect(listed).not.toContain(made.body.closureId);
    expect(await stackApi().delete(path, tw('full'), await ifMatch(DESK))).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });

  it('closes a special day again, unless a booking holds it (409 naming it)', async () => {
    const path = `${calendarPath(DESK)}/special-days/2026-12-06`;
    expect(
      (await stackApi().put(path, { open: '10:00', close: '14:00' }, tw('full'), await ifMatch(DESK))).status,
    ).toBe(200);
    const booked = await book(DESK, '2026-12-06', '11:00', '12:00');
    expect(booked.status).toBe(201);
    const before = await calendar(DESK);
    expect(await stackApi().delete(path, tw('full'), await ifMatch(DESK))).toMatchObject({
      status: 409,
      body: { code: 'CALENDAR_CONFLICT', conflicts: [booked.body.number] },
    });
    expect(await calendar(DESK)).toEqual(before);
    expect((await stackApi().post(`/v1/reservations/${booked.body.id}/cancel`, {}, member)).status).toBe(200);
    expect((await stackApi().delete(path, tw('full'), await ifMatch(DESK))).status).toBe(204);
    expect(await openSlots(DESK, '2026-12-06')).toEqual([]);
    expect((await stackApi().delete(path, tw('full'), await ifMatch(DESK))).status).toBe(404);
  });
});

describe('a change that would strand held bookings', () => {
  it('is 409 CALENDAR_CONFLICT naming their numbers, changes nothing, and passes once they are settled', async () => {
    const booked = await book(DESK, '2026-11-26', '18:00', '19:00');
    expect(booked.status).toBe(201);
    const number = booked.body.number as string;
    const before = await calendar(DESK);
    const earlier = { ...WEEKDAYS_9_21, thu: { open: '09:00', close: '18:00' } };
    const refused = await setHours(DESK, earlier);
    expect(refused).toMatchObject({ status: 409, body: { code: 'CALENDAR_CONFLICT', conflicts: [number] } });
    expect(refused.body.detail).toContain(number);
    const closing = await addClosure(DESK, { date: '2026-11-26', from: '18:30', to: '19:00' });
    expect(closing).toMatchObject({ status: 409, body: { code: 'CALENDAR_CONFLICT', conflicts: [number] } });
    // nothing changed, not even the version: what the partner read is still true
    expect(await calendar(DESK)).toEqual(before);
    expect((await openSlots(DESK, '2026-11-26')).at(-1)).toBe('20:45');
    // the partner settles the booking (here the member cancels it), then the change passes
    expect((await stackApi().post(`/v1/reservations/${booked.body.id}/cancel`, {}, member)).status).toBe(200);
    const passed = await setHours(DESK, earlier);
    expect(passed.status).toBe(200);
    expect((await openSlots(DESK, '2026-11-26')).at(-1)).toBe('17:45');
    expect(await book(DESK, '2026-11-26', '18:00', '19:00')).toMatchObject({
      status: 422,
      body: { code: 'OUTSIDE_BUSINESS_HOURS' },
    });
    expect((await setHours(DESK, WEEKDAYS_9_21)).status).toBe(200);
  });

  it('while it is being checked, a booking must fit it too; a booking decided before it is decided again', async () => {
    const spaces = new SpaceRepository(tableContext().doc, tableContext().tableName);
    const before = await calendar(DESK);
    const space = await spaces.getSpace(DESK);
    if (!space) throw new Error('no desk');
    const closedFriday = { ...space.calendar, closures: [{ date: '2026-11-27', allDay: true as const }] };
    // a change in flight (begun, not ended): the desk is still open on Friday for readers…
    expect(await spaces.beginCalendarChange(DESK, space.calendarVersion, closedFriday, Date.parse(NOW))).toBe(true);
    expect(await openSlots(DESK, '2026-11-27')).toContain('10:00');
    // …but no booking there can be made until the change ends
    expect(await book(DESK, '2026-11-27', '10:00', '11:00')).toMatchObject({
      status: 422,
      body: { code: 'OUTSIDE_BUSINESS_HOURS' },
    });
    // a booking's transaction decided on the calendar before the change is stale (its guard)
    const { doc } = tableContext();
    expect(await transact(doc, [spaces.calendarGuard(DESK, space.calendarVersion)])).toEqual({
      ok: false,
      failed: 'stale',
    });
    expect(await transact(doc, [spaces.calendarGuard(DESK, space.calendarVersion + 1)])).toEqual({ ok: true });
    // refused: the calendar and its version are as before, and the booking goes through
    expect(await spaces.endCalendarChange(DESK, space.calendarVersion + 1, null)).toBe(true);
    expect(await calendar(DESK)).toEqual(before);
    const booked = await book(DESK, '2026-11-27', '10:00', '11:00');
    expect(booked.status).toBe(201);
    // the booking's transaction carries the guard: decided on an older calendar version, it is not written
    const stored = await reservationRepository().get(booked.body.id);
    if (!stored) throw new Error('no reservation');
    const holder = await membershipDeps().members.getMember(stored.memberId);
    if (!holder) throw new Error('no member');
    const copy = { ...stored, reservationId: `${stored.reservationId}-copy`, number: 'R-0000-0000-0001' };
    const limits = { member: null, company: null, daily: null };
    const write = (calendarVersion: number) =>
      reservationRepository().create(
        copy,
        [],
        { capacity: space.capacity, calendarVersion },
        holder.holdsVersion,
        limits,
      );
    expect(await write(space.calendarVersion - 1)).toEqual({ ok: false, failed: 'stale' });
    expect(await reservationRepository().get(copy.reservationId)).toBeUndefined();
    // the same write on the calendar in force goes through (the guard was what refused it)
    expect(await write(space.calendarVersion)).toEqual({ ok: true });
  });
});

describe('If-Match and bad input', () => {
  it('is 428 without If-Match and 412 on a stale version: of two operators, one wins, nothing of the other is written', async () => {
    const path = `${calendarPath(DESK)}/hours`;
    expect(await stackApi().put(path, WEEKDAYS_9_21, tw('full'))).toMatchObject({
      status: 428,
      body: { code: 'PRECONDITION_REQUIRED' },
    });
    const read = await calendar(DESK);
    const first = await stackApi().put(path, { ...WEEKDAYS_9_21, sat: { open: '10:00', close: '16:00' } }, tw('full'), {
      'if-match': String(read.etag),
    });
    expect(first.status).toBe(200);
    const second = await stackApi().put(
      path,
      { ...WEEKDAYS_9_21, sun: { open: '10:00', close: '16:00' } },
      tw('full'),
      {
        'if-match': String(read.etag),
      },
    );
    expect(second).toMatchObject({ status: 412, body: { code: 'VERSION_MISMATCH' } });
    const after = await calendar(DESK);
    expect(after.body.hours.sat).toEqual({ open: '10:00', close: '16:00' });
    expect(after.body.hours.sun).toBeNull();
    expect((await setHours(DESK, WEEKDAYS_9_21)).status).toBe(200);
  });

  it.each([
    ['a time off the grid', { mon: { open: '09:10', close: '21:00' } }, 422, 'body.mon.open'],
    ['a close not after its open', { tue: { open: '21:00', close: '09:00' } }, 422, 'body.tue.close'],
    ['an unknown weekday', { monday: { open: '09:00', close: '21:00' } }, 400, 'body.monday'],
    ['a time that is not one', { wed: { open: '9時', close: '21:00' } }, 400, 'body.wed.open'],
  ])('refuses hours with %s, naming the field, and writes nothing', async (_, hours, status, field) => {
    const before = await calendar(DESK);
    const answer = await setHours(DESK, hours);
    expect(answer.status).toBe(status);
    expect(answer.body.code).toBe(status === 400 ? 'VALIDATION_FAILED' : 'INVALID_SPACE_CONFIG');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await calendar(DESK)).toEqual(before);
  });

  it.each([
    ['a past date', { date: '2026-11-23' }, 422, 'body.date'],
    ['times off the grid', { date: '2026-12-01', from: '10:10', to: '11:00' }, 422, 'body.from'],
    ['from without to', { date: '2026-12-01', from: '10:00' }, 400, 'body.from'],
    ['an impossible date', { date: '2026-02-30' }, 400, 'body.date'],
  ])('refuses a closure with %s, naming the field, and writes nothing', async (_, closure, status, field) => {
    const before = await calendar(DESK);
    const answer = await addClosure(DESK, closure);
    expect(answer.status).toBe(status);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await calendar(DESK)).toEqual(before);
  });

  it('lets only full operators change a calendar, and no other partner’s', async () => {
    const before = await calendar(DESK);
    for (const [who, token, status] of [
      ['staff', tw('staff'), 403],
      ['usage', tw('usage'), 403],
      ['another partner', h1t('full'), 404],
    ] as const) {
      const answer = await stackApi().post(`${calendarPath(DESK)}/closures`, { date: '2026-12-03' }, token);
      expect(answer.status, who).toBe(status);
    }
    expect(await calendar(DESK)).toEqual(before);
  });
});
