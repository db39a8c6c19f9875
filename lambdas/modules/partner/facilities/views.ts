/** A facility as its partner's operators see it (api.md `OperatorFacility`). */
import type { PhotoResponse } from '../../../../contracts/http/catalog';
import type { OperatorFacilityResponse } from '../../../../contracts/http/partner-facilities';
import { toZonedIso } from '../../../domain/format';
import type { Facility, Space } from '../../../domain/model';

/** A facility with its spaces and, but in the list, all its photos (the catalog's `photosOf`). */
export function operatorFacilityView(
  facility: Facility,
  spaces: readonly Space[],
  photos?: readonly PhotoResponse[],
): OperatorFacilityResponse {
  const zone = facility.timeZone;
  return {
    facilityId: facility.facilityId,
    version: facility.version,
    partnerId: facility.partnerId,
    name: facility.name,
    nameKana: facility.nameKana ?? null,
    brand: facility.brand,
    kind: facility.kind,
    postalCode: facility.postalCode ?? null,
    address: { prefecture: facility.address.prefecture, city: facility.address.city, street: facility.address.line },
    location: facility.location,
    contact: facility.contact ?? null,
    url: facility.url ?? null,
    description: facility.description ?? null,
    amenities: facility.amenities,
    stations:
      facility.stations ??
      facility.nearestStations.map((station) => ({ line: '', station, walkMinutes: 0, walkMeters: 0 })),
    publishFrom: facility.publishFrom === null ? null : toZonedIso(facility.publishFrom, zone),
    publishUntil: facility.publishUntil === null ? null : toZonedIso(facility.publishUntil, zone),
    notificationEmails: facility.notificationEmails,
    checkInMethod: facility.checkInMethod,
    dailyCheckInLimit: facility.dailyCheckInLimit,
    basicPlanAllowed: facility.basicPlanAllowed,
    ...(photos ? { photos: [...photos] } : {}),
    spaces: spaces.map((s) => ({
      spaceId: s.spaceId,
      name: s.name,
      type: s.type,
      status: s.status,
      bookingType: s.bookingType,
    })),
  };
}
