import { photoStore, uuids } from '../../../platform/deps';
import { catalogDeps } from '../../catalog';
import type { PhotoPorts } from './service';

/** The facility flows with the photos: the catalog's repositories (photo items among them), the photos bucket, ids. */
export function photoDeps(): PhotoPorts {
  return { ...catalogDeps(), files: photoStore(), ids: uuids };
}
