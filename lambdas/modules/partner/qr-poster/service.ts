/**
 * What an open space's QR poster shows (api.md "Partner routes": `GET …/qr`; 004 §2-2 店舗掲示用二次元コード): the
 * space's QR value, which members scan to check in and out (domain-rules §6), its name and its facility's.
 */
import type { Identity } from '../../../platform/identity';
import type { CatalogDeps } from '../../catalog';
import { ownOpenSpace } from '../spaces';
import type { PosterContent } from './rules/layout';

export type QrPosterPorts = {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility'>;
  spaces: Pick<CatalogDeps['spaces'], 'getSpace'>;
};

/**
 * The poster's content for one of the caller's partner's open spaces, active or not (a partner prints it before it
 * opens the space): 404 for another partner's space (or none).
 *
 * A reservable space is refused with 422 `INVALID_SPACE_CONFIG`, not 404: it exists and is the caller's (the partner
 * sees it on the other routes), it just has no QR code, members check in there by reservation. This is what the
 * sibling congestion route answers for one, so the partner site handles both open-space routes alike.
 */
export async function qrPosterOf(deps: QrPosterPorts, identity: Identity, spaceId: string): Promise<PosterContent> {
  const { space, facility } = await ownOpenSpace(deps, identity, spaceId);
  // every open space gets its QR value when it is made (admin, seed): one without is a fault of ours (500)
  if (!space.qrValue) throw new Error(`Open space ${spaceId} has no QR value`);
  return { facilityName: facility.name, spaceName: space.name, qrValue: space.qrValue };
}
