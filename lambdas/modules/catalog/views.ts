/** Facilities and spaces as the API shows them (api.md): instants in the facility's zone. */
import { type MemberCalendarResponse, WEEKDAYS } from '../../../contracts/http/calendar';
import type {
  FacilityResponse,
  FacilitySummaryResponse,
  PhotoResponse,
  SpaceResponse,
} from '../../../contracts/http/catalog';
import { addDays, localDateOf } from '../../domain/calendar';
import { toZonedIso } from '../../domain/format';
import type {
  Closure,
  Congestion,
  Facility,
  Instant,
  LocalDate,
  Space,
  SpaceCalendar,
  WeeklyHours,
} from '../../domain/model';
import { facilityCongestion } from './rules/congestion';
import { facilityCalendar } from './rules/search';

/** How far ahead members see closures (004 §2-5-3: the coming month under the hours). */
export const MEMBER_CLOSURE_DAYS = 31;

/**
 * The week as api.md shows it, `mon` … `sun`: each weekday's hours or `null` (closed). The routes write one entry
 * per weekday; were there several, the first is shown.
 */
export const weekView = (hours: readonly WeeklyHours[]) =>
  Object.fromEntries(
    WEEKDAYS.map((day, i) => {
      const entry = hours.find((h) => h.weekday === i + 1);
      return [day, entry ? { open: entry.open, close: entry.close } : null];
    }),
  ) as MemberCalendarResponse['hours'];

/** A closure's times as api.md shows them: all day, or `[from, to)`. */
export const closureTimesView = (c: Closure) =>
  c.allDay === true ? { allDay: true as const } : { allDay: false as const, from: c.from, to: c.to };

/** The dates a member sees special days (from today on) and closures (the coming month) of. */
const memberDates = (now: Instant, timeZone: string) => {
  const today = localDateOf(now, timeZone);
  return { today, closuresUntil: addDays(today, MEMBER_CLOSURE_DAYS) };
};

/** A calendar as members see it: no partner titles, special days from today on, closures of the coming month. */
export function memberCalendarView(
  calendar: SpaceCalendar,
  dates: { today: LocalDate; closuresUntil: LocalDate },
): MemberCalendarResponse {
  return {
    hours: weekView(calendar.regularHours),
    specialDays: calendar.specialOpenDays
      .filter((d) => d.date >= dates.today)
      .map((d) => ({ date: d.date, open: d.open, close: d.close })),
    closures: calendar.closures
      .filter((c) => c.date >= dates.today && c.date <= dates.closuresUntil)
      .map((c) => ({ date: c.date, ...closureTimesView(c) })),
  };
}

/**
 * A facility in a search: its hours are the union of its active spaces' (domain-rules §2); its congestion at `now`
 * the worst of its open spaces' (rules/congestion.ts).
 */
export function facilitySummaryView(
  facility: Facility,
  spaces: readonly Space[],
  distanceM: number | null,
  now: Instant,
): FacilitySummaryResponse {
  const congestion = facilityCongestion(facility, spaces, now);
  return {
    facilityId: facility.facilityId,
    name: facility.name,
    brand: facility.brand,
    kind: facility.kind,
    address: facility.address,
    location: facility.location,
    nearestStations: facility.nearestStations,
    amenities: facility.amenities,
    basicPlanAllowed: facility.basicPlanAllowed,
    hours: facilityCalendar(spaces).regularHours,
    ...(distanceM === null ? {} : { distanceM: Math.round(distanceM) }),
    ...(congestion ? { congestion } : {}),
  };
}

/** An open space's congestion: when it was set in the facility's zone. */
export const congestionView = (congestion: Congestion, zone: string) => ({
  level: congestion.level,
  comment: congestion.comment,
  updatedAt: toZonedIso(congestion.updatedAt, zone),
});

/** A space as the API shows it; its bookable period as instants in the facility's zone. */
export function spaceView(
  space: Space,
  zone: string,
  dates: { today: LocalDate; closuresUntil: LocalDate },
): SpaceResponse {
  return {
    spaceId: space.spaceId,
    name: space.name,
    type: space.type,
    bookingType: space.bookingType,
    capacity: space.capacity,
    price15: space.price15,
    priceDay: space.priceDay,
    minBookingMinutes: space.minBookingMinutes,
    perCheckInLimitMinutes: space.perCheckInLimitMinutes,
    windowDaysFrom: space.windowDaysFrom,
    windowDaysTo: space.windowDaysTo,
    bookableFrom: space.bookableFrom === null ? null : toZonedIso(space.bookableFrom, zone),
    bookableUntil: space.bookableUntil === null ? null : toZonedIso(space.bookableUntil, zone),
    checkInOpensMinutesBefore: space.checkInOpensMinutesBefore,
    extension: space.extension,
    externalLink: space.externalLink ?? false,
    cancellationFees: space.cancellationFees,
    options: space.options,
    doorIds: space.doorIds,
    ...(space.qrValue ? { qrValue: space.qrValue } : {}),
    calendar: memberCalendarView(space.calendar, dates),
    ...(space.type === 'openSpace'
      ? { congestion: space.congestion ? congestionView(space.congestion, zone) : null }
      : {}),
  };
}

/** A photo with its presigned GET. */
export function photoView(
  photo: { photoId: string; spaceId?: string; top: boolean; contentType: string },
  url: string,
): PhotoResponse {
  return {
    photoId: photo.photoId,
    ...(photo.spaceId ? { spaceId: photo.spaceId } : {}),
    top: photo.top,
    contentType: photo.contentType,
    url,
  };
}

/** A facility as members see it: its active spaces with their calendars, and the photos given (`photosOf`). */
export function facilityView(
  facility: Facility,
  spaces: readonly Space[],
  photos: readonly PhotoResponse[],
  now: Instant,
): FacilityResponse {
  const zone = facility.timeZone;
  const dates = memberDates(now, zone);
  const united = facilityCalendar(spaces);
  const shown = memberCalendarView(united, dates);
  return {
    ...facilitySummaryView(facility, spaces, null, now),
    partnerId: facility.partnerId,
    checkInMethod: facility.checkInMethod,
    dailyCheckInLimit: facility.dailyCheckInLimit,
    publishFrom: facility.publishFrom === null ? null : toZonedIso(facility.publishFrom, zone),
    publishUntil: facility.publishUntil === null ? null : toZonedIso(facility.publishUntil, zone),
    hours: {
      timeZone: zone,
      regular: united.regularHours,
      specialOpenDays: shown.specialDays,
      closures: shown.closures,
    },
    doors: facility.doors,
    spaces: spaces.filter((s) => s.status === 'active').map((s) => spaceView(s, zone, dates)),
    photos: [...photos],
  };
}
