/** Reading the catalogue: what members may see of facilities and spaces. */
import type { Facility, Space } from '../../domain/model';
import type { FacilityRepository } from './data/facility';
import type { SpaceRepository } from './data/space';

export interface CatalogReads {
  facilities: Pick<FacilityRepository, 'getFacility'>;
  spaces: Pick<SpaceRepository, 'getSpace'>;
}

/** A space and its facility: one round trip after the space is known. */
export async function spaceWithFacility(
  deps: CatalogReads,
  spaceId: string,
): Promise<{ space: Space; facility: Facility } | undefined> {
  const space = await deps.spaces.getSpace(spaceId);
  if (!space) return undefined;
  const facility = await deps.facilities.getFacility(space.facilityId);
  return facility ? { space, facility } : undefined;
}
