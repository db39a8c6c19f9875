/**
 * Facility, space and time fixtures for the core tests. Every facility is in Asia/Tokyo.
 *
 * June 2024: Mon 10, Tue 11, Wed 12, Thu 13, Fri 14, Sat 15, Sun 16 (and Sun 9).
 */
import { DateTime } from 'luxon';
import type { Facility, FacilityCalendar, Instant, Space } from '../../../lambdas/domain/model';

export const ZONE = 'Asia/Tokyo';
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** The instant of a Tokyo wall-clock time, e.g. `tokyo('2024-06-10T14:00')`. */
export function tokyo(local: string): Instant {
  const dt = DateTime.fromISO(local, { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad fixture time ${local}`);
  return dt.toMillis();
}

/** Tokyo wall-clock text of an instant (for readable failures). */
export function tokyoText(t: Instant): string {
  return DateTime.fromMillis(t, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
}

/**
 * Weekdays 09:00–18:00, Saturday 10:00–17:00, Sunday closed; special open Sunday 2024-06-16 10:00–15:00;
 * special hours Friday 2024-06-14 12:00–20:00; closed all day Wednesday 2024-06-12; closed 12:00–13:00
 * Thursday 2024-06-13.
 */
export const officeCalendar: FacilityCalendar = {
  timeZone: ZONE,
  regularHours: [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, open: '09:00', close: '18:00' }))
    .concat([{ weekday: 6, open: '10:00', close: '17:00' }]),
  specialOpenDays: [
    { date: '2024-06-16', open: '10:00', close: '15:00' },
    { date: '2024-06-14', open: '12:00', close: '20:00' },
  ],
  closures: [
    { date: '2024-06-12', allDay: true },
    { date: '2024-06-13', from: '12:00', to: '13:00' },
  ],
};

/** Open 00:00–24:00 every day, except a closure 2024-06-20 00:00–06:00. */
export const allDayCalendar: FacilityCalendar = {
  timeZone: ZONE,
  regularHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' })),
  specialOpenDays: [],
  closures: [{ date: '2024-06-20', from: '00:00', to: '06:00' }],
};

/** A published H1T-like facility on `officeCalendar`. */
export function makeFacility(overrides: Partial<Facility> = {}): Facility {
  return {
    facilityId: 'fac-1',
    version: 1,
    partnerId: 'partner-1',
    name: 'H1T 両国',
    brand: 'H1T',
    kind: 'reservation',
    address: { prefecture: '東京都', city: '墨田区', line: '両国1-1-1' },
    location: { lat: 35.6965, lng: 139.7932 },
    nearestStations: ['両国'],
    amenities: ['Wi-Fi'],
    publishFrom: null,
    publishUntil: null,
    notificationEmails: ['ops@example.com'],
    checkInMethod: 'app',
    dailyCheckInLimit: 5,
    basicPlanAllowed: true,
    calendar: officeCalendar,
    doors: [{ doorId: 'door-1', name: 'Front', keyType: 'smartLock' }],
    ...overrides,
  };
}

/** An instant-booking seat: window 0–7 days, 300 yen / 15 min, 60-minute uses, H1T check-in (5 min). */
export function makeSpace(overrides: Partial<Space> = {}): Space {
  return {
    spaceId: 'space-1',
    version: 1,
    facilityId: 'fac-1',
    name: 'BOX席',
    type: 'seat',
    status: 'active',
    bookingType: 'instant',
    bookableFrom: null,
    bookableUntil: null,
    windowDaysFrom: 0,
    windowDaysTo: 7,
    price15: 300,
    priceDay: null,
    minBookingMinutes: 15,
    perCheckInLimitMinutes: 60,
    capacity: 2,
    checkInOpensMinutesBefore: 5,
    extension: { allowed: true, opensMinutesBeforeEnd: 15 },
    cancellationFees: [],
    options: [],
    doorIds: ['door-1'],
    ...overrides,
  };
}

/** H1T: check-in 5 minutes before, 2-hour uses, extension from 15 minutes before the deadline (002). */
export const h1tSpace = makeSpace({ name: 'H1T 個室', perCheckInLimitMinutes: 120, capacity: 1 });

/** いいオフィス: check-in only from the start. */
export const iiOfficeSpace = makeSpace({ name: 'いいオフィス 席', checkInOpensMinutesBefore: 0 });

/** A TIMEWORK request space: from tomorrow, no extension, fees (0 days, 100 %) and (3 days, 30 %). */
export const requestSpace = makeSpace({
  name: '個人用ブースA',
  bookingType: 'request',
  windowDaysFrom: 1,
  windowDaysTo: 30,
  extension: { allowed: false, opensMinutesBeforeEnd: null },
  cancellationFees: [
    { daysBefore: 0, percent: 100 },
    { daysBefore: 3, percent: 30 },
  ],
});

/** A meeting room with options. */
export const meetingRoom = makeSpace({
  name: '会議室A',
  type: 'meetingRoom',
  capacity: 1,
  minBookingMinutes: 30,
  priceDay: 10_000,
  options: [
    { optionId: 'projector', name: 'プロジェクター', unitPrice: 1_000, maxQuantity: 1 },
    { optionId: 'chair', name: '追加椅子', unitPrice: 200, maxQuantity: 4 },
  ],
});
