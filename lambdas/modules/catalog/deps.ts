import { tableContext } from '../../platform/dynamo/client';
import { FacilityRepository } from './data/facility';
import { PhotoRepository } from './data/photo';
import { SpaceRepository } from './data/space';

export interface CatalogDeps {
  facilities: FacilityRepository;
  spaces: SpaceRepository;
  photos: PhotoRepository;
}

let cached: CatalogDeps | undefined;

/** The catalog's repositories over the process-wide table, made once. */
export function catalogDeps(): CatalogDeps {
  if (!cached) {
    const { doc, tableName } = tableContext();
    cached = {
      facilities: new FacilityRepository(doc, tableName),
      spaces: new SpaceRepository(doc, tableName),
      photos: new PhotoRepository(doc, tableName),
    };
  }
  return cached;
}
