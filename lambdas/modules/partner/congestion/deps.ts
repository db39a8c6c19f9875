import { catalogDeps } from '../../catalog';
import type { CongestionPorts } from './service';

/** The congestion flow: the catalog's repositories. */
export const congestionDeps = (): CongestionPorts => catalogDeps();
