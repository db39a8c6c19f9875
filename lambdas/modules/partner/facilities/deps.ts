import { photoStore, tableContext, uuids } from '../../../platform/deps';
import { catalogDeps } from '../../catalog';
import { PhotoRepository } from './data/photo';
import type { PhotoPorts } from './service';

let photos: PhotoRepository | undefined;

/** The facility flows with the photos: the catalog's repositories, the photo items, the photos bucket. */
export function photoDeps(): PhotoPorts {
  const { doc, tableName } = tableContext();
  photos ??= new PhotoRepository(doc, tableName);
  return { ...catalogDeps(), photos, files: photoStore(), ids: uuids };
}
