/** The catalog module: facilities, spaces and their search. What other modules may use of it. */
export { FacilityRepository, facilityKey } from './data/facility';
export { type OperatorRecord, OperatorRepository } from './data/operator';
export { type PartnerRecord, PartnerRepository } from './data/partner';
export { SpaceRepository, spaceKey } from './data/space';
export { type CatalogDeps, catalogDeps } from './deps';
export { routes } from './routes';
export { type CatalogReads, spaceWithFacility } from './service';
