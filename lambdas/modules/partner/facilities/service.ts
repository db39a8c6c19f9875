/** A partner reads and edits its own facilities; another partner's are not there for it (404). */

import { PHOTOS_KEY_PREFIX } from '../../../../contracts/files';
import type { Facility, Space } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import { partnerIdOf } from '../../../platform/identity';
import type { FileStore, Ids } from '../../../platform/ports';
import { ApiError, notFound } from '../../../platform/problems';
import { ownedByPartner } from '../../../platform/tenancy';
import type { CatalogDeps, Photo, PhotoReads } from '../../catalog';
import { applyFacilityPatch, type FacilityPatchFields } from './rules/patch';

export type FacilityPorts = {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility' | 'listFacilities' | 'replaceFacility'>;
  spaces: Pick<CatalogDeps['spaces'], 'spacesOfFacility'>;
};

/** What the photo flows read and write: the photo items, the photos bucket, ids. */
export type PhotoPorts = FacilityPorts & {
  photos: Pick<CatalogDeps['photos'], 'put' | 'ofFacility' | 'getPhoto' | 'remove'>;
  files: Pick<FileStore, 'presignedUpload' | 'presignedDownload' | 'delete'>;
  ids: Ids;
} & PhotoReads;

/** How long a presigned upload stays valid. */
const UPLOAD_SECONDS = 3600;

/**
 * A new photo of one of the caller's partner's facilities (or of one of its spaces): recorded, and a presigned POST
 * that takes exactly the declared file (its type, at most its size) for an hour.
 */
export async function newPhoto(
  deps: PhotoPorts,
  identity: Identity,
  facilityId: string,
  input: { contentType: 'image/jpeg' | 'image/gif'; bytes: number; spaceId?: string; top?: boolean },
  now: number,
) {
  const { facility, spaces } = await ownFacility(deps, identity, facilityId);
  if (input.spaceId && !spaces.some((s) => s.spaceId === input.spaceId)) throw notFound('Space');
  const photoId = deps.ids.next();
  const photo: Photo = {
    photoId,
    facilityId,
    partnerId: facility.partnerId,
    ...(input.spaceId ? { spaceId: input.spaceId } : {}),
    top: input.top ?? false,
    contentType: input.contentType,
    bytes: input.bytes,
    key: `${PHOTOS_KEY_PREFIX}${facilityId}/${photoId}`,
    createdAt: now,
  };
  await deps.photos.put(photo);
  const upload = await deps.files.presignedUpload({
    key: photo.key,
    contentType: photo.contentType,
    maxBytes: photo.bytes,
    expiresInSeconds: UPLOAD_SECONDS,
  });
  return { photoId, upload };
}

/**
 * Deletes one of the caller's partner's photos: its file first (a missing one is fine), then its item, so that a
 * retry after a failure between the two finishes the job. 404 when there is no such photo, when it is another
 * partner's, or when a concurrent deletion took the item first.
 */
export async function deletePhoto(
  deps: Pick<PhotoPorts, 'photos' | 'files'>,
  identity: Identity,
  photoId: string,
): Promise<void> {
  const photo = ownedByPartner(identity, await deps.photos.getPhoto(photoId), 'Photo');
  await deps.files.delete(photo.key);
  if (!(await deps.photos.remove(photo.photoId))) throw notFound('Photo');
}

/** The caller's partner's facilities. */
export async function ownFacilities(deps: FacilityPorts, identity: Identity): Promise<Facility[]> {
  const partnerId = partnerIdOf(identity);
  return (await deps.facilities.listFacilities()).filter((f) => f.partnerId === partnerId);
}

/** One of the caller's partner's facilities with its spaces, or 404. */
export async function ownFacility(
  deps: FacilityPorts,
  identity: Identity,
  facilityId: string,
): Promise<{ facility: Facility; spaces: Space[] }> {
  const [facility, spaces] = await Promise.all([
    deps.facilities.getFacility(facilityId),
    deps.spaces.spacesOfFacility(facilityId),
  ]);
  return { facility: ownedByPartner(identity, facility, 'Facility'), spaces };
}

const stale = () => new ApiError('VERSION_MISMATCH', 'The facility changed since you read it: read it again');

/**
 * Edits one of the caller's partner's facilities, on the version the caller read (`If-Match`): 412 when it is not
 * the current one, or when another edit lands first; nothing of this edit is written then.
 */
export async function editFacility(
  deps: FacilityPorts,
  identity: Identity,
  facilityId: string,
  patch: FacilityPatchFields,
  expectedVersion: number,
): Promise<{ facility: Facility; spaces: Space[] }> {
  const { facility, spaces } = await ownFacility(deps, identity, facilityId);
  if (facility.version !== expectedVersion) throw stale();
  const applied = applyFacilityPatch(facility, patch);
  if (!applied.ok) {
    throw new ApiError('VALIDATION_FAILED', `${applied.field}: ${applied.message}`, [
      { field: applied.field, message: applied.message },
    ]);
  }
  if (!(await deps.facilities.replaceFacility(applied.facility, expectedVersion))) throw stale();
  return { facility: applied.facility, spaces };
}
