/**
 * Who is in the partner's open spaces now (api.md "Partner routes": usage/current; 004 §3): for every operator role of
 * the partner, never another's. A facility named must be the partner's (404 otherwise, as for anything not theirs).
 */
import type { Identity } from '../../../platform/identity';
import { partnerIdOf } from '../../../platform/identity';
import { ownedByPartner } from '../../../platform/tenancy';
import type { CatalogReads } from '../../catalog';
import type { Visit, VisitRepository } from '../../dropin';

export interface UsagePorts {
  facilities: CatalogReads['facilities'];
  visits: Pick<VisitRepository, 'presentAt'>;
}

export async function currentUsage(deps: UsagePorts, identity: Identity, facilityId?: string): Promise<Visit[]> {
  if (facilityId) ownedByPartner(identity, await deps.facilities.getFacility(facilityId), 'Facility');
  return deps.visits.presentAt(partnerIdOf(identity), facilityId);
}
