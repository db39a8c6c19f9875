/**
 * A partner's edit of a facility (api.md PATCH facility; 004 §2-2): a JSON merge patch of the listed fields onto
 * the facility, the next version, and the rules an edit must keep.
 */
import type { Facility, Instant, Station } from '../../../../domain/model';

/** The fields a partner edits, as the patch gives them (instants as epoch milliseconds). */
export interface FacilityPatchFields {
  name?: string;
  nameKana?: string | null;
  postalCode?: string | null;
  address?: { prefecture?: string; city?: string; street?: string };
  location?: { lat: number; lng: number };
  contact?: string | null;
  url?: string | null;
  description?: string | null;
  amenities?: string[];
  stations?: Station[];
  publishFrom?: Instant | null;
  publishUntil?: Instant | null;
  notificationEmails?: string[];
}

export type PatchOutcome = { ok: true; facility: Facility } | { ok: false; field: string; message: string };

const has = <K extends keyof FacilityPatchFields>(patch: FacilityPatchFields, key: K) => patch[key] !== undefined;

/** The facility after `patch`, one version on; refused when the publication window would end before it starts. */
export function applyFacilityPatch(facility: Facility, patch: FacilityPatchFields): PatchOutcome {
  const next: Facility = { ...facility, version: facility.version + 1 };
  if (has(patch, 'name')) next.name = patch.name as string;
  for (const key of ['nameKana', 'postalCode', 'contact', 'url', 'description'] as const) {
    if (patch[key] !== undefined) next[key] = patch[key];
  }
  if (patch.address) {
    const { street, ...rest } = patch.address;
    next.address = { ...facility.address, ...rest, ...(street === undefined ? {} : { line: street }) };
  }
  if (patch.location) next.location = patch.location;
  if (patch.amenities) next.amenities = patch.amenities;
  if (patch.stations) {
    next.stations = patch.stations;
    // the member routes show station names
    next.nearestStations = patch.stations.map((s) => s.station);
  }
  if (patch.publishFrom !== undefined) next.publishFrom = patch.publishFrom;
  if (patch.publishUntil !== undefined) next.publishUntil = patch.publishUntil;
  if (patch.notificationEmails) next.notificationEmails = patch.notificationEmails;
  if (next.publishFrom !== null && next.publishUntil !== null && next.publishUntil <= next.publishFrom) {
    return { ok: false, field: 'body.publishUntil', message: 'The publication window must end after it starts' };
  }
  return { ok: true, facility: next };
}
