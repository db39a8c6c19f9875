/** A partner reads and edits its own facilities; another partner's are not there for it (404). */
import type { Facility, Space } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import { partnerIdOf } from '../../../platform/identity';
import { ApiError } from '../../../platform/problems';
import { ownedByPartner } from '../../../platform/tenancy';
import type { CatalogDeps } from '../../catalog';
import { applyFacilityPatch, type FacilityPatchFields } from './rules/patch';

export type FacilityPorts = {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility' | 'listFacilities' | 'replaceFacility'>;
  spaces: Pick<CatalogDeps['spaces'], 'spacesOfFacility'>;
};

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
