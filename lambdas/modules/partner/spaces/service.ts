/** A partner reads, creates and sets its own spaces; another partner's are not there for it (404). */
import { localDateOf } from '../../../domain/calendar';
import type { Facility, Instant, Space } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import type { Ids } from '../../../platform/ports';
import { ApiError } from '../../../platform/problems';
import { ownedByPartner } from '../../../platform/tenancy';
import type { CatalogDeps } from '../../catalog';
import { applySpaceSettings, newSpace, type SpaceSettings } from './rules/space-settings';

export type SpacePorts = {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility'>;
  spaces: Pick<CatalogDeps['spaces'], 'getSpace' | 'replaceSpace' | 'createSpace'>;
  ids: Ids;
};

/** One of the caller's partner's spaces with its facility, or 404. */
export async function ownSpace(
  deps: { facilities: SpacePorts['facilities']; spaces: Pick<SpacePorts['spaces'], 'getSpace'> },
  identity: Identity,
  spaceId: string,
): Promise<{ space: Space; facility: Facility }> {
  const space = await deps.spaces.getSpace(spaceId);
  const facility = space ? await deps.facilities.getFacility(space.facilityId) : undefined;
  ownedByPartner(identity, facility, 'Space');
  return { space: space as Space, facility: facility as Facility };
}

/**
 * One of the caller's partner's **open** spaces (the routes of congestion, the QR poster, reception): 404 for another
 * partner's space (or none); a reservable one is the caller's but has none of these, 422 `INVALID_SPACE_CONFIG` naming
 * `field` (where the request named the space).
 */
export async function ownOpenSpace(
  deps: Parameters<typeof ownSpace>[0],
  identity: Identity,
  spaceId: string,
  field = 'spaceId',
): Promise<{ space: Space; facility: Facility }> {
  const found = await ownSpace(deps, identity, spaceId);
  if (found.space.type !== 'openSpace') {
    throw new ApiError('INVALID_SPACE_CONFIG', 'Only an open space has this: congestion, a QR code, drop-in visits', [
      { field, message: `${spaceId} is a reservable space, not an open space` },
    ]);
  }
  return found;
}

const refused = (problems: string[]) => new ApiError('INVALID_SPACE_CONFIG', problems.join(' '));
const stale = () => new ApiError('VERSION_MISMATCH', 'The space changed since you read it: read it again');

/**
 * Sets one of the caller's partner's spaces, on the version the caller read (`If-Match`): 412 when it is not the
 * current one or another edit lands first, 422 when the result breaks a rule; nothing is written then. A price
 * change applies to uses from today (the facility's date).
 */
export async function editSpace(
  deps: SpacePorts,
  identity: Identity,
  spaceId: string,
  settings: SpaceSettings,
  expectedVersion: number,
  now: Instant,
): Promise<{ space: Space; facility: Facility }> {
  const { space, facility } = await ownSpace(deps, identity, spaceId);
  if (space.version !== expectedVersion) throw stale();
  const applied = applySpaceSettings(space, settings, localDateOf(now, facility.timeZone));
  if (!applied.ok) throw refused(applied.problems);
  if (!(await deps.spaces.replaceSpace(applied.space, expectedVersion))) throw stale();
  return { space: applied.space, facility };
}

/**
 * A new reservable space of one of the caller's partner's facilities, at its doors. Its id is made here, or given
 * by the catalogue seed (bin/seed.ts; the route's body takes none).
 */
export async function createSpace(
  deps: SpacePorts,
  identity: Identity,
  facilityId: string,
  input: SpaceSettings & { kind: 'seat' | 'meetingRoom'; spaceId?: string },
  now: Instant,
): Promise<{ space: Space; facility: Facility }> {
  const facility = ownedByPartner(identity, await deps.facilities.getFacility(facilityId), 'Facility');
  const { kind, spaceId, ...settings } = input;
  const applied = newSpace({
    spaceId: spaceId ?? `${facilityId}-${deps.ids.next().slice(0, 8)}`,
    facility,
    kind,
    settings,
    today: localDateOf(now, facility.timeZone),
  });
  if (!applied.ok) throw refused(applied.problems);
  const { space } = applied;
  if (!(await deps.spaces.createSpace(space))) throw new Error(`Space id ${space.spaceId} is taken`);
  return { space, facility };
}
