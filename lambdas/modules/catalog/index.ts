/** The catalog module: facilities, spaces and partners. What other modules may use of it. */
export { DoorRegistry } from './data/door';
export { FacilityRepository, facilityKey } from './data/facility';
export { type PartnerProfileFields, type PartnerRecord, PartnerRepository } from './data/partner';
export { type Photo, PhotoRepository } from './data/photo';
export { qrCodeKey, SpaceRepository, spaceKey } from './data/space';
export { type CatalogDeps, catalogDeps } from './deps';
export { routes } from './routes';
export { facilityCongestion, openSpaceCongestion, worseCongestion } from './rules/congestion';
export { type CatalogReads, type PhotoReads, photosOf, placeOf, spaceWithFacility } from './service';
export { closureTimesView, congestionView, memberCalendarView, weekView } from './views';
