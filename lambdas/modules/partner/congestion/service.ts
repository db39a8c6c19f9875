/**
 * A partner's staff set how full its open spaces are (api.md "Partner routes": congestion; domain-rules §6, 004
 * §3-1). A status, not an edit: no `If-Match`, the last write wins; it is written alone, so it neither races the
 * space's settings edits nor moves their `version`.
 */
import type { CongestionBody } from '../../../../contracts/http/congestion';
import type { Congestion, Facility, Instant, Space } from '../../../domain/model';
import type { Identity } from '../../../platform/identity';
import { notFound } from '../../../platform/problems';
import type { CatalogDeps } from '../../catalog';
import { ownOpenSpace } from '../spaces';

export type CongestionPorts = {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility'>;
  spaces: Pick<CatalogDeps['spaces'], 'getSpace' | 'setCongestion'>;
};

/**
 * Sets the congestion of one of the caller's partner's open spaces as of `now`: 404 for another partner's space
 * (or none), 422 `INVALID_SPACE_CONFIG` for a reservable one.
 */
export async function setCongestion(
  deps: CongestionPorts,
  identity: Identity,
  spaceId: string,
  input: CongestionBody,
  now: Instant,
): Promise<{ space: Space; facility: Facility; congestion: Congestion }> {
  const { space, facility } = await ownOpenSpace(deps, identity, spaceId);
  const congestion: Congestion = { level: input.level, comment: input.comment ?? null, updatedAt: now };
  if (!(await deps.spaces.setCongestion(spaceId, congestion))) throw notFound('Space');
  return { space: { ...space, congestion }, facility, congestion };
}
