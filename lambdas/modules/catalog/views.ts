/** Facilities and spaces as the API shows them (api.md): instants in the facility's zone. */
import type {
  FacilityResponse,
  FacilitySummaryResponse,
  PhotoResponse,
  SpaceResponse,
} from '../../../contracts/http/catalog';
import { toZonedIso } from '../../domain/format';
import type { Facility, FacilityCalendar, Space } from '../../domain/model';

const hoursView = (calendar: FacilityCalendar) => ({
  timeZone: calendar.timeZone,
  regular: calendar.regularHours,
  specialOpenDays: calendar.specialOpenDays,
  closures: calendar.closures,
});

export function facilitySummaryView(facility: Facility, distanceM: number | null): FacilitySummaryResponse {
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
    hours: facility.calendar.regularHours,
    ...(distanceM === null ? {} : { distanceM: Math.round(distanceM) }),
  };
}

/** A space as the API shows it; its bookable period as instants in the facility's zone. */
export function spaceView(space: Space, zone: string): SpaceResponse {
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

/** A facility as members see it: its active spaces, and the photos given (`photosOf`). */
export function facilityView(
  facility: Facility,
  spaces: readonly Space[],
  photos: readonly PhotoResponse[],
): FacilityResponse {
  const zone = facility.calendar.timeZone;
  return {
    ...facilitySummaryView(facility, null),
    partnerId: facility.partnerId,
    checkInMethod: facility.checkInMethod,
    dailyCheckInLimit: facility.dailyCheckInLimit,
    publishFrom: facility.publishFrom === null ? null : toZonedIso(facility.publishFrom, zone),
    publishUntil: facility.publishUntil === null ? null : toZonedIso(facility.publishUntil, zone),
    hours: hoursView(facility.calendar),
    doors: facility.doors,
    spaces: spaces.filter((s) => s.status === 'active').map((s) => spaceView(s, zone)),
    photos: [...photos],
  };
}
