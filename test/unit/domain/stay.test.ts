import { describe, expect, it } from 'vitest';
import type { ReservationStatus, Space } from '../../../lambdas/domain/model';
import {
  checkCheckIn,
  checkExtension,
  checkInWindow,
  checkoutReleaseFrom,
  FORCED_CHECKOUT_DELAY_MS,
  forcedCheckoutAt,
} from '../../../lambdas/domain/stay';
import {
  allDayCalendar,
  h1tSpace,
  iiOfficeSpace,
  MIN,
  makeSpace,
  officeCalendar,
  requestSpace,
  tokyo,
  ZONE,
} from '../../fixtures/domain';

const codeOf = (v: { ok: boolean; code?: string }) => (v.ok ? 'OK' : v.code);
const start = tokyo('2024-06-10T10:00');
const end = tokyo('2024-06-10T11:00');

describe('check-in (§5: from checkInOpensMinutesBefore the start until the end)', () => {
  it.each([
    ['H1T, 6 minutes before', h1tSpace, '09:54', 'CHECK_IN_NOT_OPEN'],
    ['H1T, 5 minutes 1 ms before', h1tSpace, '09:54:59.999', 'CHECK_IN_NOT_OPEN'],
    ['H1T, 5 minutes before', h1tSpace, '09:55', 'OK'],
    ['H1T, at the start', h1tSpace, '10:00', 'OK'],
    ['H1T, last millisecond', h1tSpace, '10:59:59.999', 'OK'],
    ['H1T, at the end', h1tSpace, '11:00', 'CHECK_IN_NOT_OPEN'],
    ['いいオフィス, 1 minute before', iiOfficeSpace, '09:59', 'CHECK_IN_NOT_OPEN'],
    ['いいオフィス, 1 ms before', iiOfficeSpace, '09:59:59.999', 'CHECK_IN_NOT_OPEN'],
    ['いいオフィス, at the start', iiOfficeSpace, '10:00', 'OK'],
    ['いいオフィス, mid-booking', iiOfficeSpace, '10:30', 'OK'],
  ])('%s (%s) → %s', (_label, space, now, expected) => {
    expect(codeOf(checkCheckIn({ now: tokyo(`2024-06-10T${now}`), start, end, space }))).toBe(expected);
  });

  it('checkInWindow', () => {
    expect(checkInWindow(h1tSpace, start, end)).toEqual({ opensAt: start - 5 * MIN, closesAt: end });
    expect(checkInWindow(iiOfficeSpace, start, end)).toEqual({ opensAt: start, closesAt: end });
  });
});

describe('forced checkout and release (§5)', () => {
  it('happens 5 minutes after the deadline', () => {
    expect(FORCED_CHECKOUT_DELAY_MS).toBe(5 * MIN);
    expect(forcedCheckoutAt(end)).toBe(tokyo('2024-06-10T11:05'));
  });

  it.each([
    ['10:37', '10:45'],
    ['10:45', '10:45'],
    ['10:45:00.001', '11:00'],
    ['10:30:59', '10:45'],
  ])('checkout at %s frees the seat from %s', (now, from) => {
    expect(checkoutReleaseFrom(tokyo(`2024-06-10T${now}`), ZONE)).toBe(tokyo(`2024-06-10T${from}`));
  });
});

describe('checkExtension (§5)', () => {
  const base = {
    now: tokyo('2024-06-10T13:50'),
    space: h1tSpace,
    status: 'checkedIn' as ReservationStatus,
    start: tokyo('2024-06-10T09:00'),
    end: tokyo('2024-06-10T14:00'),
    minutes: 120,
    calendar: officeCalendar,
    freeUntil: null as number | null,
  };

  it('002 §6: 2-hour limit, extend 2 hours → +1 use', () => {
    expect(checkExtension(base)).toEqual({ ok: true, newEnd: tokyo('2024-06-10T16:00'), extraUses: 1 });
  });

  it.each<[string, Partial<typeof base>, number]>([
    ['2-hour limit, extend 15 minutes', { minutes: 15 }, 1],
    ['2-hour limit, extend 2 h 15 min', { minutes: 135 }, 2],
    ['60-minute limit, extend 90 minutes', { minutes: 90, space: makeSpace({ perCheckInLimitMinutes: 60 }) }, 2],
    ['no time limit', { minutes: 180, space: makeSpace({ perCheckInLimitMinutes: null }) }, 1],
  ])('%s → +%i', (_label, overrides, uses) => {
    const verdict = checkExtension({ ...base, ...overrides });
    expect(verdict.ok && verdict.extraUses).toBe(uses);
  });

  it.each<[string, Partial<typeof base>, string]>([
    ['request space', { space: requestSpace }, 'EXTENSION_NOT_ALLOWED'],
    [
      'instant space that disallows extension',
      { space: makeSpace({ extension: { allowed: false, opensMinutesBeforeEnd: null } }) },
      'EXTENSION_NOT_ALLOWED',
    ],
    [
      'space linked to an external system (004 p.21)',
      { space: makeSpace({ externalLink: true, extension: { allowed: true, opensMinutesBeforeEnd: null } }) },
      'EXTENSION_NOT_ALLOWED',
    ],
    [
      'space not linked to an external system',
      { space: makeSpace({ externalLink: false, extension: { allowed: true, opensMinutesBeforeEnd: null } }) },
      'OK',
    ],
    ['requested booking', { status: 'requested' }, 'INVALID_STATE'],
    ['checked-out booking', { status: 'checkedOut' }, 'INVALID_STATE'],
    ['confirmed booking', { status: 'confirmed' }, 'OK'],
    ['zero minutes', { minutes: 0 }, 'INVALID_DURATION'],
    ['negative minutes', { minutes: -15 }, 'INVALID_DURATION'],
    ['10 minutes', { minutes: 10 }, 'INVALID_DURATION'],
    ['fractional minutes', { minutes: 15.5 }, 'INVALID_DURATION'],
    ['more than 90 slots', { minutes: 91 * 15, calendar: allDayCalendar }, 'INVALID_DURATION'],
    ['at the deadline', { now: tokyo('2024-06-10T14:00') }, 'EXTENSION_NOT_ALLOWED'],
    ['H1T: 16 minutes before the deadline', { now: tokyo('2024-06-10T13:44') }, 'EXTENSION_NOT_ALLOWED'],
    ['H1T: 15 minutes before the deadline', { now: tokyo('2024-06-10T13:45') }, 'OK'],
    [
      'TIMEWORK: any time during the stay',
      {
        now: tokyo('2024-06-10T10:00'),
        space: makeSpace({ extension: { allowed: true, opensMinutesBeforeEnd: null } }),
      },
      'OK',
    ],
    [
      '004 p.21: days before the start (extension any time during the stay)',
      {
        now: tokyo('2024-06-07T10:00'),
        status: 'confirmed',
        space: makeSpace({ extension: { allowed: true, opensMinutesBeforeEnd: null } }),
      },
      'EXTENSION_NOT_ALLOWED',
    ],
    [
      '004 p.21: a minute before the start',
      {
        now: tokyo('2024-06-10T08:59'),
        status: 'confirmed',
        space: makeSpace({ extension: { allowed: true, opensMinutesBeforeEnd: null } }),
      },
      'EXTENSION_NOT_ALLOWED',
    ],
    [
      '004 p.21: at the start',
      {
        now: tokyo('2024-06-10T09:00'),
        status: 'confirmed',
        space: makeSpace({ extension: { allowed: true, opensMinutesBeforeEnd: null } }),
      },
      'OK',
    ],
    [
      'H1T window open but before a 10-minute booking starts',
      { start: tokyo('2024-06-10T13:50'), now: tokyo('2024-06-10T13:49'), status: 'confirmed' },
      'EXTENSION_NOT_ALLOWED',
    ],
    ['up to closing time', { end: tokyo('2024-06-10T17:00'), now: tokyo('2024-06-10T16:50'), minutes: 60 }, 'OK'],
    [
      'past closing time',
      { end: tokyo('2024-06-10T17:00'), now: tokyo('2024-06-10T16:50'), minutes: 75 },
      'EXTENSION_NOT_ALLOWED',
    ],
    [
      'into a timed closure',
      { end: tokyo('2024-06-13T11:30'), now: tokyo('2024-06-13T11:20'), minutes: 45 },
      'EXTENSION_NOT_ALLOWED',
    ],
    ['up to a timed closure', { end: tokyo('2024-06-13T11:30'), now: tokyo('2024-06-13T11:20'), minutes: 30 }, 'OK'],
    [
      'booking ended inside a closure registered later',
      { end: tokyo('2024-06-13T12:30'), now: tokyo('2024-06-13T12:20'), minutes: 15 },
      'EXTENSION_NOT_ALLOWED',
    ],
    ['up to the next booking', { freeUntil: tokyo('2024-06-10T16:00') }, 'OK'],
    ['past the next booking', { freeUntil: tokyo('2024-06-10T15:45') }, 'EXTENSION_NOT_ALLOWED'],
    [
      '00:00–24:00 facility across midnight',
      { calendar: allDayCalendar, end: tokyo('2024-06-10T23:45'), now: tokyo('2024-06-10T23:40'), minutes: 120 },
      'OK',
    ],
    [
      '00:00–24:00 facility into a closure',
      { calendar: allDayCalendar, end: tokyo('2024-06-19T23:45'), now: tokyo('2024-06-19T23:40'), minutes: 30 },
      'EXTENSION_NOT_ALLOWED',
    ],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(codeOf(checkExtension({ ...base, ...overrides }))).toBe(expected);
  });

  it('a refusal carries a detail', () => {
    const verdict = checkExtension({ ...base, space: { ...h1tSpace, bookingType: 'request' } as Space });
    expect(verdict).toEqual({ ok: false, code: 'EXTENSION_NOT_ALLOWED', detail: expect.any(String) });
  });
});
