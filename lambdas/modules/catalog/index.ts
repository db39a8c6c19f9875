/** The catalog module: facilities, spaces, partners and their operators. What other modules may use of it. */
export { DoorRegistry } from './data/door';
export { FacilityRepository, facilityKey } from './data/facility';
export { OperatorRepository } from './data/operator';
export { type PartnerRecord, PartnerRepository } from './data/partner';
export { type Photo, PhotoRepository } from './data/photo';
export { qrCodeKey, SpaceRepository, spaceKey } from './data/space';
export { type CatalogDeps, catalogDeps } from './deps';
export { routes } from './routes';
export { type CatalogReads, type PhotoReads, photosOf, spaceWithFacility } from './service';
export { closureTimesView, memberCalendarView, weekView } from './views';
