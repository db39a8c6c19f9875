/** Reading the catalogue: what members may see of facilities and spaces, and the facilities' photos. */
import type { FacilityResponse, PhotoResponse } from '../../../contracts/http/catalog';
import { isPublished } from '../../domain/booking-rules';
import type { Facility, Space } from '../../domain/model';
import type { FileStore } from '../../platform/ports';
import { notFound } from '../../platform/problems';
import type { FacilityRepository } from './data/facility';
import type { Photo, PhotoRepository } from './data/photo';
import type { SpaceRepository } from './data/space';
import { inShowingOrder, photosForMembers } from './rules/photos';
import { facilityView, photoView } from './views';

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

/**
 * The space and the facility a reservation (or a message about one) names, read at once: one round trip. Either is
 * undefined when it is gone; what that means is the caller's to say.
 */
export async function placeOf(
  deps: CatalogReads,
  named: { spaceId: string; facilityId: string },
): Promise<{ space: Space | undefined; facility: Facility | undefined }> {
  const [space, facility] = await Promise.all([
    deps.spaces.getSpace(named.spaceId),
    deps.facilities.getFacility(named.facilityId),
  ]);
  return { space, facility };
}

/** What reading a facility's photos takes: the photo items, and the photos bucket to presign their downloads. */
export interface PhotoReads {
  photos: Pick<PhotoRepository, 'ofFacility'>;
  files: Pick<FileStore, 'presignedDownload'>;
}

/** How long a photo's presigned GET stays valid. */
export const PHOTO_URL_SECONDS = 3600;

/**
 * A facility's photos in showing order (the top photo first, then by creation), those `shown` keeps (all by default),
 * each with a presigned GET valid for {@link PHOTO_URL_SECONDS}: the one read of photos of the member and operator
 * answers. Every photo recorded is listed, whether or not its upload was made (its URL then answers 404).
 */
export async function photosOf(
  deps: PhotoReads,
  facilityId: string,
  shown: (photos: Photo[]) => Photo[] = (photos) => photos,
): Promise<PhotoResponse[]> {
  return presigned(deps, shown(inShowingOrder(await deps.photos.ofFacility(facilityId))));
}

/** Photos as answers show them, each with its presigned GET (presigning reads nothing). */
function presigned(deps: Pick<PhotoReads, 'files'>, photos: readonly Photo[]): Promise<PhotoResponse[]> {
  return Promise.all(
    photos.map(async (p) => photoView(p, await deps.files.presignedDownload(p.key, PHOTO_URL_SECONDS))),
  );
}

/** A published facility as members see it: its active spaces and their photos; 404 when there is none now. */
export async function publishedFacility(
  deps: PhotoReads & {
    facilities: Pick<FacilityRepository, 'getFacility'>;
    spaces: Pick<SpaceRepository, 'spacesOfFacility'>;
  },
  facilityId: string,
  now: number,
): Promise<FacilityResponse> {
  // one round trip: the photos are read beside the facility and its spaces
  const [facility, spaces, all] = await Promise.all([
    deps.facilities.getFacility(facilityId),
    deps.spaces.spacesOfFacility(facilityId),
    deps.photos.ofFacility(facilityId),
  ]);
  if (!facility || !isPublished(facility, now)) throw notFound('Facility');
  const photos = await presigned(deps, photosForMembers(inShowingOrder(all), spaces));
  return facilityView(facility, spaces, photos, now);
}
