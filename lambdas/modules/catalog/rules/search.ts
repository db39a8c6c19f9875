import { isPublished } from '../../../domain/booking-rules';
import { unitedCalendar } from '../../../domain/calendar';
import type { Facility, FacilityKind, LocalTime, Space, SpaceCalendar, WeeklyHours } from '../../../domain/model';

/** Search filters of `GET /v1/facilities` (001 絞り込み検索). */
export interface FacilitySearch {
  kind?: FacilityKind;
  prefecture?: string;
  near?: { lat: number; lng: number; radiusM: number };
  amenities?: readonly string[];
  /** Opens at or before 09:00 on some day (朝から利用可能, 9:00以前に開店). */
  openEarly?: boolean;
  /** Open after 18:00 on some day (遅くでも利用可能, 18:00以降も開店). */
  openLate?: boolean;
  /** Open on Saturday or Sunday (土日も利用可能). */
  weekends?: boolean;
  /** Has a space with no per-check-in time limit (利用制限時間なし). */
  noTimeLimit?: boolean;
}

export const OPEN_EARLY_BY: LocalTime = '09:00';
export const OPEN_LATE_AFTER: LocalTime = '18:00';
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The search tab each kind of space offers (001 検索方法: drop-in, seats and rooms, meeting rooms). */
const TAB_OF_SPACE: Readonly<Record<Space['type'], FacilityKind>> = {
  openSpace: 'dropin',
  seat: 'reservation',
  meetingRoom: 'meeting',
};

/** The tabs a facility appears under: one for every kind of active space it has (domain-rules §3). */
export function tabsOf(spaces: readonly Space[]): Set<FacilityKind> {
  return new Set(spaces.filter((s) => s.status === 'active').map((s) => TAB_OF_SPACE[s.type]));
}

/** The hours a facility shows: the union of its active spaces' calendars (domain-rules §2). */
export const facilityCalendar = (spaces: readonly Space[]): SpaceCalendar =>
  unitedCalendar(spaces.filter((s) => s.status === 'active').map((s) => s.calendar));

/**
 * Facilities matching every given filter, published at `now`, with their distance when a point is given
 * (sorted nearest first; otherwise by id). `spacesOf` gives a facility's spaces: the tabs of `kind` and
 * `noTimeLimit` look at them.
 */
export function searchFacilities(
  facilities: readonly Facility[],
  filters: FacilitySearch,
  now: number,
  spacesOf: (facilityId: string) => readonly Space[] = () => [],
): Array<{ facility: Facility; distanceM: number | null }> {
  // a facility's hours are united once, however many filters read them
  const united = new Map<string, { all: Array<{ open: LocalTime; close: LocalTime }>; weekly: WeeklyHours[] }>();
  const hoursOf = (f: Facility) => {
    let hours = united.get(f.facilityId);
    if (!hours) {
      const calendar = facilityCalendar(spacesOf(f.facilityId));
      hours = { all: [...calendar.regularHours, ...calendar.specialOpenDays], weekly: calendar.regularHours };
      united.set(f.facilityId, hours);
    }
    return hours;
  };
  const matches = facilities
    .filter((f) => isPublished(f, now))
    .filter((f) => filters.kind === undefined || tabsOf(spacesOf(f.facilityId)).has(filters.kind))
    .filter((f) => filters.prefecture === undefined || f.address.prefecture === filters.prefecture)
    .filter((f) => (filters.amenities ?? []).every((a) => f.amenities.includes(a)))
    .filter((f) => !filters.openEarly || hoursOf(f).all.some((h) => h.open <= OPEN_EARLY_BY))
    .filter((f) => !filters.openLate || hoursOf(f).all.some((h) => h.close > OPEN_LATE_AFTER))
    .filter((f) => !filters.weekends || hoursOf(f).weekly.some((h) => h.weekday >= 6))
    .filter((f) => !filters.noTimeLimit || spacesOf(f.facilityId).some((s) => s.perCheckInLimitMinutes === null))
    .map((facility) => ({ facility, distanceM: filters.near ? distanceM(filters.near, facility.location) : null }))
    .filter((m) => !filters.near || (m.distanceM ?? 0) <= filters.near.radiusM);
  return matches.sort((a, b) =>
    a.distanceM !== null && b.distanceM !== null
      ? a.distanceM - b.distanceM
      : a.facility.facilityId.localeCompare(b.facility.facilityId),
  );
}
