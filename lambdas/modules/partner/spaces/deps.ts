import { uuids } from '../../../platform/deps';
import { catalogDeps } from '../../catalog';
import type { SpacePorts } from './service';

/** The space flows: the catalog's repositories and ids. */
export const spaceDeps = (): SpacePorts => ({ ...catalogDeps(), ids: uuids });
